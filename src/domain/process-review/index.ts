/** R25 periodic review of the incident process (pure). */
export * from './process-review';
