import { approveReview } from '../test/support/review-flow';
import { EVIDENCE_LISTS } from '../src/api/evidence';
import { resolverInputs } from '../src/api/resolvers';
import type { Sandbox } from '../sandbox/sandbox';
import { PERSONAS } from '../sandbox/jira';
import type { Invoke, Operation } from './measure';

/** The user-facing operations the bench measures, each as the calls a real screen makes. */
export interface Scenario {
  name: string;
  /** Prepares state outside the measurement and returns the measured operation. */
  prepare(sandbox: Sandbox, invoke: Invoke): Promise<Operation>;
}

const has = (key: string): boolean => key in resolverInputs;

interface PanelData { ok: true; data: { review: { version: number } | null } }

export const openPanel: Scenario = {
  name: 'open panel',
  prepare: () => Promise.resolve((invoke) => invoke('rita', 'getPanel', { issueKey: 'SEC-1' }).then(() => undefined)),
};

export const saveSection: Scenario = {
  name: 'save a section',
  prepare: async (_sandbox, invoke) => {
    const panel = (await invoke('rita', 'getPanel', { issueKey: 'SEC-2' })) as PanelData;
    let version = panel.data.review?.version ?? 1;
    if (panel.data.review === null) version = ((await invoke('rita', 'startReview', { issueKey: 'SEC-2' })) as PanelData).data.review?.version ?? 1;
    let n = 0;
    return async (run) => {
      n++;
      const saved = (await run('rita', 'saveReviewSection', { issueKey: 'SEC-2', section: 'timeline', value: [{ id: 'b1', at: '2026-01-01T10:00:00.000Z', text: `Bench entry ${String(n)}` }], baseVersion: version })) as { data: { review: { version: number } } };
      version = saved.data.review.version;
    };
  },
};

export const historyPage: Scenario = {
  name: 'history page',
  prepare: () => Promise.resolve((invoke) => invoke('rita', 'getReviewHistory', { issueKey: 'SEC-2' }).then(() => undefined)),
};

export const dashboardSummary: Scenario = {
  name: 'dashboard summary',
  prepare: () => {
    const key = has('getDashboardSummary') ? 'getDashboardSummary' : 'getDashboard';
    return Promise.resolve((invoke) => invoke('mark', key, { projectKey: 'SEC' }, { type: 'jira:projectPage' }).then(() => undefined));
  },
};

/** The first incident from SEC-`from` on that has no review yet. */
async function unreviewedIncident(invoke: Invoke, from: number): Promise<string> {
  for (let n = from; n < from + 200; n++) {
    const panel = (await invoke('rita', 'getPanel', { issueKey: `SEC-${String(n)}` })) as PanelData;
    if (panel.data.review === null) return `SEC-${String(n)}`;
  }
  throw new Error('bench: no incident without a review');
}

/** An approved review with K draft actions, then the measured "Create issues". */
export function createActions(k: number, from: number): Scenario {
  return {
    name: `create ${String(k)} actions`,
    prepare: async (_sandbox, invoke) => {
      const issueKey = await unreviewedIncident(invoke, from);
      await approveReview(invoke, issueKey);
      const actions = Array.from({ length: k }, (_, i) => ({ rootCauseId: 'r1', kind: 'corrective', summary: `Corrective action ${String(i + 1)}`, ownerAccountId: PERSONAS.owen.accountId, targetDate: '2027-03-31' }));
      await invoke('mark', 'addActions', { issueKey, actions });
      return (run) => run('mark', 'createActionIssues', { issueKey }).then(() => undefined);
    },
  };
}

const projectPage = { type: 'jira:projectPage' } as const;

export const overduePage: Scenario = {
  name: 'overdue actions page',
  prepare: () => Promise.resolve((invoke) => invoke('mark', 'listOverdueActions', { projectKey: 'SEC' }, projectPage).then(() => undefined)),
};

export const librarySearch: Scenario = {
  name: 'library search',
  prepare: () => Promise.resolve((invoke) => invoke('mark', 'searchLessons', { projectKey: 'SEC', text: 'phishing' }, projectPage).then(() => undefined)),
};

/** Panel → Report: the whole record of one reviewed incident, as the preview loads it. */
export const incidentReport: Scenario = {
  name: 'incident report',
  prepare: () => Promise.resolve((invoke) => invoke('rita', 'getIncidentReport', { issueKey: 'SEC-1' }).then(() => undefined)),
};

/**
 * Project page → Evidence pack for the last 12 months, as the tab produces it: the overview from
 * the rollups, then every list paged to its end (each page bounded, whatever the project's size).
 */
export const evidencePack: Scenario = {
  name: 'evidence pack (year)',
  prepare: () =>
    Promise.resolve(async (invoke) => {
      const period = { kind: 'year' };
      await invoke('mark', 'getEvidencePackOverview', { projectKey: 'SEC', period }, projectPage);
      for (const list of EVIDENCE_LISTS) {
        let cursor: string | undefined;
        do {
          const page = (await invoke('mark', 'listEvidencePackRecords', { projectKey: 'SEC', period, list, ...(cursor === undefined ? {} : { cursor }) }, projectPage)) as { data: { cursor?: string } };
          cursor = page.data.cursor;
        } while (cursor !== undefined);
      }
    }),
};

/** The incident's glance line ("Review: awaiting approval · 2 actions overdue"), loaded when opened. */
export const issueGlance: Scenario = {
  name: 'issue glance',
  prepare: () => Promise.resolve((invoke) => invoke('rita', 'getIssueGlance', { issueKey: 'SEC-1' }, { type: 'jira:issueGlance' }).then(() => undefined)),
};

/** The all-projects page: KPIs, trends and overdue counts over every incident project the user can browse. */
export const globalSummary: Scenario = {
  name: 'global page summary',
  prepare: () => Promise.resolve((invoke) => invoke('mark', 'getGlobalSummary', {}, { type: 'jira:globalPage' }).then(() => undefined)),
};

/** Settings → Existing incidents: one page of the backfill (50 issues by JQL, registered in the rollups). */
export const backfillPage: Scenario = {
  name: 'backfill page',
  prepare: () => Promise.resolve((invoke) => invoke('alice', 'runBackfill', { projectKey: 'SEC' }, { type: 'jira:projectSettingsPage' }).then(() => undefined)),
};

/** The scheduled job as Forge runs it: as the app, no invoke from a browser. */
export const dailyJob: Scenario = {
  name: 'daily job',
  prepare: (sandbox) => Promise.resolve(() => sandbox.app.runDailyJob().then(() => undefined)),
};
