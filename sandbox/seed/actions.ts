import type { CreateIssuesResult, DecisionsView } from '../../src/api/decisions';
import { jiraRequest } from '../jira-as';
import { PERSONAS, STAFF } from '../jira';
import type { Sandbox } from '../sandbox';
import { atTime, type StepClock } from './clock';
import type { SeedCall } from './reviews';

/**
 * Corrective and improvement actions of an approved review, seeded as people work them: planned
 * and created as linked Jira issues right after approval, then done in Jira by their owner — on
 * time, late, or not yet (overdue once the target passes) — and most verified by the ISMS manager
 * a few days later. Status reaches the app through the issue trigger, as in production.
 */
const DAY = 86_400_000;

/** Owners who may work the project's issues (project members). */
const OWNERS: Record<string, readonly { accountId: string }[]> = {
  SEC: [STAFF.sam, STAFF.priya, PERSONAS.rita],
  OPS: [STAFF.tom, STAFF.hana, STAFF.lars],
};

export type ActionOutcome = 'on-time' | 'late' | 'open';

interface ActionSeed {
  projectKey: string;
  issueKey: string;
  index: number;
}

const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

async function completeInJira(sandbox: Sandbox, issueKey: string, accountId: string): Promise<void> {
  const as = { kind: 'user' as const, accountId };
  const { body } = await jiraRequest<{ transitions: { id: string; to: { statusCategory?: { key?: string } } }[] }>(sandbox.jira, as, 'GET', `/rest/api/3/issue/${issueKey}/transitions`);
  const done = body.transitions.find((transition) => transition.to.statusCategory?.key === 'done');
  if (done === undefined) throw new Error(`seed: no transition to done for ${issueKey}`);
  const reply = await jiraRequest(sandbox.jira, as, 'POST', `/rest/api/3/issue/${issueKey}/transitions`, { transition: { id: done.id } });
  if (reply.status !== 204) throw new Error(`seed: transitioning ${issueKey} answered ${String(reply.status)}`);
  // The trigger keeps the action in step; let it finish while the clock still says "then".
  await sandbox.settled();
}

async function rescheduleInJira(sandbox: Sandbox, issueKey: string, accountId: string, duedate: string): Promise<void> {
  const reply = await jiraRequest(sandbox.jira, { kind: 'user', accountId }, 'PUT', `/rest/api/3/issue/${issueKey}`, { fields: { duedate } });
  if (reply.status !== 204) throw new Error(`seed: rescheduling ${issueKey} answered ${String(reply.status)}`);
  await sandbox.settled();
}

export async function seedActions(sandbox: Sandbox, call: SeedCall, clock: StepClock, seed: ActionSeed): Promise<ActionOutcome[]> {
  const { issueKey, index } = seed;
  const approvedAt = clock.latest;
  const owners = OWNERS[seed.projectKey] ?? [PERSONAS.rita];
  const owner = (offset: number) => owners[(index + offset) % owners.length] ?? PERSONAS.rita;
  const planned = await atTime(clock.at(approvedAt + DAY / 2), () => call<DecisionsView>('rita', 'getDecisions', { issueKey }));
  const drafts = planned.rootCauses.flatMap(({ rootCause, actionKind }, position) => {
    if (actionKind === null || actionKind === 'risk-treatment' || (position > 0 && index % 3 !== 0)) return [];
    return [{
      rootCauseId: rootCause.id,
      summary: `${position === 0 ? 'Fix' : 'Improve'}: ${rootCause.text}`.slice(0, 255),
      description: `Planned in the post-incident review of ${issueKey}.`,
      ownerAccountId: owner(position).accountId,
      targetDate: dayOf(approvedAt + (position === 0 ? 30 : 60) * DAY),
    }];
  });
  if (drafts.length === 0) return [];
  await atTime(clock.at(approvedAt + DAY / 2), () => call('rita', 'addActions', { issueKey, actions: drafts }));
  const created = await atTime(clock.at(approvedAt + DAY / 2), () => call<CreateIssuesResult>('rita', 'createActionIssues', { issueKey }));
  const actions = created.view.rootCauses.flatMap((rootCause) => rootCause.actions).filter((action) => action.jira !== undefined);

  const outcomes: ActionOutcome[] = [];
  const reschedules: { jiraKey: string; owner: string; duedate: string }[] = [];
  const ceiling = Date.now() - 3_600_000;
  for (const [position, action] of actions.entries()) {
    const target = Date.parse(`${action.targetDate}T12:00:00.000Z`);
    const turn = (index + position) % 5;
    const doneAt = turn === 0 ? undefined : turn === 1 ? target + (3 + (index % 15)) * DAY : approvedAt + (5 + ((index * 7 + position * 3) % 20)) * DAY;
    const jiraKey = action.jira?.issueKey;
    if (doneAt === undefined || doneAt >= ceiling || jiraKey === undefined) {
      // Some owners agree a new date in Jira instead; the trigger brings it to the app.
      if (jiraKey !== undefined && index % 2 === 0 && target < ceiling) reschedules.push({ jiraKey, owner: action.ownerAccountId, duedate: dayOf(ceiling + (2 + (index % 11)) * DAY) });
      outcomes.push('open');
      continue;
    }
    await atTime(clock.at(doneAt), () => completeInJira(sandbox, jiraKey, action.ownerAccountId));
    outcomes.push(turn === 1 ? 'late' : 'on-time');
    if ((index + position) % 4 === 3 || doneAt + 2 * DAY >= ceiling) continue;
    await atTime(clock.at(doneAt + 2 * DAY), async () => {
      const view = await call<DecisionsView>('mark', 'getDecisions', { issueKey });
      const current = view.rootCauses.flatMap((rootCause) => rootCause.actions).find((candidate) => candidate.id === action.id);
      if (current?.status !== 'done') return;
      await call('mark', 'verifyAction', { issueKey, actionId: action.id, baseVersion: current.version, evidence: `Checked in ${jiraKey}: the change is live and documented.` });
    });
  }
  for (const { jiraKey, owner: accountId, duedate } of reschedules) await atTime(clock.at(ceiling - DAY), () => rescheduleInJira(sandbox, jiraKey, accountId, duedate));
  return outcomes;
}
