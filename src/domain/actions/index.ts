/** Corrective and improvement actions (R10, R11, R17): pure rules, shared by services and the panel. */
export * from './action';
export * from './adf';
export * from './calendar-date';
export * from './creation';
export * from './follow-up';
export * from './issue-description';
export * from './planning';
export * from './status-sync';
