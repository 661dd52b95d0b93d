/** The Jira permissions the emulator enforces, with the ids and names Jira Cloud reports for them. */
export const PROJECT_PERMISSIONS = {
  BROWSE_PROJECTS: { id: '10', name: 'Browse Projects', description: 'Ability to browse projects and the issues within them.' },
  CREATE_ISSUES: { id: '11', name: 'Create Issues', description: 'Ability to create issues.' },
  EDIT_ISSUES: { id: '12', name: 'Edit Issues', description: 'Ability to edit issues.' },
  ASSIGN_ISSUES: { id: '13', name: 'Assign Issues', description: 'Ability to assign issues to other people.' },
  RESOLVE_ISSUES: { id: '14', name: 'Resolve Issues', description: 'Ability to resolve and reopen issues.' },
  ADD_COMMENTS: { id: '15', name: 'Add Comments', description: 'Ability to comment on issues.' },
  DELETE_ISSUES: { id: '16', name: 'Delete Issues', description: 'Ability to delete issues.' },
  ASSIGNABLE_USER: { id: '17', name: 'Assignable User', description: 'Users with this permission may be assigned to issues.' },
  CREATE_ATTACHMENTS: { id: '19', name: 'Create Attachments', description: 'Users with this permission may create attachments.' },
  LINK_ISSUES: { id: '21', name: 'Link Issues', description: 'Ability to link issues together and create linked issues.' },
  ADMINISTER_PROJECTS: { id: '23', name: 'Administer Projects', description: 'Ability to administer a project in Jira.' },
  TRANSITION_ISSUES: { id: '46', name: 'Transition Issues', description: 'Ability to transition issues.' },
} as const;

export const GLOBAL_PERMISSIONS = {
  ADMINISTER: { id: '0', name: 'Administer Jira', description: 'Create and administer projects, issue types, fields, workflows, and schemes for all projects.' },
} as const;

export type ProjectPermissionKey = keyof typeof PROJECT_PERMISSIONS;
export type GlobalPermissionKey = keyof typeof GLOBAL_PERMISSIONS;
export type PermissionKey = ProjectPermissionKey | GlobalPermissionKey;

export function isProjectPermission(key: string): key is ProjectPermissionKey {
  return Object.hasOwn(PROJECT_PERMISSIONS, key);
}

export function isGlobalPermission(key: string): key is GlobalPermissionKey {
  return Object.hasOwn(GLOBAL_PERMISSIONS, key);
}
