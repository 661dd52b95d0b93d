/** Counts from the project-wide `open` rollup: open actions by due day and owner, reviews by stage. */
import { addCalendarDays } from '../actions';
import { REVIEW_STAGES, type ReviewStage } from '../review';
import { counterGroup, type Counters } from './counters';

/** "Due soon" looks this many days ahead (R17). */
export const DUE_SOON_DAYS = 14;

export interface OpenWork {
  openActions: number;
  /** Open actions whose target date is before today. */
  overdue: number;
  /** Open actions due today or within the next DUE_SOON_DAYS days. */
  dueSoon: number;
  /** Owners of open actions, most open actions first (the overdue list's owner filter). */
  owners: { accountId: string; openActions: number }[];
  reviewsByStage: Record<ReviewStage, number>;
}

export function openWork(open: Counters, today: string): OpenWork {
  const horizon = addCalendarDays(today, DUE_SOON_DAYS);
  let overdue = 0;
  let dueSoon = 0;
  let openActions = 0;
  for (const [day, n] of Object.entries(counterGroup(open, 'openDue'))) {
    openActions += n;
    if (day < today) overdue += n;
    else if (day <= horizon) dueSoon += n;
  }
  const owners = Object.entries(counterGroup(open, 'openOwner'))
    .map(([accountId, n]) => ({ accountId, openActions: n }))
    .sort((a, b) => b.openActions - a.openActions || a.accountId.localeCompare(b.accountId));
  const stages = counterGroup(open, 'stage');
  const reviewsByStage = Object.fromEntries(REVIEW_STAGES.map((stage) => [stage, stages[stage] ?? 0])) as Record<ReviewStage, number>;
  return { openActions, overdue, dueSoon, owners, reviewsByStage };
}
