import { logEvent } from '../platform/log';

/** The daily job: reminders, effectiveness checks and rollup repair land here with their features. */
export async function runDaily(now: Date): Promise<{ statusCode: number }> {
  logEvent('daily-job', { at: now.toISOString() });
  await Promise.resolve();
  return { statusCode: 200 };
}
