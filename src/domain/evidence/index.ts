/** R24/R26 audit evidence pack: the ten audit questions, sampling and exports — pure. */
export * from './period';
export * from './records';
export * from './overview';
export * from './sections';
export * from './sampling';
export * from './sample';
export * from './exports';
export * from './audit';
