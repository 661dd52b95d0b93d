import type { RequestContext } from '../context';
import { badRequest, fieldErrors, forbidden, JiraError } from '../errors';
import { issueCreatedEvent, issueDeletedEvent, issueUpdatedEvent, toEventIssue, type ChangelogItem } from '../events';
import { renderFields } from '../issue-view';
import { asObject, refId, refString } from '../json';
import { DEFAULT_RESOLUTION_ID, INITIAL_STATUS_ID } from '../state/catalog';
import type { IssueRecord, ProjectRecord, StoredIssueFields } from '../state/types';
import { diffFields } from './changelog';
import { FieldInput, type PendingLink } from './field-input';

/**
 * The issue mutations behind the REST endpoints: create, edit, transition, delete, link. Each
 * validates like Jira, writes through the repositories (the caller's transaction makes it atomic)
 * and queues the Forge-shaped events the change causes.
 */
export class IssueWriter {
  constructor(private readonly ctx: RequestContext) {}

  private get actor(): string {
    if (this.ctx.actorAccountId === undefined) throw new JiraError(401, ['You are not authenticated. Authentication required to perform this operation.']);
    return this.ctx.actorAccountId;
  }

  private eventIssue(issue: IssueRecord): ReturnType<typeof toEventIssue> {
    return toEventIssue({ id: String(issue.id), key: issue.key, fields: renderFields(this.ctx.state, this.ctx.urls, issue) });
  }

  private nextChangelogId(): string {
    const db = this.ctx.state.db;
    const row = db.prepare(`SELECT value FROM jira_meta WHERE key = 'changelog_seq'`).get() as { value: string } | undefined;
    const next = row === undefined ? 10000 : Number(row.value) + 1;
    db.prepare(`INSERT INTO jira_meta VALUES ('changelog_seq', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`).run(String(next));
    return String(next);
  }

  private emitUpdated(issue: IssueRecord, items: ChangelogItem[]): void {
    if (items.length === 0) return;
    this.ctx.emit(issueUpdatedEvent(this.eventIssue(issue), this.actor, { id: this.nextChangelogId(), items }));
  }

  private resolveProject(value: unknown, errors: Record<string, string>): ProjectRecord | undefined {
    const ref = refId(value) ?? refString(value, 'key');
    if (ref === undefined) {
      errors['project'] = 'Specify a valid project ID or key';
      return undefined;
    }
    const project = this.ctx.state.projects.byIdOrKey(ref);
    if (project === undefined || !this.ctx.permissions.has('BROWSE_PROJECTS', project.id)) {
      errors['project'] = 'Specify a valid project ID or key';
      return undefined;
    }
    if (!this.ctx.permissions.has('CREATE_ISSUES', project.id)) {
      errors['project'] = 'You do not have permission to create issues in this project.';
      return undefined;
    }
    return project;
  }

  create(body: unknown): IssueRecord {
    const input = asObject(body);
    const fieldsInput = asObject(input['fields']);
    const errors: Record<string, string> = {};
    const project = this.resolveProject(fieldsInput['project'], errors);
    const typeValue = fieldsInput['issuetype'];
    const typeRef = refId(typeValue);
    const typeName = refString(typeValue, 'name');
    const issueType = this.ctx.state.catalog.issueTypes.find((t) => (typeRef !== undefined ? String(t.id) === typeRef : t.name === typeName));
    if (typeRef === undefined && typeName === undefined) errors['issuetype'] = 'Specify an issue type';
    else if (issueType === undefined || (project !== undefined && !project.issueTypeIds.includes(issueType.id))) errors['issuetype'] = 'Specify a valid issue type';
    if (project === undefined || issueType === undefined || Object.keys(errors).length > 0) throw fieldErrors(errors);

    const now = this.ctx.now.toISOString();
    const defaultPriority = this.ctx.state.catalog.priorities.find((p) => p.isDefault);
    const draft: StoredIssueFields = {
      summary: '', description: null, issueTypeId: issueType.id, priorityId: defaultPriority?.id ?? null, statusId: INITIAL_STATUS_ID,
      resolutionId: null, assigneeId: null, reporterId: this.actor, creatorId: this.actor, labels: [], componentIds: [], duedate: null,
      created: now, updated: now, resolutiondate: null, parentId: null,
    };
    const { project: _project, issuetype: _issuetype, ...rest } = fieldsInput;
    const fieldInput = new FieldInput(this.ctx, project, 'create', draft);
    const result = fieldInput.apply(rest, asObject(input['update']));
    if (result.fields.summary === '' && fieldInput.errors['summary'] === undefined) fieldInput.errors['summary'] = 'You must specify a summary of the issue.';
    if (issueType.subtask && result.fields.parentId === null && fieldInput.errors['parent'] === undefined) {
      fieldInput.errors['parent'] = 'Given parent work item does not belong to appropriate hierarchy.';
    }
    if (!issueType.subtask && result.fields.parentId !== null) fieldInput.errors['parent'] = 'Given parent work item does not belong to appropriate hierarchy.';
    const properties = this.entityProperties(input['properties']);
    if (Object.keys(fieldInput.errors).length > 0) throw fieldErrors(fieldInput.errors);

    const number = this.ctx.state.projects.takeIssueNumber(project.id);
    const issue = this.ctx.state.issues.insert(project.id, `${project.key}-${number}`, result.fields);
    // IssueUpdateDetails.properties: set with the issue, in the same transaction.
    for (const property of properties) this.ctx.state.issues.setProperty(issue.id, property.key, JSON.stringify(property.value));
    this.ctx.emit(issueCreatedEvent(this.eventIssue(issue), this.actor));
    this.createLinks(issue, result.links, false);
    return issue;
  }

  /** The `properties` of a create request (EntityProperty[]), checked like PUT /issue/{key}/properties/{key}. */
  private entityProperties(value: unknown): { key: string; value: unknown }[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) throw badRequest(['properties must be a list of entity properties.']);
    return value.map((entry: unknown) => {
      const property = asObject(entry);
      const key = property['key'];
      if (typeof key !== 'string' || key === '' || key.length > 255) throw badRequest(['The property key must be 1 to 255 characters long.']);
      if (property['value'] === undefined) throw badRequest(['The property value must not be empty.']);
      if (Buffer.byteLength(JSON.stringify(property['value']), 'utf8') > 32768) throw badRequest(['The property value is too long. The maximum allowed length is 32768 bytes.']);
      return { key, value: property['value'] };
    });
  }

  edit(issue: IssueRecord, body: unknown): void {
    const project = this.requireProject(issue);
    if (!this.ctx.permissions.has('EDIT_ISSUES', project.id)) throw forbidden('You do not have permission to edit issues in this project.');
    const input = asObject(body);
    const before = structuredClone(issue.fields);
    const fieldInput = new FieldInput(this.ctx, project, 'edit', structuredClone(issue.fields));
    const result = fieldInput.apply(asObject(input['fields']), asObject(input['update']));
    if (result.fields.assigneeId !== before.assigneeId && !this.ctx.permissions.has('ASSIGN_ISSUES', project.id)) {
      fieldInput.errors['assignee'] = 'You do not have permission to assign issues.';
    }
    if (Object.keys(fieldInput.errors).length > 0) throw fieldErrors(fieldInput.errors);
    this.save(issue, before, result.fields);
    this.createLinks(issue, result.links, true);
  }

  transition(issue: IssueRecord, body: unknown): void {
    const project = this.requireProject(issue);
    const input = asObject(body);
    const transitionId = refId(input['transition']);
    if (transitionId === undefined) throw badRequest(["Missing 'transition' identifier"]);
    if (!this.ctx.permissions.has('TRANSITION_ISSUES', project.id)) throw forbidden('You do not have permission to transition this issue.');
    const transition = this.availableTransitions(issue).find((t) => String(t.id) === transitionId);
    if (transition === undefined) throw badRequest([`Transition id '${transitionId}' is not valid for this issue.`]);
    const target = this.ctx.state.catalog.status(transition.toStatusId);
    if (target === undefined) throw new JiraError(500, ['Workflow refers to a missing status.']);

    const before = structuredClone(issue.fields);
    const fieldInput = new FieldInput(this.ctx, project, 'transition', structuredClone(issue.fields));
    const result = fieldInput.apply(asObject(input['fields']), asObject(input['update']));
    if (target.categoryKey !== 'done' && result.fields.resolutionId !== before.resolutionId) {
      fieldInput.errors['resolution'] = NOT_ON_SCREEN('resolution');
    }
    if (Object.keys(fieldInput.errors).length > 0) throw fieldErrors(fieldInput.errors);
    const after = result.fields;
    after.statusId = target.id;
    // Jira's Done post-functions set a resolution (default "Done") and the resolution date;
    // moving back out of Done clears both, as the reopen post-function does.
    if (target.categoryKey === 'done') {
      if (after.resolutionId === null) after.resolutionId = DEFAULT_RESOLUTION_ID;
      if (before.resolutionId === null || after.resolutiondate === null) after.resolutiondate = this.ctx.now.toISOString();
    } else {
      after.resolutionId = null;
      after.resolutiondate = null;
    }
    this.save(issue, before, after);
  }

  /** Global transitions to every status except the current one (Jira's simplified workflow). */
  availableTransitions(issue: IssueRecord): typeof this.ctx.state.catalog.transitions {
    return this.ctx.state.catalog.transitions.filter((t) => t.toStatusId !== issue.fields.statusId);
  }

  delete(issue: IssueRecord, deleteSubtasks: boolean): void {
    const project = this.requireProject(issue);
    if (!this.ctx.permissions.has('DELETE_ISSUES', project.id)) throw forbidden('You do not have permission to delete issues in this project.');
    const subtasks = this.ctx.state.issues.subtasksOf(issue.id);
    if (subtasks.length > 0 && !deleteSubtasks) {
      throw badRequest([`The issue '${issue.key}' has subtasks.  You must specify the 'deleteSubtasks' parameter to delete this issue and all its subtasks.`]);
    }
    for (const victim of [...subtasks, issue]) {
      const payload = this.eventIssue(victim);
      this.ctx.state.issues.delete(victim.id);
      this.ctx.emit(issueDeletedEvent(payload, this.actor));
    }
  }

  /** Creates a link (source <outward verb> destination) and records it in both issues' history. */
  link(typeId: number, source: IssueRecord, destination: IssueRecord): void {
    const type = this.ctx.state.catalog.linkType(typeId);
    if (type === undefined) throw new JiraError(404, [`No issue link type with id '${typeId}' found.`]);
    const existed = this.ctx.state.issues.linksOf(source.id).some((l) => l.typeId === typeId && l.inwardIssueId === source.id && l.outwardIssueId === destination.id);
    this.ctx.state.issues.addLink(typeId, source.id, destination.id);
    if (existed) return;
    const touch = (issue: IssueRecord, text: string, otherKey: string): void => {
      const fresh = this.ctx.state.issues.byId(issue.id);
      if (fresh === undefined) return;
      fresh.fields.updated = this.ctx.now.toISOString();
      this.ctx.state.issues.update(fresh);
      this.emitUpdated(fresh, [{ field: 'Link', fieldtype: 'jira', fieldId: 'issuelinks', from: null, fromString: null, to: otherKey, toString: text }]);
    };
    touch(source, `This issue ${type.outward} ${destination.key}`, destination.key);
    touch(destination, `This issue ${type.inward} ${source.key}`, source.key);
  }

  private createLinks(issue: IssueRecord, links: readonly PendingLink[], announceOwn: boolean): void {
    for (const pending of links) {
      const other = this.ctx.state.issues.byId(pending.otherIssueId);
      if (other === undefined) continue;
      const [source, destination] = pending.role === 'source' ? [issue, other] : [other, issue];
      if (announceOwn) this.link(pending.typeId, source, destination);
      else {
        // At creation the new issue's own "Link" history is part of its created event, so only
        // the other issue gets an update event, as in Jira.
        const type = this.ctx.state.catalog.linkType(pending.typeId);
        this.ctx.state.issues.addLink(pending.typeId, source.id, destination.id);
        if (type === undefined) continue;
        other.fields.updated = this.ctx.now.toISOString();
        this.ctx.state.issues.update(other);
        const text = pending.role === 'source' ? `This issue ${type.inward} ${issue.key}` : `This issue ${type.outward} ${issue.key}`;
        this.emitUpdated(other, [{ field: 'Link', fieldtype: 'jira', fieldId: 'issuelinks', from: null, fromString: null, to: issue.key, toString: text }]);
      }
    }
  }

  private save(issue: IssueRecord, before: StoredIssueFields, after: StoredIssueFields): void {
    const items = diffFields(this.ctx.state, before, after);
    if (items.length === 0) return;
    after.updated = this.ctx.now.toISOString();
    const updated: IssueRecord = { ...issue, fields: after };
    this.ctx.state.issues.update(updated);
    this.emitUpdated(updated, items);
  }

  private requireProject(issue: IssueRecord): ProjectRecord {
    const project = this.ctx.state.projects.byId(issue.projectId);
    if (project === undefined) throw new JiraError(500, ['Issue belongs to a missing project.']);
    return project;
  }
}

const NOT_ON_SCREEN = (field: string): string => `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
