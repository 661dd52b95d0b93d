import { view } from '@forge/bridge';
import { call, CallError } from '../../shared/client';
import { getModuleContext } from '../../shared/context';
import './glance.css';

/**
 * The incident issue glance: one line ("Review: awaiting approval · 2 actions overdue") from one
 * resolver call. Plain DOM, no React: the glance loads on every incident issue view, so its bundle
 * stays a few KB (README, "Issue glance").
 */
const root = document.getElementById('root');

function show(text: string, tone: 'neutral' | 'warning' | 'success' | 'error'): void {
  if (root === null) return;
  const line = document.createElement('p');
  line.className = `glance ${tone}`;
  line.setAttribute('data-testid', 'glance');
  const dot = document.createElement('span');
  dot.className = 'dot';
  dot.setAttribute('aria-hidden', 'true');
  line.append(dot, document.createTextNode(text));
  root.replaceChildren(line);
}

async function main(): Promise<void> {
  void view.theme.enable().catch(() => undefined);
  show('Loading…', 'neutral');
  try {
    const { extension } = await getModuleContext();
    if (extension.issue === undefined) throw new CallError({ code: 'INVALID_INPUT', message: 'This glance only works on an issue.' });
    const glance = await call('getIssueGlance', { issueKey: extension.issue.key });
    const tone = glance.review === null ? 'neutral' : glance.review.overdueActions > 0 ? 'warning' : glance.review.stage === 'approved' || glance.review.stage === 'closed' ? 'success' : 'neutral';
    show(glance.label, tone);
  } catch (error) {
    show(error instanceof CallError ? error.message : 'Could not load the review status.', 'error');
  }
}

void main();
