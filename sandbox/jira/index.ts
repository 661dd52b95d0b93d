/**
 * Jira Cloud REST API v3 emulator for the sandbox and tests.
 *
 *   const jira = new JiraEmulator({ db: new Database(':memory:'), now: () => clock });
 *   seedJira(jira.state, { now: clock });
 *   jira.onIssueEvent((event) => runTrigger(event));   // Forge avi:jira:*:issue payloads
 *   await jira.handle({ method: 'GET', path: '/rest/api/3/myself', headers: {}, as: { kind: 'user', accountId: PERSONAS.rita.accountId } });
 */
export { JiraEmulator, DEFAULT_BASE_URL, type JiraEmulatorOptions } from './emulator';
export { seedJira, seedBulkIncidents, PERSONAS, STAFF, PERSONA_ACCOUNT_IDS, GROUPS, PROJECT_KEYS, SEED, type PersonaName, type SeedOptions, type SeedSummary } from './seed';
export { APP_USER } from './state/catalog';
export type { NotificationRecord, UserRecord } from './state/types';
export type { JiraIssueEvent, IssueCreatedEvent, IssueUpdatedEvent, IssueDeletedEvent, IssueEventListener, Changelog, ChangelogItem, ForgeEventIssue } from './events';
export { jiraSpec, JiraSpec } from './validation';
