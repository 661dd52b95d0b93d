import type { ReactNode } from 'react';
import type { GlobalSummary } from '../../../src/api/jira-native';
import { call } from '../../shared/client';
import { ErrorMessage, Loading } from '../../shared/components';
import { CountCards, type CountCard } from '../../shared/dashboard/CountCards';
import { KpiTable } from '../../shared/dashboard/KpiTable';
import { Trends } from '../../shared/dashboard/Trends';
import { getModuleContext } from '../../shared/context';
import { EnvironmentContext, environmentOf, type ModuleEnvironment } from '../../shared/environment';
import { useRemote } from '../../shared/use-remote';
import { UserDirectoryProvider } from '../../shared/user-directory';
import { GlobalEvidencePack } from './GlobalEvidencePack';
import { OverdueAcrossProjects } from './OverdueAcrossProjects';
import { ProjectsTable } from './ProjectsTable';

/**
 * The all-projects page (jira:globalPage) for the ISMS manager: one invoke for the whole page;
 * only projects the user can browse are in it (checked by Jira, as the user, on the server).
 * Each section is one entry of SECTIONS, so further sections (an evidence pack) slot in beside them.
 */
/** The summary and the user's locale and time zone (from the Forge context) for dates. */
async function loadPage(): Promise<{ summary: GlobalSummary; environment: ModuleEnvironment }> {
  const [summary, context] = await Promise.all([call('getGlobalSummary', {}), getModuleContext()]);
  return { summary, environment: environmentOf(context) };
}

const DEFAULT_ENVIRONMENT: ModuleEnvironment = { time: { locale: 'en-GB', timeZone: 'UTC' } };

interface PageSection {
  id: string;
  render: (summary: GlobalSummary) => ReactNode;
}

const SECTIONS: readonly PageSection[] = [
  { id: 'projects', render: (summary) => <ProjectsTable summary={summary} /> },
  { id: 'overdue', render: (summary) => <OverdueAcrossProjects summary={summary} /> },
  {
    id: 'kpis',
    render: (summary) => (
      <KpiTable summary={summary} scope="all-projects" note="Significant incidents reviewed on time are in the projects table: each project sets its own significance and target." />
    ),
  },
  { id: 'trends', render: (summary) => <Trends summary={summary} /> },
  // Loads its own project list (approver checks) so the figures above never wait for it.
  { id: 'evidence', render: (summary) => <GlobalEvidencePack today={summary.today} /> },
];

export function GlobalApp() {
  const [remote, reload] = useRemote(loadPage);
  return (
    <EnvironmentContext.Provider value={remote.state === 'ready' ? remote.data.environment : DEFAULT_ENVIRONMENT}>
    <UserDirectoryProvider>
      <main className="dashboard global" aria-label="Lessons learned in all incident projects">
        <header className="dashboard-header">
          <h1>Lessons learned · all incident projects</h1>
          <p className="subtle">ISO/IEC 27001 A 5.27 across the organisation: the projects you can browse, added up.</p>
        </header>
        {remote.state === 'loading' ? (
          <Loading label="Loading the figures of all incident projects" />
        ) : remote.state === 'error' ? (
          <ErrorMessage error={remote.error} onRetry={reload} />
        ) : (
          <>
            <Counts summary={remote.data.summary} />
            {SECTIONS.map((section) => <div key={section.id} className="global-section" data-section={section.id}>{section.render(remote.data.summary)}</div>)}
          </>
        )}
      </main>
    </UserDirectoryProvider>
    </EnvironmentContext.Provider>
  );
}

function Counts({ summary }: { summary: GlobalSummary }) {
  const { counts } = summary;
  const cards: CountCard[] = [
    { label: 'Projects', value: summary.projects.length, tone: 'neutral', hint: 'incident projects you can browse' },
    { label: 'Overdue actions', value: counts.overdue, tone: counts.overdue > 0 ? 'danger' : 'success', hint: 'open, past their target date' },
    { label: 'Due in 14 days', value: counts.dueSoon, tone: counts.dueSoon > 0 ? 'warning' : 'neutral', hint: 'open, target date ahead' },
    { label: 'Open actions', value: counts.openActions, tone: 'neutral', hint: 'planned or in Jira, not done' },
    { label: 'Awaiting approval', value: counts.reviewsByStage.awaiting_approval, tone: counts.reviewsByStage.awaiting_approval > 0 ? 'warning' : 'neutral', hint: 'reviews with decisions to approve' },
  ];
  return <CountCards cards={cards} />;
}
