/** Dashboard maths (R17–R19, R14): rollup contributions, KPIs, trends, repeats, library, CSV — pure. */
export * from './months';
export * from './counters';
export * from './contributions';
export * from './kpis';
export * from './kpi-format';
export * from './trends';
export * from './open-work';
export * from './library';
export * from './csv';
