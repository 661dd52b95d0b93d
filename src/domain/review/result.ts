/**
 * Outcomes of domain operations. Expected failures (bad input, stale version, guard not met)
 * are values, not exceptions, so resolvers can map them 1:1 onto the typed envelope
 * `{ ok: true, data } | { ok: false, error: { code, message, field? } }` without try/catch.
 */
import type { ChecklistItem } from './checklist-item';

export type Result<T, E = DomainError> = { ok: true; value: T } | { ok: false; error: E };

/** One problem with one field, for showing next to the form control. */
export interface FieldIssue {
  /** Dotted path inside the submitted value, e.g. `timestamps.detectedAt` or `entries.3.text`. */
  field: string;
  message: string;
}

export interface ValidationError {
  code: 'invalid';
  /** The first problem in plain words, naming the field. */
  message: string;
  field?: string;
  /** Every problem found, so a form can mark all fields at once. */
  issues: FieldIssue[];
}

export interface ConflictError {
  code: 'conflict';
  /** "This review was changed by X at T — reload to see their change." */
  message: string;
  changedBy: string;
  changedAt: string;
  currentVersion: number;
}

export interface GuardError {
  code: 'guard-failed';
  message: string;
  /** The checklist items that are not done yet. */
  missing: ChecklistItem[];
}

export interface TooLargeError {
  code: 'too-large';
  message: string;
  field?: string;
  bytes: number;
  limitBytes: number;
}

export interface SimpleError {
  code: 'transition-not-allowed' | 'not-editable' | 'already-promoted' | 'not-found' | 'not-allowed';
  message: string;
  field?: string;
}

export type DomainError = ValidationError | ConflictError | GuardError | TooLargeError | SimpleError;

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export const fail = <E extends DomainError>(error: E): { ok: false; error: E } => ({ ok: false, error });
