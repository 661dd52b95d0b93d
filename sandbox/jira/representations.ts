import type { SiteUrls } from './urls';
import type { JiraState } from './state/jira-state';
import type {
  ComponentRecord,
  IssueTypeRecord,
  LinkTypeRecord,
  PriorityRecord,
  ProjectRecord,
  ResolutionRecord,
  RoleRecord,
  StatusCategoryKey,
  StatusRecord,
  UserRecord,
} from './state/types';

/** REST v3 JSON shapes of the site's entities, as Jira Cloud serialises them (ids as strings). */

export type Json = Record<string, unknown>;

export function userBean(urls: SiteUrls, user: UserRecord): Json {
  return {
    self: urls.user(user.accountId),
    accountId: user.accountId,
    accountType: user.accountType,
    // Jira hides e-mail addresses per the user's profile visibility; the sandbox personas share theirs.
    ...(user.emailAddress === '' ? {} : { emailAddress: user.emailAddress }),
    avatarUrls: urls.userAvatars(user.displayName),
    displayName: user.displayName,
    active: user.active,
    timeZone: user.timeZone,
    locale: user.locale,
  };
}

/** The smaller user object embedded in issue fields (assignee, reporter, creator). */
export function userRef(urls: SiteUrls, user: UserRecord): Json {
  const { locale: _locale, ...rest } = userBean(urls, user);
  return rest;
}

export function userWithGroups(urls: SiteUrls, state: JiraState, user: UserRecord): Json {
  const groups = state.directory.groupsOf(user.accountId);
  return {
    ...userBean(urls, user),
    groups: { size: groups.length, items: groups.map((g) => ({ name: g.name, groupId: g.groupId, self: urls.api(`group?groupId=${g.groupId}`) })) },
    applicationRoles: { size: 1, items: [] },
    expand: 'groups,applicationRoles',
  };
}

const CATEGORY: Record<StatusCategoryKey, { id: number; colorName: string; name: string }> = {
  new: { id: 2, colorName: 'blue-gray', name: 'To Do' },
  indeterminate: { id: 4, colorName: 'yellow', name: 'In Progress' },
  done: { id: 3, colorName: 'green', name: 'Done' },
};

export function statusCategoryBean(urls: SiteUrls, key: StatusCategoryKey): Json {
  const category = CATEGORY[key];
  return { self: urls.api(`statuscategory/${category.id}`), id: category.id, key, colorName: category.colorName, name: category.name };
}

export function statusBean(urls: SiteUrls, status: StatusRecord): Json {
  return {
    self: urls.api(`status/${status.id}`),
    description: status.description,
    iconUrl: `${urls.base}/`,
    name: status.name,
    untranslatedName: status.name,
    id: String(status.id),
    statusCategory: statusCategoryBean(urls, status.categoryKey),
  };
}

export function issueTypeBean(urls: SiteUrls, type: IssueTypeRecord): Json {
  return {
    self: urls.api(`issuetype/${type.id}`),
    id: String(type.id),
    description: type.description,
    iconUrl: urls.issueTypeIcon(type.avatarId),
    name: type.name,
    subtask: type.subtask,
    avatarId: type.avatarId,
    hierarchyLevel: type.hierarchyLevel,
  };
}

export function priorityBean(urls: SiteUrls, priority: PriorityRecord): Json {
  return {
    self: urls.api(`priority/${priority.id}`),
    statusColor: priority.statusColor,
    description: priority.description,
    iconUrl: `${urls.base}/images/icons/priorities/${priority.name.toLowerCase()}.svg`,
    name: priority.name,
    id: String(priority.id),
    isDefault: priority.isDefault,
  };
}

/** Priority as embedded in an issue (Jira omits description/statusColor there). */
export function priorityRef(urls: SiteUrls, priority: PriorityRecord): Json {
  return { self: urls.api(`priority/${priority.id}`), iconUrl: `${urls.base}/images/icons/priorities/${priority.name.toLowerCase()}.svg`, name: priority.name, id: String(priority.id) };
}

export function resolutionBean(urls: SiteUrls, resolution: ResolutionRecord): Json {
  return { self: urls.api(`resolution/${resolution.id}`), id: String(resolution.id), description: resolution.description, name: resolution.name };
}

export function linkTypeBean(urls: SiteUrls, type: LinkTypeRecord): Json {
  return { id: String(type.id), name: type.name, inward: type.inward, outward: type.outward, self: urls.api(`issueLinkType/${type.id}`) };
}

export function componentRef(urls: SiteUrls, component: ComponentRecord): Json {
  return { self: urls.api(`component/${component.id}`), id: String(component.id), name: component.name, description: component.description };
}

/** Project as embedded in issue fields and listed by /project/search. */
export function projectRef(urls: SiteUrls, project: ProjectRecord): Json {
  return {
    self: urls.api(`project/${project.id}`),
    id: String(project.id),
    key: project.key,
    name: project.name,
    projectTypeKey: project.projectTypeKey,
    simplified: false,
    avatarUrls: urls.projectAvatars(project.id),
  };
}

export function projectBean(urls: SiteUrls, state: JiraState, project: ProjectRecord): Json {
  const lead = state.directory.user(project.leadAccountId);
  return {
    expand: 'description,lead,issueTypes,url,projectKeys,permissions,insight',
    ...projectRef(urls, project),
    description: project.description,
    ...(lead === undefined ? {} : { lead: userRef(urls, lead) }),
    components: state.projects.components(project.id).map((c) => ({ ...componentRef(urls, c), isAssigneeTypeValid: false })),
    issueTypes: project.issueTypeIds.flatMap((id) => {
      const type = state.catalog.issueType(id);
      return type === undefined ? [] : [issueTypeBean(urls, type)];
    }),
    assigneeType: 'UNASSIGNED',
    versions: [],
    roles: projectRolesMap(urls, state, project),
    style: 'classic',
    isPrivate: false,
    properties: {},
  };
}

export function projectRolesMap(urls: SiteUrls, state: JiraState, project: ProjectRecord): Record<string, string> {
  return Object.fromEntries(state.catalog.roles.map((role) => [role.name, urls.api(`project/${project.id}/role/${role.id}`)]));
}

export function projectRoleBean(urls: SiteUrls, state: JiraState, project: ProjectRecord, role: RoleRecord): Json {
  let actorId = 0;
  const actors = state.projects.roleActors(project.id, role.id).flatMap((actor): Json[] => {
    actorId += 1;
    if (actor.kind === 'user') {
      const user = state.directory.user(actor.accountId);
      if (user === undefined) return [];
      return [{ id: actorId, displayName: user.displayName, type: 'atlassian-user-role-actor', actorUser: { accountId: user.accountId } }];
    }
    const group = state.directory.groupById(actor.groupId);
    if (group === undefined) return [];
    return [{ id: actorId, displayName: group.name, type: 'atlassian-group-role-actor', name: group.name, actorGroup: { name: group.name, displayName: group.name, groupId: group.groupId } }];
  });
  return {
    self: urls.api(`project/${project.id}/role/${role.id}`),
    name: role.name,
    id: role.id,
    description: role.description,
    actors,
  };
}
