/** R16 anonymised awareness-training summaries (pure). */
export * from './export';
