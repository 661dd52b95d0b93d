/**
 * The system fields the engine understands: names and aliases, which operators each accepts, which
 * functions may feed it, and whether it can be sorted. Validation runs at parse time, as Jira validates a
 * query before searching, so a bad query fails identically whatever issues exist.
 */
import type { Clause, FieldId, FieldRef, JqlOperator, Operand } from './ast';
import { isDateFunction, isDateValue, validateDateFunction } from './dates';
import { JqlError, invalidDate, unknownField, unknownFunction, unsupportedOperator } from './errors';

export type FieldKind = 'project' | 'key' | 'named' | 'user' | 'multi' | 'date' | 'text' | 'property';

interface FieldDef {
  kind: FieldKind;
  operators: readonly JqlOperator[];
  sortable: boolean;
}

const EQ: JqlOperator[] = ['=', '!=', 'in', 'not in'];
const EQ_EMPTY: JqlOperator[] = [...EQ, 'is', 'is not'];
const RANGE: JqlOperator[] = ['<', '<=', '>', '>='];
const TEXT: JqlOperator[] = ['~', '!~', 'is', 'is not'];

export const FIELDS: Record<FieldId, FieldDef> = {
  project: { kind: 'project', operators: EQ_EMPTY, sortable: true },
  issuekey: { kind: 'key', operators: [...EQ, ...RANGE], sortable: true },
  parent: { kind: 'key', operators: EQ, sortable: false },
  issuetype: { kind: 'named', operators: EQ_EMPTY, sortable: true },
  status: { kind: 'named', operators: EQ, sortable: true },
  statusCategory: { kind: 'named', operators: EQ, sortable: true },
  priority: { kind: 'named', operators: [...EQ_EMPTY, ...RANGE], sortable: true },
  resolution: { kind: 'named', operators: EQ_EMPTY, sortable: true },
  assignee: { kind: 'user', operators: EQ_EMPTY, sortable: true },
  reporter: { kind: 'user', operators: EQ_EMPTY, sortable: true },
  creator: { kind: 'user', operators: EQ_EMPTY, sortable: true },
  labels: { kind: 'multi', operators: EQ_EMPTY, sortable: false },
  component: { kind: 'multi', operators: EQ_EMPTY, sortable: true },
  created: { kind: 'date', operators: [...EQ_EMPTY, ...RANGE], sortable: true },
  updated: { kind: 'date', operators: [...EQ_EMPTY, ...RANGE], sortable: true },
  resolutiondate: { kind: 'date', operators: [...EQ_EMPTY, ...RANGE], sortable: true },
  duedate: { kind: 'date', operators: [...EQ_EMPTY, ...RANGE], sortable: true },
  summary: { kind: 'text', operators: TEXT, sortable: true },
  description: { kind: 'text', operators: TEXT, sortable: false },
  environment: { kind: 'text', operators: TEXT, sortable: false },
  comment: { kind: 'text', operators: ['~', '!~'], sortable: false },
  text: { kind: 'text', operators: ['~'], sortable: false },
  property: { kind: 'property', operators: [...EQ_EMPTY, ...RANGE, '~', '!~'], sortable: true },
};

/** Lower-cased JQL names (Jira matches field names case-insensitively) to field ids. */
const ALIASES: Record<string, FieldId> = {
  project: 'project',
  key: 'issuekey',
  issuekey: 'issuekey',
  issue: 'issuekey',
  id: 'issuekey',
  parent: 'parent',
  issuetype: 'issuetype',
  type: 'issuetype',
  status: 'status',
  statuscategory: 'statusCategory',
  priority: 'priority',
  resolution: 'resolution',
  assignee: 'assignee',
  reporter: 'reporter',
  creator: 'creator',
  labels: 'labels',
  component: 'component',
  created: 'created',
  createddate: 'created',
  updated: 'updated',
  updateddate: 'updated',
  resolved: 'resolutiondate',
  resolutiondate: 'resolutiondate',
  due: 'duedate',
  duedate: 'duedate',
  summary: 'summary',
  description: 'description',
  environment: 'environment',
  comment: 'comment',
  text: 'text',
};

export const isSystemField = (name: string): boolean => ALIASES[name.toLowerCase()] !== undefined;

/** Resolves a plain field name; throws Jira's "does not exist" error for anything unknown. */
export function resolveField(name: string): FieldRef {
  const id = ALIASES[name.toLowerCase()];
  if (!id) throw unknownField(name);
  return { name, id };
}

/** Functions that return lists of values, by the field kinds that accept them. */
const LIST_FUNCTIONS: Record<string, { kinds: FieldKind[]; fields?: FieldId[]; minArgs: number; maxArgs: number }> = {
  linkedissues: { kinds: ['key'], fields: ['issuekey'], minArgs: 1, maxArgs: 2 },
  standardissuetypes: { kinds: ['named'], fields: ['issuetype'], minArgs: 0, maxArgs: 0 },
  subtaskissuetypes: { kinds: ['named'], fields: ['issuetype'], minArgs: 0, maxArgs: 0 },
};

function validateFunction(field: FieldRef, op: JqlOperator, fn: { name: string; args: string[] }): void {
  const lower = fn.name.toLowerCase();
  const def = FIELDS[field.id];
  if (lower === 'currentuser') {
    if (def.kind !== 'user' && def.kind !== 'property') throw new JqlError(`A value provided by the function 'currentUser' is invalid for the field '${field.name}'.`);
    if (fn.args.length > 0) throw new JqlError(`Function 'currentUser' expected '0' arguments but received '${fn.args.length}'.`);
    return;
  }
  if (isDateFunction(lower)) {
    if (def.kind !== 'date' && def.kind !== 'property') throw new JqlError(`A value provided by the function '${fn.name}' is invalid for the field '${field.name}'.`);
    validateDateFunction(fn.name, fn.args);
    return;
  }
  const list = LIST_FUNCTIONS[lower];
  if (!list) throw unknownFunction(fn.name);
  if (!list.kinds.includes(def.kind) || (list.fields && !list.fields.includes(field.id))) {
    throw new JqlError(`A value provided by the function '${fn.name}' is invalid for the field '${field.name}'.`);
  }
  if (op !== 'in' && op !== 'not in') {
    throw new JqlError(`Operator '${op}' does not support the list value '${fn.name}(${fn.args.join(', ')})' for field '${field.name}'.`);
  }
  if (fn.args.length < list.minArgs || fn.args.length > list.maxArgs) {
    throw new JqlError(`Function '${fn.name}' expected between '${list.minArgs}' and '${list.maxArgs}' arguments but received '${fn.args.length}'.`);
  }
}

function validateOperand(field: FieldRef, op: JqlOperator, operand: Operand): void {
  const def = FIELDS[field.id];
  switch (operand.kind) {
    case 'empty':
      if (op !== '=' && op !== '!=' && op !== 'is' && op !== 'is not') {
        throw new JqlError(`The operator '${op}' does not support the EMPTY value for field '${field.name}'.`);
      }
      return;
    case 'function':
      validateFunction(field, op, operand);
      return;
    case 'list':
      if (op !== 'in' && op !== 'not in') {
        throw new JqlError(`Operator '${op}' does not support the list value for field '${field.name}'.`);
      }
      for (const item of operand.items) validateOperand(field, '=', item);
      return;
    case 'value':
      if (op === 'is' || op === 'is not') {
        throw new JqlError(`The operator '${op.toUpperCase()}' only supports the EMPTY value, but got '${operand.value}' for field '${field.name}'.`);
      }
      if (op === 'in' || op === 'not in') {
        throw new JqlError(`Operator '${op}' does not support the non-list value '${operand.value}' for field '${field.name}'.`);
      }
      if (def.kind === 'date' && !isDateValue(operand.value)) throw invalidDate(operand.value, field.name);
      if (def.kind === 'text' && /^[*?]/.test(operand.value.trim())) {
        throw new JqlError(`The text query '${operand.value}' for field '${field.name}' is not allowed to start with a wildcard ('*' or '?').`);
      }
      return;
  }
}

/** Checks every terminal clause: operator allowed for the field, operand shape, functions, date formats. */
export function validateClause(clause: Clause): void {
  switch (clause.kind) {
    case 'and':
    case 'or':
      clause.clauses.forEach(validateClause);
      return;
    case 'not':
      validateClause(clause.clause);
      return;
    case 'terminal': {
      const def = FIELDS[clause.field.id];
      if (!def.operators.includes(clause.operator)) throw unsupportedOperator(clause.operator, clause.field.name);
      validateOperand(clause.field, clause.operator, clause.operand);
      return;
    }
  }
}
