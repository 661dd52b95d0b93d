import { useCallback } from 'react';
import type { SettingsView } from '../../../src/api/settings';
import { call, CallError } from '../../shared/client';
import { ErrorMessage, Loading } from '../../shared/components';
import { getModuleContext } from '../../shared/context';
import { formatInstant } from '../../shared/dates';
import { EnvironmentContext, environmentOf, type ModuleEnvironment } from '../../shared/environment';
import { useRemote } from '../../shared/use-remote';
import { BackfillSection } from './BackfillSection';
import { ProcedureSection } from './ProcedureSection';
import { ProcessReviewSection } from './ProcessReviewSection';
import { SettingsForm } from './SettingsForm';
import './settings.css';

interface Loaded {
  view: SettingsView;
  environment: ModuleEnvironment;
}

async function loadSettings(): Promise<Loaded> {
  const context = await getModuleContext();
  const projectKey = context.extension.project?.key;
  if (projectKey === undefined) throw new CallError({ code: 'NOT_FOUND', message: 'Open these settings from a Jira project.' });
  return { view: await call('getSettings', { projectKey }), environment: environmentOf(context) };
}

/** The project settings page: one invoke for the whole page (settings, Jira choices, procedure). */
export function SettingsApp() {
  const [remote, reload, replace] = useRemote(loadSettings);
  const loaded = remote.state === 'ready' ? remote.data : null;
  const view = loaded?.view ?? null;
  const update = useCallback((change: Partial<SettingsView>) => { if (loaded) replace({ ...loaded, view: { ...loaded.view, ...change } }); }, [loaded, replace]);
  if (remote.state === 'loading') return <Loading label="Loading the lessons-learned settings" />;
  if (remote.state === 'error' || loaded === null || view === null) return remote.state === 'error' ? <ErrorMessage error={remote.error} onRetry={reload} /> : null;
  const { project, canAdminister } = view;
  return (
    <EnvironmentContext.Provider value={loaded.environment}>
      <main className="settings-page" aria-label={`Lessons learned settings for ${project.name}`}>
        <header className="page-header">
          <h1>Lessons learned settings · {project.name}</h1>
          <p className="subtle">
            How this project learns from information security incidents (ISO/IEC 27001:2022 A 5.27).
            {view.updatedBy && view.updatedAt ? ` Last changed by ${view.updatedBy.displayName} on ${formatInstant(view.updatedAt, loaded.environment.time)} (version ${view.version}).` : ' The project uses the app’s defaults.'}
          </p>
          <nav aria-label="Settings sections" className="section-nav">
            <a href="#incidents">Incidents</a>
            <a href="#severity">Severity</a>
            <a href="#taxonomy">Root causes</a>
            <a href="#fishbone">Fishbone</a>
            <a href="#actions">Actions</a>
            <a href="#approvals">Approvals</a>
            <a href="#monitoring">Follow-up</a>
            <a href="#procedure">Procedure</a>
            <a href="#process-review">Process review</a>
            {canAdminister ? <a href="#backfill">Existing incidents</a> : null}
          </nav>
        </header>
        {canAdminister ? null : (
          <div className="section-message info" role="note">
            <div>
              <strong>Read only</strong>
              <p>Only project admins can change these settings.{view.procedure.canSignOff ? ' As an approver you can sign off a draft of the review procedure.' : ''}</p>
            </div>
          </div>
        )}
        <SettingsForm
          view={view}
          onSaved={(result) => {
            if (result.saved) update({ settings: result.settings, version: result.version, updatedAt: new Date().toISOString(), updatedBy: { accountId: '', displayName: 'you' } });
          }}
          onReload={reload}
        />
        <ProcedureSection projectKey={project.key} procedure={view.procedure} onChange={(procedure) => { update({ procedure }); }} onReload={reload} />
        <ProcessReviewSection projectKey={project.key} />
        {canAdminister ? <BackfillSection projectKey={project.key} /> : null}
      </main>
    </EnvironmentContext.Provider>
  );
}
