import { Prng } from './prng';
import { ADMIN_GROUP, INITIAL_STATUS_ID, ROLE_ID } from './state/catalog';
import type { JiraState } from './state/jira-state';
import type { AdfNode, ProjectRecord, RoleActorRecord, StoredIssueFields, UserRecord } from './state/types';

/**
 * A deterministic, realistic site for the sandbox: the personas the app's stories are told with,
 * two incident projects with a year of information-security incidents, and an ISMS improvement
 * project. Everything derives from a fixed PRNG seed and the `now` passed in, so the same `now`
 * always yields the same site.
 */

export const SEED = 27_0527;

function persona(accountId: string, displayName: string, email: string, timeZone = 'Europe/Berlin'): UserRecord {
  return { accountId, displayName, emailAddress: email, active: true, timeZone, locale: 'en_US', accountType: 'atlassian' };
}

/** The named personas of the app's user stories; tests and the UI refer to them by these ids. */
export const PERSONAS = {
  alice: persona('712020:a11ce000-0000-4000-8000-000000000001', 'Alice Admin', 'alice.admin@example.com'),
  rita: persona('712020:r17a0000-0000-4000-8000-000000000002', 'Rita Responder', 'rita.responder@example.com'),
  mark: persona('712020:3a4c0000-0000-4000-8000-000000000003', 'Mark Manager', 'mark.manager@example.com'),
  owen: persona('712020:0e3e0000-0000-4000-8000-000000000004', 'Owen Owner', 'owen.owner@example.com'),
  oscar: persona('712020:05ca0000-0000-4000-8000-000000000005', 'Oscar Outsider', 'oscar.outsider@example.com', 'America/New_York'),
} as const;

export type PersonaName = keyof typeof PERSONAS;

export const PERSONA_ACCOUNT_IDS: Readonly<Record<PersonaName, string>> = {
  alice: PERSONAS.alice.accountId,
  rita: PERSONAS.rita.accountId,
  mark: PERSONAS.mark.accountId,
  owen: PERSONAS.owen.accountId,
  oscar: PERSONAS.oscar.accountId,
};

export const STAFF = {
  sam: persona('712020:5a300000-0000-4000-8000-000000000011', 'Sam Sentinel', 'sam.sentinel@example.com'),
  priya: persona('712020:9417a000-0000-4000-8000-000000000012', 'Priya Patel', 'priya.patel@example.com', 'Asia/Kolkata'),
  tom: persona('712020:70300000-0000-4000-8000-000000000013', 'Tom Nguyen', 'tom.nguyen@example.com'),
  hana: persona('712020:4a4a0000-0000-4000-8000-000000000014', 'Hana Kim', 'hana.kim@example.com', 'Asia/Seoul'),
  lars: persona('712020:1a450000-0000-4000-8000-000000000015', 'Lars Berg', 'lars.berg@example.com', 'Europe/Stockholm'),
  grace: persona('712020:64ace000-0000-4000-8000-000000000016', 'Grace Obi', 'grace.obi@example.com', 'Europe/London'),
} as const;

export const GROUPS = {
  admins: ADMIN_GROUP,
  approvers: { groupId: '2c6a7b1e-0000-4000-8000-000000000002', name: 'isms-approvers' },
  security: { groupId: '2c6a7b1e-0000-4000-8000-000000000003', name: 'security-team' },
  operations: { groupId: '2c6a7b1e-0000-4000-8000-000000000004', name: 'it-operations' },
  everyone: { groupId: '2c6a7b1e-0000-4000-8000-000000000005', name: 'jira-software-users' },
} as const;

export const PROJECT_KEYS = { security: 'SEC', operations: 'OPS', isms: 'ISMS' } as const;

const PROJECTS: readonly ProjectRecord[] = [
  { id: 10000, key: 'SEC', name: 'Security Incidents', description: 'Information security incidents (ISO/IEC 27001 A 5.24-5.28).', projectTypeKey: 'software', leadAccountId: PERSONAS.rita.accountId, issueTypeIds: [10005, 10001, 10003, 10002] },
  { id: 10001, key: 'OPS', name: 'IT Operations Incidents', description: 'Availability and operations incidents.', projectTypeKey: 'software', leadAccountId: STAFF.tom.accountId, issueTypeIds: [10005, 10001, 10003, 10002] },
  { id: 10002, key: 'ISMS', name: 'ISMS Improvements', description: 'Corrective actions and continual improvement of the ISMS (ISO/IEC 27001 clause 10).', projectTypeKey: 'business', leadAccountId: PERSONAS.mark.accountId, issueTypeIds: [10006, 10001, 10004, 10002] },
];

const COMPONENTS: Readonly<Record<string, readonly string[]>> = {
  SEC: ['Laptop fleet', 'Email (Microsoft 365)', 'Customer portal', 'AWS production', 'Office network', 'HR system', 'Payment gateway', 'Source code (GitHub)'],
  OPS: ['Data centre Frankfurt', 'Core network', 'Backup system', 'VPN', 'Identity provider (Okta)', 'Customer portal'],
  ISMS: ['Policies', 'Awareness training', 'Technical controls'],
};

interface IncidentTemplate {
  summaries: readonly string[];
  labels: readonly string[];
  components: readonly string[];
  what: string;
  impact: string;
  actions: string;
  priorities: ReadonlyArray<readonly [string, number]>;
  weight: number;
}

const DEPARTMENTS = ['Finance', 'Sales', 'HR', 'Engineering', 'Customer Support', 'Marketing', 'Legal'] as const;
const CITIES = ['Berlin', 'Lisbon', 'London', 'Vienna', 'Madrid', 'Prague'] as const;
const SUPPLIERS = ['PayrollCo', 'CloudMail GmbH', 'ShipFast Logistics', 'TicketDesk Ltd', 'Analytics Partner AG'] as const;
const CVES = ['CVE-2024-3400', 'CVE-2023-4966', 'CVE-2024-21887', 'CVE-2023-34362', 'CVE-2024-6387'] as const;

const SECURITY_INCIDENTS: readonly IncidentTemplate[] = [
  { summaries: ['Phishing email reported by {dept}', 'Credential phishing campaign targeting {dept}', 'CEO fraud email to {dept}'], labels: ['phishing', 'social-engineering'], components: ['Email (Microsoft 365)'], what: 'Several employees in {dept} received an e-mail impersonating our IT service desk asking them to re-enter their credentials.', impact: 'One user entered credentials before the message was reported; the session was revoked within 40 minutes.', actions: 'Blocked sender domain, purged the message from all mailboxes, reset the affected password and reviewed sign-in logs.', priorities: [['High', 3], ['Medium', 5], ['Low', 2]], weight: 9 },
  { summaries: ['Lost laptop during {city} business trip', 'Laptop stolen from car in {city}'], labels: ['lost-device', 'physical'], components: ['Laptop fleet'], what: 'An employee reported that their company laptop was lost while travelling to {city}.', impact: 'The disk was encrypted with BitLocker; no evidence of data access.', actions: 'Device wiped remotely through Intune, credentials rotated, police report filed.', priorities: [['Medium', 6], ['High', 2]], weight: 5 },
  { summaries: ['Malware detected on workstation in {dept}', 'Infostealer blocked on {dept} laptop'], labels: ['malware', 'endpoint'], components: ['Laptop fleet'], what: 'EDR raised an alert for a malicious executable downloaded from a file-sharing site by a user in {dept}.', impact: 'Execution was blocked; no lateral movement observed.', actions: 'Device isolated and reimaged; browser download restrictions reviewed.', priorities: [['High', 4], ['Medium', 4], ['Highest', 1]], weight: 6 },
  { summaries: ['Misdirected email containing customer data', 'Payroll spreadsheet sent to wrong recipient'], labels: ['data-leak', 'personal-data', 'gdpr'], components: ['Email (Microsoft 365)', 'HR system'], what: 'An employee in {dept} sent an e-mail with personal data of customers to an external recipient with a similar name (auto-complete).', impact: 'Personal data of about 120 data subjects disclosed to one external person; recipient confirmed deletion.', actions: 'Recall attempted, recipient asked to delete, DPO assessed the notification duty under GDPR Art. 33.', priorities: [['High', 5], ['Medium', 3]], weight: 5 },
  { summaries: ['Misconfigured S3 bucket exposed {thing}', 'Public S3 bucket found by security researcher'], labels: ['cloud', 'misconfiguration', 'data-leak'], components: ['AWS production'], what: 'A storage bucket holding {thing} was publicly readable after an infrastructure change.', impact: 'Access logs show two anonymous downloads from unknown IP addresses.', actions: 'Public access blocked account-wide, bucket policy fixed via Terraform, access logs analysed.', priorities: [['Highest', 3], ['High', 4]], weight: 3 },
  { summaries: ['Supplier breach notification from {supplier}', 'Security incident at {supplier} affecting our data'], labels: ['supplier', 'third-party'], components: ['HR system', 'Customer portal'], what: '{supplier} informed us that an attacker accessed systems that process our data.', impact: 'Contact data of employees may have been exposed; no credentials involved.', actions: 'Requested incident report from supplier, rotated API keys, reviewed the supplier assessment.', priorities: [['High', 3], ['Medium', 3]], weight: 4 },
  { summaries: ['Unpatched server exploited ({cve})', 'Exploitation attempt against VPN appliance ({cve})'], labels: ['vulnerability', 'patching'], components: ['Office network', 'Customer portal'], what: 'IDS detected exploitation of {cve} against an internet-facing server that had missed the monthly patch window.', impact: 'Web shell found and removed; no data exfiltration detected.', actions: 'Server rebuilt from a clean image, patch applied, vulnerability scan scope extended.', priorities: [['Highest', 2], ['High', 4]], weight: 4 },
  { summaries: ['Compromised account after MFA fatigue attack', 'Suspicious login from unusual country'], labels: ['account-compromise', 'mfa'], components: ['Email (Microsoft 365)'], what: 'A user in {dept} approved a push notification they did not initiate after receiving dozens of prompts.', impact: 'Attacker read the mailbox for about two hours and created a forwarding rule.', actions: 'Sessions revoked, forwarding rule removed, number matching enforced for push MFA.', priorities: [['High', 4], ['Highest', 1]], weight: 4 },
  { summaries: ['Secret committed to public repository', 'API key leaked in GitHub commit'], labels: ['secrets', 'source-code'], components: ['Source code (GitHub)'], what: 'Secret scanning flagged a production API key in a commit pushed to a public repository.', impact: 'Key was valid for 3 hours; no misuse found in provider logs.', actions: 'Key revoked and rotated, history rewritten, pre-commit secret scanning enabled.', priorities: [['High', 3], ['Medium', 3]], weight: 3 },
  { summaries: ['Tailgating into office reported by reception', 'Unknown visitor found in server room'], labels: ['physical', 'access-control'], components: ['Office network'], what: 'Reception reported a person without a badge following an employee through the secured door.', impact: 'Person was a courier; no access to sensitive areas.', actions: 'Reminder to staff about tailgating, door alarm sensitivity increased.', priorities: [['Low', 4], ['Medium', 3]], weight: 2 },
];

const OPERATIONS_INCIDENTS: readonly IncidentTemplate[] = [
  { summaries: ['DDoS attack on customer portal', 'Layer 7 DDoS against login endpoint'], labels: ['ddos', 'availability'], components: ['Customer portal', 'Core network'], what: 'Traffic to the customer portal rose to 40 times the normal level from a botnet.', impact: 'Portal unavailable for 35 minutes for most customers.', actions: 'Upstream scrubbing enabled, rate limits tightened, status page updated.', priorities: [['Highest', 3], ['High', 4]], weight: 4 },
  { summaries: ['Power outage in data centre Frankfurt', 'UPS failure during grid maintenance'], labels: ['availability', 'facilities'], components: ['Data centre Frankfurt'], what: 'A grid outage coincided with a failed UPS battery string in hall B.', impact: 'Two racks lost power for 12 minutes; services failed over except reporting.', actions: 'Battery string replaced, failover of reporting service added to the roadmap.', priorities: [['Highest', 2], ['High', 3]], weight: 3 },
  { summaries: ['Backup job failed for finance database', 'Nightly backups silently failing for a week'], labels: ['backup', 'availability'], components: ['Backup system'], what: 'Monitoring showed that nightly backups of a production database had not completed.', impact: 'Recovery point objective violated for 6 days; no data loss occurred.', actions: 'Backup agent fixed, alerting on missing backups added, restore test performed.', priorities: [['High', 4], ['Medium', 3]], weight: 4 },
  { summaries: ['Expired TLS certificate on API gateway', 'Certificate expiry broke partner integration'], labels: ['certificate', 'availability'], components: ['Customer portal', 'Core network'], what: 'A TLS certificate expired because the renewal reminder went to a former employee.', impact: 'Partner API calls failed for 2 hours.', actions: 'Certificate renewed, automatic renewal via ACME introduced, ownership reassigned.', priorities: [['High', 3], ['Medium', 4]], weight: 4 },
  { summaries: ['VPN outage after firmware update', 'VPN concentrator overloaded on Monday morning'], labels: ['vpn', 'availability', 'change'], components: ['VPN'], what: 'Remote users could not connect after a firmware update of the VPN concentrator.', impact: 'About 300 employees could not work remotely for 90 minutes.', actions: 'Firmware rolled back, change process updated to require a pilot group.', priorities: [['High', 3], ['Medium', 3]], weight: 4 },
  { summaries: ['Identity provider login failures', 'SSO outage affecting all SaaS applications'], labels: ['identity', 'availability'], components: ['Identity provider (Okta)'], what: 'Users were unable to sign in to SaaS applications due to an outage of the identity provider.', impact: 'Most business applications unavailable for 45 minutes.', actions: 'Break-glass accounts used for critical systems; supplier post-incident report requested.', priorities: [['Highest', 2], ['High', 3]], weight: 3 },
  { summaries: ['Core switch failure in office network', 'Network loop caused broadcast storm'], labels: ['network', 'availability'], components: ['Core network'], what: 'A misconfigured port created a loop that brought down the office network.', impact: 'Office users offline for one hour.', actions: 'Spanning tree protection enabled on access ports.', priorities: [['Medium', 4], ['High', 2]], weight: 3 },
];

const ISMS_TASKS: ReadonlyArray<{ type: number; summary: string; labels: string[]; component: string; done: boolean; assignee: PersonaName | 'grace' }> = [
  { type: 10006, summary: 'Enforce number matching for push MFA', labels: ['mfa', 'corrective-action'], component: 'Technical controls', done: true, assignee: 'owen' },
  { type: 10006, summary: 'Quarterly phishing simulation for all staff', labels: ['awareness', 'corrective-action'], component: 'Awareness training', done: false, assignee: 'owen' },
  { type: 10006, summary: 'Block public S3 access at organisation level', labels: ['cloud', 'corrective-action'], component: 'Technical controls', done: true, assignee: 'grace' },
  { type: 10001, summary: 'Review supplier security clauses in contracts', labels: ['supplier'], component: 'Policies', done: false, assignee: 'owen' },
  { type: 10006, summary: 'Automate TLS certificate renewal', labels: ['certificate', 'corrective-action'], component: 'Technical controls', done: false, assignee: 'grace' },
  { type: 10004, summary: 'Update incident response policy with lessons-learned step', labels: ['policy'], component: 'Policies', done: false, assignee: 'rita' },
];

const DAY = 24 * 60 * 60 * 1000;

function paragraph(text: string): AdfNode {
  return { type: 'paragraph', content: [{ type: 'text', text }] };
}

function heading(text: string): AdfNode {
  return { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text }] };
}

function incidentDescription(template: IncidentTemplate, fill: (s: string) => string): AdfNode {
  return {
    type: 'doc',
    version: 1,
    content: [
      heading('What happened'), paragraph(fill(template.what)),
      heading('Impact'), paragraph(fill(template.impact)),
      heading('Immediate actions'), paragraph(fill(template.actions)),
    ],
  };
}

export interface SeedOptions {
  /** The site's "today": incidents are spread over the 12 months before it. */
  now: Date;
}

export interface SeedSummary {
  users: number;
  projects: string[];
  issues: Record<string, number>;
}

/** Populates an empty emulated site. A database that was already seeded is left unchanged. */
export function seedJira(state: JiraState, options: SeedOptions): SeedSummary {
  const already = state.db.prepare(`SELECT value FROM jira_meta WHERE key = 'seeded'`).get();
  const summary = (): SeedSummary => ({
    users: state.directory.users().length,
    projects: state.projects.all().map((p) => p.key),
    issues: Object.fromEntries(state.projects.all().map((p) => [p.key, state.issues.inProjects([p.id]).length])),
  });
  if (already !== undefined) return summary();
  state.transaction(() => {
    seedPeople(state);
    seedProjects(state);
    const rng = new Prng(SEED);
    seedIncidents(state, rng, options.now, 'SEC', SECURITY_INCIDENTS, 60, [PERSONAS.rita, STAFF.sam, STAFF.priya]);
    seedIncidents(state, rng, options.now, 'OPS', OPERATIONS_INCIDENTS, 30, [STAFF.tom, STAFF.hana, STAFF.lars, PERSONAS.rita]);
    seedImprovements(state, rng, options.now);
    state.db.prepare(`INSERT INTO jira_meta VALUES ('seeded', ?)`).run(options.now.toISOString());
  });
  return summary();
}

/** Adds `count` more security incidents to a seeded site in one transaction: the bench's large projects. */
export function seedBulkIncidents(state: JiraState, options: { projectKey: string; count: number; now: Date; seed?: number }): void {
  state.transaction(() => {
    seedIncidents(state, new Prng(options.seed ?? SEED + options.count), options.now, options.projectKey, SECURITY_INCIDENTS, options.count, [PERSONAS.rita, STAFF.sam, STAFF.priya]);
  });
}

function seedPeople(state: JiraState): void {
  for (const user of [...Object.values(PERSONAS), ...Object.values(STAFF)]) state.directory.addUser(user);
  for (const group of Object.values(GROUPS)) state.directory.addGroup(group);
  const member = (group: { groupId: string }, ...users: UserRecord[]): void => {
    for (const user of users) state.directory.addMember(group.groupId, user.accountId);
  };
  member(GROUPS.admins, PERSONAS.alice);
  member(GROUPS.approvers, PERSONAS.mark);
  member(GROUPS.security, PERSONAS.rita, STAFF.sam, STAFF.priya);
  member(GROUPS.operations, STAFF.tom, STAFF.hana, STAFF.lars, PERSONAS.rita);
  member(GROUPS.everyone, ...Object.values(PERSONAS), ...Object.values(STAFF));
}

function seedProjects(state: JiraState): void {
  const user = (u: UserRecord): RoleActorRecord => ({ kind: 'user', accountId: u.accountId });
  const group = (g: { groupId: string }): RoleActorRecord => ({ kind: 'group', groupId: g.groupId });
  const actors: Record<string, Record<number, RoleActorRecord[]>> = {
    SEC: { [ROLE_ID.Administrators]: [user(PERSONAS.alice)], [ROLE_ID.Members]: [group(GROUPS.security), group(GROUPS.approvers)], [ROLE_ID.Viewers]: [user(PERSONAS.owen)] },
    OPS: { [ROLE_ID.Administrators]: [user(PERSONAS.alice)], [ROLE_ID.Members]: [group(GROUPS.operations), group(GROUPS.approvers)], [ROLE_ID.Viewers]: [user(PERSONAS.owen), group(GROUPS.security)] },
    ISMS: { [ROLE_ID.Administrators]: [user(PERSONAS.alice)], [ROLE_ID.Members]: [group(GROUPS.approvers), group(GROUPS.security), user(PERSONAS.owen), user(STAFF.grace)], [ROLE_ID.Viewers]: [group(GROUPS.everyone)] },
  };
  for (const project of PROJECTS) {
    state.projects.add(project);
    for (const name of COMPONENTS[project.key] ?? []) state.projects.addComponent({ projectId: project.id, name, description: '' });
    for (const [roleId, list] of Object.entries(actors[project.key] ?? {})) for (const actor of list) state.projects.addRoleActor(project.id, Number(roleId), actor);
  }
}

function insertIssue(state: JiraState, project: ProjectRecord, fields: StoredIssueFields): number {
  const number = state.projects.takeIssueNumber(project.id);
  return state.issues.insert(project.id, `${project.key}-${number}`, fields).id;
}

function seedIncidents(
  state: JiraState, rng: Prng, now: Date, projectKey: string, templates: readonly IncidentTemplate[], count: number, responders: readonly UserRecord[],
): void {
  const project = state.projects.byIdOrKey(projectKey);
  if (project === undefined) throw new Error(`seed: project ${projectKey} missing`);
  const components = state.projects.components(project.id);
  const priorityId = (name: string): number => state.catalog.priorities.find((p) => p.name === name)?.id ?? 3;
  const reporters = [...responders, PERSONAS.mark, STAFF.grace, PERSONAS.owen];
  const drafts: StoredIssueFields[] = [];
  for (let i = 0; i < count; i += 1) {
    const template = rng.weighted(templates.map((t) => [t, t.weight] as const));
    const fill = (s: string): string =>
      s.replace('{dept}', rng.pick(DEPARTMENTS)).replace('{city}', rng.pick(CITIES)).replace('{supplier}', rng.pick(SUPPLIERS))
        .replace('{cve}', rng.pick(CVES)).replace('{thing}', rng.pick(['marketing exports', 'application logs', 'customer invoices']));
    const created = new Date(now.getTime() - rng.int(2, 365) * DAY - rng.int(0, 23) * 3600_000 - rng.int(0, 59) * 60_000);
    const ageDays = (now.getTime() - created.getTime()) / DAY;
    // Older incidents are almost all closed; the last weeks still have open ones.
    const open = ageDays < 30 ? rng.chance(0.6) : rng.chance(0.05);
    const resolved = new Date(Math.min(created.getTime() + rng.int(1, 21) * DAY + rng.int(1, 8) * 3600_000, now.getTime() - 3600_000));
    const assignee = rng.chance(0.9) ? rng.pick(responders) : null;
    const labels = [...template.labels.filter(() => rng.chance(0.85))];
    const componentIds = components.filter((c) => template.components.includes(c.name)).filter((_, index) => index === 0 || rng.chance(0.5)).map((c) => c.id);
    drafts.push({
      summary: fill(rng.pick(template.summaries)),
      description: incidentDescription(template, fill),
      issueTypeId: 10005,
      priorityId: priorityId(rng.weighted(template.priorities)),
      statusId: open ? rng.pick([INITIAL_STATUS_ID, 3]) : 10001,
      resolutionId: open ? null : rng.weighted([[10000, 9], [10002, 1]] as const),
      assigneeId: assignee?.accountId ?? null,
      reporterId: rng.pick(reporters).accountId,
      creatorId: rng.pick(responders).accountId,
      labels: labels.length > 0 ? labels : [template.labels[0] ?? 'incident'],
      componentIds,
      duedate: open && rng.chance(0.5) ? new Date(now.getTime() + rng.int(1, 14) * DAY).toISOString().slice(0, 10) : null,
      created: created.toISOString(),
      updated: (open ? new Date(Math.min(created.getTime() + rng.int(0, 5) * DAY, now.getTime())) : resolved).toISOString(),
      resolutiondate: open ? null : resolved.toISOString(),
      parentId: null,
    });
  }
  // Keys follow creation order, as they would on a real site.
  drafts.sort((a, b) => a.created.localeCompare(b.created));
  for (const draft of drafts) insertIssue(state, project, draft);
}

function seedImprovements(state: JiraState, rng: Prng, now: Date): void {
  const project = state.projects.byIdOrKey('ISMS');
  const sec = state.projects.byIdOrKey('SEC');
  if (project === undefined || sec === undefined) throw new Error('seed: projects missing');
  const secIssues = state.issues.inProjects([sec.id]);
  const relates = state.catalog.linkTypes.find((l) => l.name === 'Relates');
  const people: Record<string, UserRecord> = { ...PERSONAS, grace: STAFF.grace };
  for (const task of ISMS_TASKS) {
    const created = new Date(now.getTime() - rng.int(20, 200) * DAY);
    const resolved = new Date(Math.min(created.getTime() + rng.int(10, 60) * DAY, now.getTime() - DAY));
    const component = state.projects.components(project.id).find((c) => c.name === task.component);
    const id = insertIssue(state, project, {
      summary: task.summary,
      description: { type: 'doc', version: 1, content: [paragraph(`Improvement raised from incident reviews: ${task.summary.toLowerCase()}.`)] },
      issueTypeId: task.type,
      priorityId: rng.pick([2, 3, 3, 4]),
      statusId: task.done ? 10001 : rng.pick([INITIAL_STATUS_ID, 3]),
      resolutionId: task.done ? 10000 : null,
      assigneeId: people[task.assignee]?.accountId ?? null,
      reporterId: PERSONAS.mark.accountId,
      creatorId: PERSONAS.mark.accountId,
      labels: task.labels,
      componentIds: component === undefined ? [] : [component.id],
      duedate: task.done ? null : new Date(now.getTime() + rng.int(7, 90) * DAY).toISOString().slice(0, 10),
      created: created.toISOString(),
      updated: (task.done ? resolved : created).toISOString(),
      resolutiondate: task.done ? resolved.toISOString() : null,
      parentId: null,
    });
    const related = secIssues.find((issue) => task.labels.some((label) => issue.fields.labels.includes(label)));
    if (related !== undefined && relates !== undefined) state.issues.addLink(relates.id, id, related.id);
  }
}
