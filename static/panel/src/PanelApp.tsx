import { useCallback } from 'react';
import type { PanelView } from '../../../src/api/views';
import { call, CallError } from '../../shared/client';
import { ErrorMessage, Loading } from '../../shared/components';
import { getModuleContext } from '../../shared/context';
import { useRemote } from '../../shared/use-remote';
import { UserDirectoryProvider } from '../../shared/user-directory';
import { ReviewWorkspace } from './ReviewWorkspace';
import { StartReview } from './StartReview';
import { EnvironmentContext, environmentOf, type ModuleEnvironment } from '../../shared/environment';

interface Loaded {
  view: PanelView;
  environment: ModuleEnvironment;
}

/** Exactly one invoke on open: getPanel. */
async function loadPanel(): Promise<Loaded> {
  const context = await getModuleContext();
  const issueKey = context.extension.issue?.key;
  if (issueKey === undefined) throw new CallError({ code: 'NOT_FOUND', message: 'Open this panel from an incident issue.' });
  return { view: await call('getPanel', { issueKey }), environment: environmentOf(context) };
}

export function PanelApp() {
  const [remote, reload, replace] = useRemote(loadPanel);
  const loaded = remote.state === 'ready' ? remote.data : undefined;
  const started = useCallback((view: PanelView) => { if (loaded) replace({ ...loaded, view }); }, [loaded, replace]);

  if (remote.state === 'loading') return <Loading label="Loading the lessons-learned review" />;
  if (remote.state === 'error') return <ErrorMessage error={remote.error} onRetry={reload} />;
  const { view, environment } = remote.data;
  const review = view.review;
  return (
    <EnvironmentContext.Provider value={environment}>
      <UserDirectoryProvider>
        {review === null ? (
          <StartReview issue={view.issue} canEdit={view.canEdit} isIncident={view.isIncident} onStarted={started} />
        ) : (
          <ReviewWorkspace key={view.issue.key} view={{ ...view, review }} />
        )}
      </UserDirectoryProvider>
    </EnvironmentContext.Provider>
  );
}
