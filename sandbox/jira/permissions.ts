import type { JiraPrincipal } from '../backends';
import type { GlobalPermissionKey, ProjectPermissionKey } from './permission-keys';
import type { JiraState } from './state/jira-state';
import type { IssueRecord, ProjectRecord } from './state/types';
import { issueNotFound } from './errors';

/**
 * Answers "may this principal do X in project P" from project roles and the permission scheme,
 * the way Jira evaluates it: user → roles (directly or via groups) → permissions. The app
 * principal holds every permission (a Forge app's asApp calls run with the app's own, broad grant);
 * anonymous holds none. Inactive users hold none.
 */
export class PermissionService {
  constructor(
    private readonly state: JiraState,
    private readonly principal: JiraPrincipal,
  ) {}

  has(permission: ProjectPermissionKey, projectId: number): boolean {
    if (this.principal.kind === 'app') return true;
    if (this.principal.kind === 'anonymous') return false;
    return this.userHas(this.principal.accountId, permission, projectId);
  }

  /** Whether any given user (not necessarily the caller) holds a project permission, e.g. ASSIGNABLE_USER. */
  userHas(accountId: string, permission: ProjectPermissionKey, projectId: number): boolean {
    const user = this.state.directory.user(accountId);
    if (user === undefined || !user.active) return false;
    if (user.accountType === 'app') return true;
    const granted = new Set(this.state.projects.rolesGranting(permission));
    return this.state.projects.rolesOf(projectId, accountId).some((roleId) => granted.has(roleId));
  }

  hasGlobal(permission: GlobalPermissionKey): boolean {
    if (this.principal.kind === 'app') return true;
    if (this.principal.kind === 'anonymous') return false;
    const user = this.state.directory.user(this.principal.accountId);
    if (user === undefined || !user.active) return false;
    const holders = new Set(this.state.directory.globalPermissionGroups(permission));
    return this.state.directory.groupsOf(user.accountId).some((group) => holders.has(group.groupId));
  }

  browsableProjects(): ProjectRecord[] {
    return this.state.projects.all().filter((project) => this.has('BROWSE_PROJECTS', project.id));
  }

  canBrowseIssue(issue: IssueRecord): boolean {
    return this.has('BROWSE_PROJECTS', issue.projectId);
  }

  /**
   * Looks an issue up the way every issue endpoint does: an issue the caller cannot browse is
   * indistinguishable from one that does not exist (Jira never leaks existence).
   */
  requireIssue(idOrKey: string): IssueRecord {
    const issue = this.state.issues.byIdOrKey(idOrKey);
    if (issue === undefined || !this.canBrowseIssue(issue)) throw issueNotFound();
    return issue;
  }
}
