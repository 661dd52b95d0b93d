import type { RequestContext } from '../context';
import { isObject, refId, refString, type JsonObject } from '../json';
import type { ProjectRecord, StoredIssueFields } from '../state/types';

/**
 * Applies the `fields` and `update` parts of an IssueUpdateDetails body to an issue's stored
 * fields, validating values the way Jira does and collecting every problem per field (Jira
 * reports all field errors of a request at once). Pure with respect to storage: it returns the
 * new field values and the links to create, the caller persists them.
 */

export type InputMode = 'create' | 'edit' | 'transition';

/** A link requested through `update.issuelinks`; `role` is this issue's end of the link. */
export interface PendingLink {
  typeId: number;
  role: 'source' | 'destination';
  otherIssueId: number;
}

export interface FieldInputResult {
  fields: StoredIssueFields;
  links: PendingLink[];
}

const NOT_SETTABLE = (field: string): string => `Field '${field}' cannot be set. It is not on the appropriate screen, or unknown.`;
const ADF_REQUIRED = 'Operation value must be an Atlassian Document (see the Atlassian Document Format)';
const MAX_SUMMARY = 255;

/** Fields each mode may write; everything else is "not on the appropriate screen". */
const SETTABLE: Record<InputMode, ReadonlySet<string>> = {
  create: new Set(['summary', 'description', 'priority', 'assignee', 'reporter', 'labels', 'components', 'duedate', 'parent', 'issuelinks']),
  edit: new Set(['summary', 'description', 'priority', 'assignee', 'reporter', 'labels', 'components', 'duedate', 'issuetype', 'issuelinks']),
  // The simplified workflow has no transition screens; only the resolution can accompany a transition.
  transition: new Set(['resolution']),
};

export class FieldInput {
  readonly errors: Record<string, string> = {};
  private readonly links: PendingLink[] = [];

  constructor(
    private readonly ctx: RequestContext,
    private readonly project: ProjectRecord,
    private readonly mode: InputMode,
    private readonly fields: StoredIssueFields,
  ) {}

  apply(fieldsInput: JsonObject, updateInput: JsonObject): FieldInputResult {
    for (const [field, value] of Object.entries(fieldsInput)) {
      if (!this.settable(field)) continue;
      this.set(field, value);
    }
    for (const [field, operations] of Object.entries(updateInput)) {
      if (!this.settable(field)) continue;
      if (!Array.isArray(operations)) {
        this.errors[field] = `Field '${field}': update operations must be a list.`;
        continue;
      }
      for (const operation of operations) this.applyOperation(field, operation);
    }
    return { fields: this.fields, links: this.links };
  }

  private settable(field: string): boolean {
    if (SETTABLE[this.mode].has(field)) return true;
    this.errors[field] = NOT_SETTABLE(field);
    return false;
  }

  private applyOperation(field: string, operation: unknown): void {
    if (!isObject(operation)) {
      this.errors[field] = `Field '${field}': each update operation must be an object.`;
      return;
    }
    for (const [verb, value] of Object.entries(operation)) {
      if (verb === 'set') this.set(field, value);
      else if (verb === 'add') this.add(field, value);
      else if (verb === 'remove') this.remove(field, value);
      else this.errors[field] = `Field '${field}' does not support operation '${verb}'`;
    }
  }

  private set(field: string, value: unknown): void {
    switch (field) {
      case 'summary':
        this.setSummary(value);
        return;
      case 'description':
        if (value === null || (isObject(value) && value['type'] === 'doc')) this.fields.description = value === null ? null : { ...value, type: 'doc' };
        else this.errors['description'] = ADF_REQUIRED;
        return;
      case 'priority':
        this.setPriority(value);
        return;
      case 'assignee':
        this.setAssignee(value);
        return;
      case 'reporter':
        this.setReporter(value);
        return;
      case 'labels':
        if (!Array.isArray(value)) this.errors['labels'] = 'Labels must be an array of strings.';
        else {
          this.fields.labels = [];
          for (const label of value) this.addLabel(label);
        }
        return;
      case 'components':
        if (!Array.isArray(value)) this.errors['components'] = 'Components must be an array.';
        else {
          this.fields.componentIds = [];
          for (const ref of value) this.addComponent(ref);
        }
        return;
      case 'duedate':
        this.setDueDate(value);
        return;
      case 'issuetype':
        this.setIssueType(value);
        return;
      case 'parent':
        this.setParent(value);
        return;
      case 'resolution':
        this.setResolution(value);
        return;
      case 'issuelinks':
        this.errors['issuelinks'] = "Field 'issuelinks' can only be changed through 'update' with the 'add' operation.";
        return;
      default:
        this.errors[field] = NOT_SETTABLE(field);
    }
  }

  private add(field: string, value: unknown): void {
    if (field === 'labels') this.addLabel(value);
    else if (field === 'components') this.addComponent(value);
    else if (field === 'issuelinks') this.addLink(value);
    else this.errors[field] = `Field '${field}' does not support operation 'add'`;
  }

  private remove(field: string, value: unknown): void {
    if (field === 'labels' && typeof value === 'string') this.fields.labels = this.fields.labels.filter((l) => l !== value);
    else if (field === 'components') {
      const id = this.componentId(value);
      if (id !== undefined) this.fields.componentIds = this.fields.componentIds.filter((c) => c !== id);
    } else this.errors[field] = `Field '${field}' does not support operation 'remove'`;
  }

  private setSummary(value: unknown): void {
    if (typeof value !== 'string' || value.trim() === '') this.errors['summary'] = 'You must specify a summary of the issue.';
    else if (value.length > MAX_SUMMARY) this.errors['summary'] = 'Summary must be less than 255 characters.';
    else this.fields.summary = value;
  }

  private setPriority(value: unknown): void {
    const id = refId(value);
    const name = refString(value, 'name');
    const priority = this.ctx.state.catalog.priorities.find((p) => (id !== undefined ? String(p.id) === id : p.name === name));
    if (priority === undefined) {
      this.errors['priority'] = id === undefined && name === undefined ? "Could not find valid 'id' or 'name' in priority object." : `Specify a valid value for priority`;
    } else this.fields.priorityId = priority.id;
  }

  private setAssignee(value: unknown): void {
    const accountId = value === null ? null : refString(value, 'accountId');
    if (accountId === null || (isObject(value) && value['accountId'] === null)) {
      this.fields.assigneeId = null;
      return;
    }
    if (accountId === undefined || !this.ctx.permissions.userHas(accountId, 'ASSIGNABLE_USER', this.project.id)) {
      this.errors['assignee'] = `User '${accountId ?? ''}' cannot be assigned issues.`;
      return;
    }
    this.fields.assigneeId = accountId;
  }

  private setReporter(value: unknown): void {
    const accountId = refString(value, 'accountId');
    const user = accountId === undefined ? undefined : this.ctx.state.directory.user(accountId);
    if (user === undefined || !user.active) this.errors['reporter'] = 'Specified reporter is not a user.';
    else this.fields.reporterId = user.accountId;
  }

  private addLabel(label: unknown): void {
    if (typeof label !== 'string' || label === '') this.errors['labels'] = 'Labels must be non-empty strings.';
    else if (/\s/.test(label)) this.errors['labels'] = `The label '${label}' contains spaces which is invalid.`;
    else if (label.length > 255) this.errors['labels'] = 'The label must not exceed 255 characters.';
    else if (!this.fields.labels.includes(label)) this.fields.labels.push(label);
  }

  private componentId(ref: unknown): number | undefined {
    const id = refId(ref);
    const name = refString(ref, 'name');
    const component = this.ctx.state.projects.components(this.project.id).find((c) => (id !== undefined ? String(c.id) === id : c.name === name));
    if (component === undefined) {
      this.errors['components'] = id !== undefined ? `Component with id '${id}' does not exist.` : `Component name '${name ?? ''}' is not valid`;
      return undefined;
    }
    return component.id;
  }

  private addComponent(ref: unknown): void {
    const id = this.componentId(ref);
    if (id !== undefined && !this.fields.componentIds.includes(id)) this.fields.componentIds.push(id);
  }

  private setDueDate(value: unknown): void {
    if (value === null || value === '') {
      this.fields.duedate = null;
      return;
    }
    const valid = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
    if (!valid) this.errors['duedate'] = `Error parsing date string: ${JSON.stringify(value)}`;
    else this.fields.duedate = value;
  }

  private setIssueType(value: unknown): void {
    const id = refId(value);
    const name = refString(value, 'name');
    const type = this.ctx.state.catalog.issueTypes.find((t) => (id !== undefined ? String(t.id) === id : t.name === name));
    if (type === undefined || !this.project.issueTypeIds.includes(type.id)) this.errors['issuetype'] = 'The issue type selected is invalid.';
    else this.fields.issueTypeId = type.id;
  }

  private setParent(value: unknown): void {
    const ref = refId(value) ?? refString(value, 'key');
    const parent = ref === undefined ? undefined : this.ctx.state.issues.byIdOrKey(ref);
    if (parent === undefined || !this.ctx.permissions.canBrowseIssue(parent)) this.errors['parent'] = `Could not find issue by id or key.`;
    else if (parent.projectId !== this.project.id) this.errors['project'] = 'Sub-tasks must be created in the same project as the parent.';
    else this.fields.parentId = parent.id;
  }

  private setResolution(value: unknown): void {
    const id = refId(value);
    const name = refString(value, 'name');
    const resolution = this.ctx.state.catalog.resolutions.find((r) => (id !== undefined ? String(r.id) === id : r.name === name));
    if (resolution === undefined) this.errors['resolution'] = `Resolution '${name ?? id ?? ''}' is not valid`;
    else this.fields.resolutionId = resolution.id;
  }

  private addLink(value: unknown): void {
    if (!isObject(value)) {
      this.errors['issuelinks'] = 'Issue link must be an object.';
      return;
    }
    const typeRef = value['type'];
    const typeId = refId(typeRef);
    const typeName = refString(typeRef, 'name');
    const linkType = this.ctx.state.catalog.linkTypes.find((t) =>
      typeId !== undefined ? String(t.id) === typeId : t.name === typeName || t.inward === refString(typeRef, 'inward') || t.outward === refString(typeRef, 'outward'),
    );
    if (linkType === undefined) {
      this.errors['issuelinks'] = `No issue link type with name '${typeName ?? typeId ?? ''}' found.`;
      return;
    }
    // `outwardIssue: X` reads "this issue <outward> X": this issue is the link's source.
    const outward = value['outwardIssue'];
    const inward = value['inwardIssue'];
    const otherRef = outward ?? inward;
    const key = refId(otherRef) ?? refString(otherRef, 'key');
    const other = key === undefined ? undefined : this.ctx.state.issues.byIdOrKey(key);
    if (other === undefined || !this.ctx.permissions.canBrowseIssue(other)) {
      this.errors['issuelinks'] = `Issue '${key ?? ''}' does not exist or you do not have permission to see it.`;
      return;
    }
    if (!this.ctx.permissions.has('LINK_ISSUES', this.project.id)) {
      this.errors['issuelinks'] = 'You do not have the permission to link issues.';
      return;
    }
    this.links.push({ typeId: linkType.id, role: outward !== undefined ? 'source' : 'destination', otherIssueId: other.id });
  }
}
