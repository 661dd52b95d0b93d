/** Project settings: schema, defaults, change rules and the audit events of project-level records (pure). */
export * from './project-settings';
export * from './settings-change';
export * from './audit';
