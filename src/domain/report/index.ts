/**
 * The lessons-learned report (R13) and the auditor's walkthrough (R24) of one incident: pure
 * functions of its `IncidentRecord`. Import from here (`src/domain/report`).
 */
export * from './record';
export * from './control-attributes';
export * from './procedure-in-force';
export * from './model';
export * from './styles';
export * from './fishbone-svg';
export * from './render-html';
export * from './walkthrough';
