import type { Database } from 'better-sqlite3';
import type {
  IssueTypeRecord,
  LinkTypeRecord,
  PriorityRecord,
  ResolutionRecord,
  RoleRecord,
  StatusRecord,
  TransitionRecord,
  UserRecord,
} from './types';
import type { ProjectPermissionKey } from '../permission-keys';

/**
 * The site configuration every emulated Jira starts with (what a fresh Jira Cloud site plus the
 * customer's admin would have set up): issue types, workflow, priorities, link types, roles and
 * the permission scheme. Seeding adds people, projects and issues on top.
 */

/** The Forge app's bot account: the actor of asApp calls and the reporter of issues the app creates. */
export const APP_USER: UserRecord = {
  accountId: '712020:5e8c1a4b-lessons-learned-app',
  displayName: 'Lessons Learned for Jira',
  emailAddress: '',
  active: true,
  timeZone: 'UTC',
  locale: 'en_US',
  accountType: 'app',
};

export const ISSUE_TYPES: readonly IssueTypeRecord[] = [
  { id: 10001, name: 'Task', description: 'A small, distinct piece of work.', subtask: false, hierarchyLevel: 0, avatarId: 10318 },
  { id: 10002, name: 'Sub-task', description: 'A small piece of work that is part of a larger task.', subtask: true, hierarchyLevel: -1, avatarId: 10316 },
  { id: 10003, name: 'Bug', description: 'A problem or error.', subtask: false, hierarchyLevel: 0, avatarId: 10303 },
  { id: 10004, name: 'Story', description: 'Functionality or a feature expressed as a user goal.', subtask: false, hierarchyLevel: 0, avatarId: 10315 },
  { id: 10005, name: 'Incident', description: 'An information security event or incident (ISO/IEC 27001 A 5.24-5.28).', subtask: false, hierarchyLevel: 0, avatarId: 10304 },
  { id: 10006, name: 'Corrective action', description: 'An action to eliminate the cause of a nonconformity or incident (ISO/IEC 27001 10.2).', subtask: false, hierarchyLevel: 0, avatarId: 10306 },
];

export const STATUSES: readonly StatusRecord[] = [
  { id: 10000, name: 'To Do', description: '', categoryKey: 'new' },
  { id: 3, name: 'In Progress', description: 'This issue is being actively worked on at the moment by the assignee.', categoryKey: 'indeterminate' },
  { id: 10001, name: 'Done', description: '', categoryKey: 'done' },
];

export const INITIAL_STATUS_ID = 10000;

/** A simplified workflow: every status reachable from every other through a global transition. */
export const TRANSITIONS: readonly TransitionRecord[] = [
  { id: 11, name: 'To Do', toStatusId: 10000 },
  { id: 21, name: 'In Progress', toStatusId: 3 },
  { id: 31, name: 'Done', toStatusId: 10001 },
];

export const PRIORITIES: readonly PriorityRecord[] = [
  { id: 1, name: 'Highest', description: 'This problem will block progress.', statusColor: '#d04437', isDefault: false },
  { id: 2, name: 'High', description: 'Serious problem that could block progress.', statusColor: '#f15C75', isDefault: false },
  { id: 3, name: 'Medium', description: 'Has the potential to affect progress.', statusColor: '#f79232', isDefault: true },
  { id: 4, name: 'Low', description: 'Minor problem or easily worked around.', statusColor: '#707070', isDefault: false },
  { id: 5, name: 'Lowest', description: 'Trivial problem with little or no impact on progress.', statusColor: '#999999', isDefault: false },
];

export const RESOLUTIONS: readonly ResolutionRecord[] = [
  { id: 10000, name: 'Done', description: 'Work has been completed on this issue.' },
  { id: 10001, name: "Won't Do", description: 'This issue won\'t be actioned.' },
  { id: 10002, name: 'Duplicate', description: 'The problem is a duplicate of an existing issue.' },
  { id: 10003, name: 'Cannot Reproduce', description: 'All attempts at reproducing this issue failed.' },
];

export const DEFAULT_RESOLUTION_ID = 10000;

export const LINK_TYPES: readonly LinkTypeRecord[] = [
  { id: 10000, name: 'Blocks', inward: 'is blocked by', outward: 'blocks' },
  { id: 10001, name: 'Cloners', inward: 'is cloned by', outward: 'clones' },
  { id: 10002, name: 'Duplicate', inward: 'is duplicated by', outward: 'duplicates' },
  { id: 10003, name: 'Relates', inward: 'relates to', outward: 'relates to' },
  { id: 10004, name: 'Problem/Incident', inward: 'is caused by', outward: 'causes' },
];

export const ROLES: readonly RoleRecord[] = [
  { id: 10002, name: 'Administrators', description: 'A project role that represents administrators in a project' },
  { id: 10003, name: 'Members', description: 'A project role that represents members in a project' },
  { id: 10004, name: 'Viewers', description: 'A project role that represents viewers in a project' },
];

export const ROLE_ID = { Administrators: 10002, Members: 10003, Viewers: 10004 } as const;

/** The one permission scheme all projects share: which roles hold which project permission. */
export const PERMISSION_SCHEME: Readonly<Record<ProjectPermissionKey, readonly number[]>> = {
  BROWSE_PROJECTS: [ROLE_ID.Administrators, ROLE_ID.Members, ROLE_ID.Viewers],
  CREATE_ISSUES: [ROLE_ID.Administrators, ROLE_ID.Members],
  EDIT_ISSUES: [ROLE_ID.Administrators, ROLE_ID.Members],
  TRANSITION_ISSUES: [ROLE_ID.Administrators, ROLE_ID.Members],
  RESOLVE_ISSUES: [ROLE_ID.Administrators, ROLE_ID.Members],
  ASSIGN_ISSUES: [ROLE_ID.Administrators, ROLE_ID.Members],
  ASSIGNABLE_USER: [ROLE_ID.Administrators, ROLE_ID.Members],
  LINK_ISSUES: [ROLE_ID.Administrators, ROLE_ID.Members],
  ADD_COMMENTS: [ROLE_ID.Administrators, ROLE_ID.Members, ROLE_ID.Viewers],
  CREATE_ATTACHMENTS: [ROLE_ID.Administrators, ROLE_ID.Members],
  DELETE_ISSUES: [ROLE_ID.Administrators],
  ADMINISTER_PROJECTS: [ROLE_ID.Administrators],
};

export const ADMIN_GROUP = { groupId: '2c6a7b1e-0000-4000-8000-000000000001', name: 'jira-admins' } as const;

/** Writes the base configuration once; a database that already has it is left alone. */
export function installCatalog(db: Database): void {
  const done = db.prepare(`SELECT value FROM jira_meta WHERE key = 'catalog'`).get();
  if (done !== undefined) return;
  db.transaction(() => {
    const type = db.prepare('INSERT INTO jira_issue_types VALUES (?, ?, ?, ?, ?, ?)');
    for (const t of ISSUE_TYPES) type.run(t.id, t.name, t.description, t.subtask ? 1 : 0, t.hierarchyLevel, t.avatarId);
    const status = db.prepare('INSERT INTO jira_statuses VALUES (?, ?, ?, ?)');
    for (const s of STATUSES) status.run(s.id, s.name, s.description, s.categoryKey);
    const transition = db.prepare('INSERT INTO jira_transitions VALUES (?, ?, ?)');
    for (const t of TRANSITIONS) transition.run(t.id, t.name, t.toStatusId);
    const priority = db.prepare('INSERT INTO jira_priorities VALUES (?, ?, ?, ?, ?)');
    for (const p of PRIORITIES) priority.run(p.id, p.name, p.description, p.statusColor, p.isDefault ? 1 : 0);
    const resolution = db.prepare('INSERT INTO jira_resolutions VALUES (?, ?, ?)');
    for (const r of RESOLUTIONS) resolution.run(r.id, r.name, r.description);
    const linkType = db.prepare('INSERT INTO jira_link_types VALUES (?, ?, ?, ?)');
    for (const l of LINK_TYPES) linkType.run(l.id, l.name, l.inward, l.outward);
    const role = db.prepare('INSERT INTO jira_roles VALUES (?, ?, ?)');
    for (const r of ROLES) role.run(r.id, r.name, r.description);
    const grant = db.prepare('INSERT INTO jira_permission_scheme VALUES (?, ?)');
    for (const [permission, roleIds] of Object.entries(PERMISSION_SCHEME)) for (const roleId of roleIds) grant.run(permission, roleId);
    db.prepare('INSERT INTO jira_groups VALUES (?, ?)').run(ADMIN_GROUP.groupId, ADMIN_GROUP.name);
    db.prepare('INSERT INTO jira_global_permissions VALUES (?, ?)').run('ADMINISTER', ADMIN_GROUP.groupId);
    db.prepare('INSERT INTO jira_users VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      APP_USER.accountId, APP_USER.displayName, APP_USER.emailAddress, 1, APP_USER.timeZone, APP_USER.locale, APP_USER.accountType,
    );
    db.prepare(`INSERT INTO jira_meta VALUES ('catalog', '1')`).run();
  })();
}
