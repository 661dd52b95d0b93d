import type { ChangelogItem } from '../events';
import type { JiraState } from '../state/jira-state';
import type { AdfNode, StoredIssueFields } from '../state/types';

/** Plain text of an ADF document, which is what Jira's changelog shows for rich-text fields. */
export function adfToText(node: AdfNode | null): string | null {
  if (node === null) return null;
  const parts: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (record['type'] === 'text' && typeof record['text'] === 'string') parts.push(record['text']);
    const content = record['content'];
    if (Array.isArray(content)) {
      for (const child of content) walk(child);
      if (record['type'] === 'paragraph' || record['type'] === 'heading') parts.push('\n');
    }
  };
  walk(node);
  return parts.join('').trim();
}

function item(field: string, from: string | null, fromString: string | null, to: string | null, toString: string | null): ChangelogItem {
  return { field, fieldtype: 'jira', fieldId: field, from, fromString, to, toString };
}

/** One changelog item per changed field, with ids in from/to and display values in *String, as Jira writes them. */
export function diffFields(state: JiraState, before: StoredIssueFields, after: StoredIssueFields): ChangelogItem[] {
  const items: ChangelogItem[] = [];
  const name = (lookup: (id: number) => { name: string } | undefined, id: number | null): string | null =>
    id === null ? null : (lookup(id)?.name ?? null);
  const userName = (accountId: string | null): string | null => (accountId === null ? null : (state.directory.user(accountId)?.displayName ?? null));
  const idString = (id: number | null): string | null => (id === null ? null : String(id));

  if (before.summary !== after.summary) items.push(item('summary', null, before.summary, null, after.summary));
  if (JSON.stringify(before.description) !== JSON.stringify(after.description)) {
    items.push(item('description', null, adfToText(before.description), null, adfToText(after.description)));
  }
  if (before.issueTypeId !== after.issueTypeId) {
    items.push(item('issuetype', String(before.issueTypeId), name((id) => state.catalog.issueType(id), before.issueTypeId), String(after.issueTypeId), name((id) => state.catalog.issueType(id), after.issueTypeId)));
  }
  if (before.priorityId !== after.priorityId) {
    items.push(item('priority', idString(before.priorityId), name((id) => state.catalog.priority(id), before.priorityId), idString(after.priorityId), name((id) => state.catalog.priority(id), after.priorityId)));
  }
  if (before.statusId !== after.statusId) {
    items.push(item('status', String(before.statusId), name((id) => state.catalog.status(id), before.statusId), String(after.statusId), name((id) => state.catalog.status(id), after.statusId)));
  }
  if (before.resolutionId !== after.resolutionId) {
    items.push(item('resolution', idString(before.resolutionId), name((id) => state.catalog.resolution(id), before.resolutionId), idString(after.resolutionId), name((id) => state.catalog.resolution(id), after.resolutionId)));
  }
  if (before.assigneeId !== after.assigneeId) items.push(item('assignee', before.assigneeId, userName(before.assigneeId), after.assigneeId, userName(after.assigneeId)));
  if (before.reporterId !== after.reporterId) items.push(item('reporter', before.reporterId, userName(before.reporterId), after.reporterId, userName(after.reporterId)));
  if (before.labels.join(' ') !== after.labels.join(' ')) items.push(item('labels', null, before.labels.join(' '), null, after.labels.join(' ')));
  const componentName = (id: number): string | null => state.projects.component(id)?.name ?? null;
  for (const id of before.componentIds.filter((c) => !after.componentIds.includes(c))) {
    items.push({ ...item('Component', String(id), componentName(id), null, null), fieldId: 'components' });
  }
  for (const id of after.componentIds.filter((c) => !before.componentIds.includes(c))) {
    items.push({ ...item('Component', null, null, String(id), componentName(id)), fieldId: 'components' });
  }
  if (before.duedate !== after.duedate) items.push(item('duedate', before.duedate, before.duedate, after.duedate, after.duedate));
  return items;
}
