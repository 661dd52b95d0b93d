import type { Database } from 'better-sqlite3';
import { num, rowOrUndefined, rows, str, type Row, statementCache } from './row';
import type { ComponentRecord, ProjectRecord, RoleActorRecord } from './types';

function toProject(r: Row): ProjectRecord {
  return {
    id: num(r, 'id'), key: str(r, 'key'), name: str(r, 'name'), description: str(r, 'description'),
    projectTypeKey: str(r, 'project_type_key') as ProjectRecord['projectTypeKey'], leadAccountId: str(r, 'lead_account_id'),
    issueTypeIds: JSON.parse(str(r, 'issue_type_ids')) as number[],
  };
}

function toComponent(r: Row): ComponentRecord {
  return { id: num(r, 'id'), projectId: num(r, 'project_id'), name: str(r, 'name'), description: str(r, 'description') };
}

/** Projects, their components (the "assets" of the incident projects) and project-role actors. */
export class ProjectRepository {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database) {
    this.sql = statementCache(db);
  }

  add(project: ProjectRecord): void {
    this.sql('INSERT INTO jira_projects (id, key, name, description, project_type_key, lead_account_id, issue_type_ids) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      project.id, project.key, project.name, project.description, project.projectTypeKey, project.leadAccountId, JSON.stringify(project.issueTypeIds),
    );
  }

  all(): ProjectRecord[] {
    return rows(this.sql('SELECT * FROM jira_projects ORDER BY key').all()).map(toProject);
  }

  /** Jira resolves `projectIdOrKey` as an id when it is numeric, else as a key (case-insensitively). */
  byIdOrKey(idOrKey: string): ProjectRecord | undefined {
    const r = /^\d+$/.test(idOrKey)
      ? rowOrUndefined(this.sql('SELECT * FROM jira_projects WHERE id = ?').get(Number(idOrKey)))
      : rowOrUndefined(this.sql('SELECT * FROM jira_projects WHERE key = ?').get(idOrKey.toUpperCase()));
    return r === undefined ? undefined : toProject(r);
  }

  byId(id: number): ProjectRecord | undefined {
    return this.byIdOrKey(String(id));
  }

  /** Reserves the next issue number of a project (keys are never reused, as in Jira). */
  takeIssueNumber(projectId: number): number {
    const r = rowOrUndefined(this.sql('SELECT next_issue_number FROM jira_projects WHERE id = ?').get(projectId));
    if (r === undefined) throw new Error(`jira emulator: no project ${projectId}`);
    const next = num(r, 'next_issue_number');
    this.sql('UPDATE jira_projects SET next_issue_number = ? WHERE id = ?').run(next + 1, projectId);
    return next;
  }

  addComponent(component: Omit<ComponentRecord, 'id'>): ComponentRecord {
    const info = this.sql('INSERT INTO jira_components (project_id, name, description) VALUES (?, ?, ?)').run(
      component.projectId, component.name, component.description,
    );
    return { ...component, id: Number(info.lastInsertRowid) };
  }

  components(projectId: number): ComponentRecord[] {
    return rows(this.sql('SELECT * FROM jira_components WHERE project_id = ? ORDER BY name').all(projectId)).map(toComponent);
  }

  component(id: number): ComponentRecord | undefined {
    const r = rowOrUndefined(this.sql('SELECT * FROM jira_components WHERE id = ?').get(id));
    return r === undefined ? undefined : toComponent(r);
  }

  addRoleActor(projectId: number, roleId: number, actor: RoleActorRecord): void {
    this.sql('INSERT OR IGNORE INTO jira_role_actors VALUES (?, ?, ?, ?)').run(
      projectId, roleId, actor.kind, actor.kind === 'user' ? actor.accountId : actor.groupId,
    );
  }

  roleActors(projectId: number, roleId: number): RoleActorRecord[] {
    return rows(
      this.sql('SELECT actor_kind, actor_id FROM jira_role_actors WHERE project_id = ? AND role_id = ? ORDER BY actor_kind DESC, actor_id').all(projectId, roleId),
    ).map((r) => (str(r, 'actor_kind') === 'user' ? { kind: 'user', accountId: str(r, 'actor_id') } : { kind: 'group', groupId: str(r, 'actor_id') }));
  }

  /** Roles a user holds in a project, directly or through a group. */
  rolesOf(projectId: number, accountId: string): number[] {
    return rows(
      this.sql(
        `SELECT DISTINCT role_id FROM jira_role_actors WHERE project_id = ? AND (
           (actor_kind = 'user' AND actor_id = ?) OR
           (actor_kind = 'group' AND actor_id IN (SELECT group_id FROM jira_group_members WHERE account_id = ?)))`,
      ).all(projectId, accountId, accountId),
    ).map((r) => num(r, 'role_id'));
  }

  /** Role ids a project permission is granted to by the (single, shared) permission scheme. */
  rolesGranting(permission: string): number[] {
    return rows(this.sql('SELECT role_id FROM jira_permission_scheme WHERE permission = ?').all(permission)).map((r) => num(r, 'role_id'));
  }
}
