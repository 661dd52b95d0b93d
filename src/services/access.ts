import { AppError } from '../api/errors';
import { myPermissions, type JiraPermission, type PermissionTarget } from '../platform/jira/permissions';
import { JiraTransport } from '../platform/jira/transport';

/** What a resolver needs on the issue or project it touches. */
export type AccessNeed = 'read' | 'write' | 'administer';

const PERMISSIONS_FOR: Record<AccessNeed, readonly JiraPermission[]> = {
  read: ['BROWSE_PROJECTS'],
  write: ['BROWSE_PROJECTS', 'EDIT_ISSUES'],
  administer: ['BROWSE_PROJECTS', 'ADMINISTER_PROJECTS'],
};

/** Everything asked about is fetched in the same mypermissions call, so views can show what the caller may do. */
const ASKED: readonly JiraPermission[] = ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'ADMINISTER_PROJECTS'];

/**
 * What a resolver touches: an issue, a project, or — for the all-projects page — the site, where
 * the caller only needs to be a Jira user and each project shown is checked by the service itself.
 */
export type AccessTarget = PermissionTarget | { site: true };

export interface Grant {
  target: AccessTarget;
  permissions: ReadonlySet<JiraPermission>;
}

function describe(target: PermissionTarget): string {
  return 'issueKey' in target ? `incident ${target.issueKey}` : `project ${target.projectKey}`;
}

/**
 * Asks Jira, as the calling user, whether they may do `need` on `target`. Keys come from the
 * browser and may be forged, so this runs before any app data is read or written.
 */
export async function authorise(target: AccessTarget, need: AccessNeed): Promise<Grant> {
  if ('site' in target) {
    // Nothing site-wide is writable; a site view filters every project by the caller's Browse permission.
    if (need !== 'read') throw new AppError('INTERNAL', 'Site-wide access is read only.');
    return { target, permissions: new Set() };
  }
  const granted = await myPermissions(new JiraTransport('user'), target, ASKED);
  if (granted === null || !granted.has('BROWSE_PROJECTS')) {
    throw new AppError('FORBIDDEN', `You do not have access to ${describe(target)}, or it does not exist. Ask a Jira admin for access if you need it.`);
  }
  const missing = PERMISSIONS_FOR[need].filter((permission) => !granted.has(permission));
  if (missing.length > 0) {
    const verb = need === 'administer' ? 'administer' : 'edit';
    throw new AppError('FORBIDDEN', `You can view ${describe(target)} but not ${verb} it. Ask a Jira admin for the "${missing.join(', ')}" permission.`);
  }
  return { target, permissions: granted };
}
