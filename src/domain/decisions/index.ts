/** Decisions per root cause (R7), their management approval (R8), and the audit events of follow-up records (R23). */
export * from './decision';
export * from './approval';
export * from './record-audit';
