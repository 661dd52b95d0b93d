/** The risk register (R9, R20). */
export * from './risk';
