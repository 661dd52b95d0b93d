import { view } from '@forge/bridge';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles.css';

/** Every module starts the same way: theme from Jira (light/dark via design tokens), then render. */
export function bootstrap(render: () => ReactNode): void {
  const rootElement = document.getElementById('root');
  if (rootElement === null) throw new Error('index.html has no #root');
  void view.theme.enable().catch(() => undefined);
  createRoot(rootElement).render(<StrictMode>{render()}</StrictMode>);
}
