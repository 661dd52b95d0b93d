import { logEvent } from '../platform/log';
import { DEFAULT_BUDGET_MS, runDailyJob, type DailyJobOutcome } from '../services/daily-job';
import { newRunId } from '../services/reminders';

/**
 * The scheduledTrigger's handler (interval: day; may fire twice): reminders, late-review
 * reminders, effectiveness judgement and rollup repair, in bounded units with stored progress
 * (see services/daily-job.ts). `getAppContext().invocationRemainingTimeInMillis` is not relied on:
 * the run gets a budget below Forge's 900 s and stops starting new units when it is spent.
 */
export async function runDaily(now: Date, budgetMs: number = DEFAULT_BUDGET_MS): Promise<{ statusCode: number; outcome?: DailyJobOutcome }> {
  try {
    const outcome = await runDailyJob({ now, runId: newRunId(), budgetMs });
    return { statusCode: 200, outcome };
  } catch (error) {
    // The progress is stored after every unit: the next run resumes from there.
    logEvent('daily-job-failed', { level: 'error', message: error instanceof Error ? error.message.slice(0, 200) : 'unknown' });
    return { statusCode: 500 };
  }
}
