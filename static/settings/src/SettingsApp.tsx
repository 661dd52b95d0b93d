import type { SettingsView } from '../../../src/api/views';
import { call, CallError } from '../../shared/client';
import { ErrorMessage, Loading } from '../../shared/components';
import { getModuleContext } from '../../shared/context';
import { useRemote } from '../../shared/use-remote';

async function loadSettings(): Promise<SettingsView> {
  const context = await getModuleContext();
  const projectKey = context.extension.project?.key;
  if (projectKey === undefined) throw new CallError({ code: 'NOT_FOUND', message: 'Open these settings from a Jira project.' });
  return call('getSettings', { projectKey });
}

export function SettingsApp() {
  const [remote, reload] = useRemote(loadSettings);
  if (remote.state === 'loading') return <Loading label="Loading the lessons-learned settings" />;
  if (remote.state === 'error') return <ErrorMessage error={remote.error} onRetry={reload} />;
  const { project, canAdminister } = remote.data;
  return (
    <main aria-label={`Lessons learned settings for ${project.name}`}>
      <h1>Lessons learned settings · {project.name}</h1>
      {canAdminister ? (
        <p>Incident issue types, root-cause taxonomy, corrective-action target and the review procedure are configured here.</p>
      ) : (
        <div className="section-message info" role="note">
          <div>
            <strong>Read only</strong>
            <p>Only project admins can change these settings.</p>
          </div>
        </div>
      )}
    </main>
  );
}
