import type { JiraState } from './state/jira-state';
import type { AttachmentRecord, IssueLinkRecord, IssueRecord, LinkTypeRecord } from './state/types';
import type { SiteUrls } from './urls';
import {
  componentRef,
  issueTypeBean,
  linkTypeBean,
  priorityRef,
  projectRef,
  resolutionBean,
  statusBean,
  userRef,
  type Json,
} from './representations';

/** Jira renders instants in UTC as `2024-01-15T09:30:00.000+0000` (no colon in the offset). */
export function jiraDateTime(iso: string): string {
  return new Date(iso).toISOString().replace('Z', '+0000');
}

/** Every field the emulator renders, in Jira's order of appearance in GET /issue. */
export const ALL_FIELD_IDS = [
  'summary', 'description', 'issuetype', 'project', 'status', 'priority', 'resolution', 'resolutiondate',
  'assignee', 'reporter', 'creator', 'labels', 'components', 'duedate', 'created', 'updated',
  'issuelinks', 'parent', 'subtasks', 'attachment',
] as const;

/**
 * Which fields a request selected, per Jira's `fields` parameter grammar: a list of field ids,
 * `*all`, `*navigable`, and `-field` exclusions.
 */
export function selectFields(requested: readonly string[], fallback: readonly string[]): Set<string> {
  const items = requested.length === 0 ? fallback : requested;
  const selected = new Set<string>();
  const excluded = new Set<string>();
  let onlyExclusions = true;
  for (const item of items) {
    if (item.startsWith('-')) {
      excluded.add(item.slice(1));
      continue;
    }
    onlyExclusions = false;
    if (item === '*all' || item === '*navigable') for (const id of ALL_FIELD_IDS) selected.add(id);
    else selected.add(item);
  }
  // `fields=-description` means "the default (navigable) fields except description".
  if (onlyExclusions) for (const id of ALL_FIELD_IDS) selected.add(id);
  for (const id of excluded) selected.delete(id);
  return selected;
}

/** The subset of an issue Jira embeds in links, parents and sub-tasks. */
function issueStub(state: JiraState, urls: SiteUrls, issue: IssueRecord): Json {
  const status = state.catalog.status(issue.fields.statusId);
  const priority = issue.fields.priorityId === null ? undefined : state.catalog.priority(issue.fields.priorityId);
  const type = state.catalog.issueType(issue.fields.issueTypeId);
  return {
    id: String(issue.id),
    key: issue.key,
    self: urls.api(`issue/${issue.id}`),
    fields: {
      summary: issue.fields.summary,
      ...(status === undefined ? {} : { status: statusBean(urls, status) }),
      ...(priority === undefined ? {} : { priority: priorityRef(urls, priority) }),
      ...(type === undefined ? {} : { issuetype: issueTypeBean(urls, type) }),
    },
  };
}

function linkBean(state: JiraState, urls: SiteUrls, issue: IssueRecord, link: IssueLinkRecord, type: LinkTypeRecord): Json | undefined {
  // The stored link's inward_issue is the source ("A blocks B" has source A), so from A's view the
  // other end is the `outwardIssue`, and from B's view it is the `inwardIssue`, as Jira shows it.
  const isSource = link.inwardIssueId === issue.id;
  const other = state.issues.byId(isSource ? link.outwardIssueId : link.inwardIssueId);
  if (other === undefined) return undefined;
  return {
    id: String(link.id),
    self: urls.api(`issueLink/${link.id}`),
    type: linkTypeBean(urls, type),
    [isSource ? 'outwardIssue' : 'inwardIssue']: issueStub(state, urls, other),
  };
}

/** An Attachment as Jira returns it (in `fields.attachment` and from POST /issue/{key}/attachments). */
export function attachmentBean(state: JiraState, urls: SiteUrls, attachment: AttachmentRecord): Json {
  const author = state.directory.user(attachment.authorAccountId);
  return {
    self: urls.api(`attachment/${attachment.id}`),
    id: String(attachment.id),
    filename: attachment.filename,
    ...(author === undefined ? {} : { author: userRef(urls, author) }),
    created: jiraDateTime(attachment.created),
    size: attachment.size,
    mimeType: attachment.mimeType,
    content: urls.api(`attachment/content/${attachment.id}`),
  };
}

/** All fields of an issue in REST v3 shape. */
export function renderFields(state: JiraState, urls: SiteUrls, issue: IssueRecord): Json {
  const f = issue.fields;
  const user = (accountId: string | null): Json | null => {
    if (accountId === null) return null;
    const record = state.directory.user(accountId);
    return record === undefined ? null : userRef(urls, record);
  };
  const project = state.projects.byId(issue.projectId);
  const type = state.catalog.issueType(f.issueTypeId);
  const status = state.catalog.status(f.statusId);
  const priority = f.priorityId === null ? undefined : state.catalog.priority(f.priorityId);
  const resolution = f.resolutionId === null ? undefined : state.catalog.resolution(f.resolutionId);
  const parent = f.parentId === null ? undefined : state.issues.byId(f.parentId);
  const fields: Json = {
    summary: f.summary,
    description: f.description,
    issuetype: type === undefined ? null : issueTypeBean(urls, type),
    project: project === undefined ? null : projectRef(urls, project),
    status: status === undefined ? null : statusBean(urls, status),
    priority: priority === undefined ? null : priorityRef(urls, priority),
    resolution: resolution === undefined ? null : resolutionBean(urls, resolution),
    resolutiondate: f.resolutiondate === null ? null : jiraDateTime(f.resolutiondate),
    assignee: user(f.assigneeId),
    reporter: user(f.reporterId),
    creator: user(f.creatorId),
    labels: [...f.labels],
    components: f.componentIds.flatMap((id) => {
      const component = state.projects.component(id);
      return component === undefined ? [] : [componentRef(urls, component)];
    }),
    duedate: f.duedate,
    created: jiraDateTime(f.created),
    updated: jiraDateTime(f.updated),
    issuelinks: state.issues.linksOf(issue.id).flatMap((link) => {
      const linkType = state.catalog.linkType(link.typeId);
      const bean = linkType === undefined ? undefined : linkBean(state, urls, issue, link, linkType);
      return bean === undefined ? [] : [bean];
    }),
    subtasks: state.issues.subtasksOf(issue.id).map((sub) => issueStub(state, urls, sub)),
    attachment: state.issues.attachmentsOf(issue.id).map((attachment) => attachmentBean(state, urls, attachment)),
  };
  // Jira omits `parent` entirely for issues without one.
  if (parent !== undefined) fields['parent'] = issueStub(state, urls, parent);
  return fields;
}

export interface IssueBeanOptions {
  fields: Set<string>;
  propertyKeys: readonly string[];
}

export function renderIssueBean(state: JiraState, urls: SiteUrls, issue: IssueRecord, options: IssueBeanOptions): Json {
  const all = renderFields(state, urls, issue);
  const fields: Json = {};
  for (const id of options.fields) if (Object.hasOwn(all, id)) fields[id] = all[id];
  const bean: Json = {
    expand: 'renderedFields,names,schema,operations,editmeta,changelog,versionedRepresentations',
    id: String(issue.id),
    self: urls.api(`issue/${issue.id}`),
    key: issue.key,
    fields,
  };
  if (options.propertyKeys.length > 0) {
    const properties: Json = {};
    for (const key of options.propertyKeys) {
      const property = state.issues.property(issue.id, key);
      if (property.found) properties[key] = property.value;
    }
    bean['properties'] = properties;
  }
  return bean;
}
