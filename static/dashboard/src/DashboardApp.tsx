import { useState } from 'react';
import type { DashboardSummary, OverdueActionsPage } from '../../../src/api/dashboard';
import { call, CallError } from '../../shared/client';
import { ErrorMessage, Loading } from '../../shared/components';
import { getModuleContext } from '../../shared/context';
import { EnvironmentContext, environmentOf, type ModuleEnvironment } from '../../shared/environment';
import { useRemote } from '../../shared/use-remote';
import { UserDirectoryProvider } from '../../shared/user-directory';
import { CoverageTab } from './CoverageTab';
import { EvidencePackTab } from './evidence/EvidencePackTab';
import { KpiTable } from '../../shared/dashboard/KpiTable';
import { LibraryTab } from './LibraryTab';
import { OverdueActions } from './OverdueActions';
import { useProjectName } from './project-name';
import { RepeatRootCauses } from './RepeatRootCauses';
import { Trends } from '../../shared/dashboard/Trends';
import { CountCards, type CountCard } from '../../shared/dashboard/CountCards';
import '../../shared/dashboard/dashboard-parts.css';
import './dashboard.css';

interface PageData {
  summary: DashboardSummary;
  overdue: OverdueActionsPage;
  environment: ModuleEnvironment;
}

/** The page loads with two invokes in parallel: the summary (KPIs, trends, counts) and the first page of overdue actions. */
async function loadPage(): Promise<PageData> {
  const context = await getModuleContext();
  const projectKey = context.extension.project?.key;
  if (projectKey === undefined) throw new CallError({ code: 'NOT_FOUND', message: 'Open this page from a Jira project.' });
  const [summary, overdue] = await Promise.all([call('getDashboardSummary', { projectKey }), call('listOverdueActions', { projectKey })]);
  return { summary, overdue, environment: environmentOf(context) };
}

type Tab = 'overview' | 'coverage' | 'library' | 'evidence';
const TABS: Record<Tab, string> = { overview: 'Overview', coverage: 'Review coverage', library: 'Lessons library', evidence: 'Evidence pack' };

export function DashboardApp() {
  return (
    <UserDirectoryProvider>
      <Dashboard />
    </UserDirectoryProvider>
  );
}

function Dashboard() {
  const [remote, reload] = useRemote(loadPage);
  if (remote.state === 'loading') return <Loading label="Loading the lessons-learned dashboard" />;
  if (remote.state === 'error') return <ErrorMessage error={remote.error} onRetry={reload} />;
  return (
    <EnvironmentContext.Provider value={remote.data.environment}>
      <DashboardPage {...remote.data} />
    </EnvironmentContext.Provider>
  );
}

function DashboardPage({ summary, overdue }: PageData) {
  const [tab, setTab] = useState<Tab>('overview');
  const projectName = useProjectName(summary.projectKey);
  return (
    <main className="dashboard" aria-label={`Lessons learned in ${projectName}`}>
      <header className="dashboard-header">
        <h1>Lessons learned · {projectName}</h1>
        <p className="subtle">Monitoring of ISO/IEC 27001 A 5.27: are the improvements from incidents done, and do they work?</p>
      </header>
      <Counts summary={summary} />
      <div className="tabs" role="tablist" aria-label="Dashboard sections">
        {(Object.keys(TABS) as Tab[]).map((id) => (
          <button key={id} type="button" role="tab" id={`tab-${id}`} aria-selected={tab === id} aria-controls={`panel-${id}`} className={`tab${tab === id ? ' selected' : ''}`} onClick={() => { setTab(id); }}>
            {TABS[id]}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`}>
        {tab === 'overview' ? (
          <>
            <OverdueActions summary={summary} firstPage={overdue} />
            <KpiTable summary={summary} scope={summary.projectKey} />
            <Trends summary={summary} />
            <RepeatRootCauses summary={summary} />
          </>
        ) : tab === 'coverage' ? (
          <CoverageTab projectKey={summary.projectKey} />
        ) : tab === 'library' ? (
          <LibraryTab summary={summary} />
        ) : (
          <EvidencePackTab projectKey={summary.projectKey} today={summary.today} />
        )}
      </div>
    </main>
  );
}

function Counts({ summary }: { summary: DashboardSummary }) {
  const { counts } = summary;
  const inProgress = counts.reviewsByStage.draft + counts.reviewsByStage.in_review;
  const cards: CountCard[] = [
    { label: 'Overdue actions', value: counts.overdue, tone: counts.overdue > 0 ? 'danger' : 'success', hint: 'open, past their target date' },
    { label: 'Due in 14 days', value: counts.dueSoon, tone: counts.dueSoon > 0 ? 'warning' : 'neutral', hint: 'open, target date ahead' },
    { label: 'Open actions', value: counts.openActions, tone: 'neutral', hint: 'planned or in Jira, not done' },
    { label: 'Awaiting approval', value: counts.reviewsByStage.awaiting_approval, tone: counts.reviewsByStage.awaiting_approval > 0 ? 'warning' : 'neutral', hint: 'reviews with decisions to approve' },
    { label: 'Reviews in progress', value: inProgress, tone: 'neutral', hint: 'in draft or in review' },
    { label: 'Repeat root causes', value: summary.repeats.length, tone: summary.repeats.length > 0 ? 'warning' : 'success', hint: 'categories in ≥ 2 incidents, 12 months' },
  ];
  return <CountCards cards={cards} />;
}
