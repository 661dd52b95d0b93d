import type { Action } from '../../../../src/domain/actions';
import {
  actionReminderDue,
  actionReminderMessage,
  afterFailure,
  afterUnit,
  leasedByOther,
  mayClaim,
  MAX_UNIT_FAILURES,
  PROJECT_STEPS,
  remindUpTo,
  reviewPastTarget,
  reviewReminderMessage,
  startDay,
} from '../../../../src/domain/reminders';
import { DEFAULT_PROJECT_SETTINGS } from '../../../../src/domain/settings';
import { phishingReview } from '../review/fixtures';

const TODAY = '2026-03-10';
const action = (overrides: Partial<Action> = {}): Pick<Action, 'status' | 'targetDate' | 'jira' | 'summary' | 'incident'> => ({
  status: 'todo',
  targetDate: '2026-03-12',
  jira: { issueId: '10100', issueKey: 'ISMS-7' },
  summary: 'Call-back <procedure> & "training"',
  incident: { issueId: '10042', issueKey: 'SEC-42', projectKey: 'SEC' },
  ...overrides,
});

describe('which actions are reminded', () => {
  test('due within the lead time, due today, overdue; not later, not done, not drafts without an issue', () => {
    expect(actionReminderDue(action(), TODAY, 3)).toEqual({ kind: 'due-soon', daysLeft: 2 });
    expect(actionReminderDue(action({ targetDate: TODAY }), TODAY, 0)).toEqual({ kind: 'due-soon', daysLeft: 0 });
    expect(actionReminderDue(action({ targetDate: '2026-03-01' }), TODAY, 3)).toEqual({ kind: 'overdue', daysOverdue: 9 });
    expect(actionReminderDue(action({ targetDate: '2026-03-14' }), TODAY, 3)).toBeNull();
    expect(actionReminderDue(action({ status: 'done' }), TODAY, 3)).toBeNull();
    expect(actionReminderDue(action({ status: 'draft', jira: undefined }), TODAY, 3)).toBeNull();
    expect(remindUpTo(TODAY, 3)).toBe('2026-03-13');
  });

  test('the message escapes what people typed and says when', () => {
    const overdue = actionReminderMessage(action({ targetDate: '2026-03-09' }), { kind: 'overdue', daysOverdue: 1 });
    expect(overdue.subject).toBe('Overdue corrective action: ISMS-7 Call-back <procedure> & "training"');
    expect(overdue.textBody).toContain('was due on 2026-03-09 (1 day overdue)');
    expect(overdue.htmlBody).toContain('Call-back &lt;procedure&gt; &amp; &quot;training&quot;');
    expect(overdue.htmlBody).not.toContain('<procedure>');
    expect(actionReminderMessage(action(), { kind: 'due-soon', daysLeft: 0 }).textBody).toContain('is due today');
  });
});

describe('late reviews', () => {
  const settings = { significantSeverities: DEFAULT_PROJECT_SETTINGS.significantSeverities, reviewTargetDays: 14 };
  test('significant, resolved more than the target ago, not approved → late by whole days', () => {
    const review = phishingReview('in_review'); // high, resolved 2025-03-07
    expect(reviewPastTarget(review, settings, new Date('2025-03-21T12:00:00Z'))).toBeNull();
    expect(reviewPastTarget(review, settings, new Date('2025-03-24T00:00:00Z'))).toEqual({ daysLate: 3, dueOn: '2025-03-21' });
    expect(reviewPastTarget(phishingReview('approved'), settings, new Date('2025-06-01T00:00:00Z'))).toBeNull();
    expect(reviewPastTarget({ ...review, facts: { ...review.facts, severity: 'low' } }, settings, new Date('2025-06-01T00:00:00Z'))).toBeNull();
    const message = reviewReminderMessage(review, { daysLate: 3, dueOn: '2025-03-21' }, 14);
    expect(message.textBody).toContain('should have been approved by 2025-03-21 (14 days after the incident was resolved); it is 3 days late and still in review');
  });
});

describe('the once-a-day claim', () => {
  test('a subject may be claimed once per day', () => {
    expect(mayClaim(undefined, TODAY)).toBe(true);
    expect(mayClaim({ lastDay: '2026-03-09' }, TODAY)).toBe(true);
    expect(mayClaim({ lastDay: TODAY }, TODAY)).toBe(false);
    expect(mayClaim({ lastDay: '' }, TODAY)).toBe(true);
  });
});

describe('the job plan', () => {
  const AT = '2026-03-10T02:00:00Z';
  test('walks every step of every project page by page, then is done', () => {
    let progress = startDay(TODAY, AT, ['OPS', 'SEC'], false);
    expect(progress).toMatchObject({ phase: 'projects', projects: ['OPS', 'SEC'], projectIndex: 0, step: 'action-reminders' });
    progress = afterUnit(progress, { done: false, cursor: 'c1' }, AT);
    expect(progress).toMatchObject({ step: 'action-reminders', cursor: 'c1' });
    const seen: string[] = [];
    while (progress.phase !== 'done') {
      seen.push(`${progress.projects[progress.projectIndex] ?? ''}:${progress.step}`);
      progress = afterUnit(progress, { done: true }, AT);
    }
    expect(seen).toEqual([...PROJECT_STEPS.map((step) => `OPS:${step}`), ...PROJECT_STEPS.map((step) => `SEC:${step}`)]);
    expect(progress).toMatchObject({ phase: 'done', finishedAt: AT });
    expect(progress.cursor).toBeUndefined();
  });

  test('no projects and nothing to discover: done at once; discovery first otherwise', () => {
    expect(startDay(TODAY, AT, [], false).phase).toBe('done');
    expect(startDay(TODAY, AT, [], true).phase).toBe('discover');
  });

  test('a failing unit is retried, then skipped and recorded', () => {
    let progress = startDay(TODAY, AT, ['SEC'], false);
    for (let i = 1; i < MAX_UNIT_FAILURES; i++) {
      progress = afterFailure(progress, 'Jira down', AT);
      expect(progress).toMatchObject({ step: 'action-reminders', failures: i });
    }
    progress = afterFailure(progress, 'Jira down', AT);
    expect(progress).toMatchObject({ step: 'review-reminders:draft', failures: 0, errors: [{ projectKey: 'SEC', step: 'action-reminders', message: 'Jira down' }] });
  });

  test('a lease held by another run blocks until it expires', () => {
    const progress = { ...startDay(TODAY, AT, ['SEC'], false), lease: { runId: 'a', until: 1_000 } };
    expect(leasedByOther(progress, 'b', 999)).toBe(true);
    expect(leasedByOther(progress, 'a', 999)).toBe(false);
    expect(leasedByOther(progress, 'b', 1_000)).toBe(false);
  });
});
