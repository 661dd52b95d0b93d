/** R17 reminders and the daily job's resumable progress (pure). */
export * from './reminder';
export * from './daily-job-plan';
