/**
 * The one response envelope every resolver returns. The Custom UI client unwraps it, so a
 * failure always reaches the user as a code they can act on and a message in plain words.
 */
export const ERROR_CODES = [
  'INVALID_INPUT', // payload failed validation; `field` names the offending field
  'FORBIDDEN', // the caller lacks the Jira permission the call needs
  'NOT_FOUND', // the issue/project/record does not exist (or is invisible to the caller)
  'CONFLICT', // a stale write: someone else changed the record first
  'NOT_READY', // a workflow step whose checklist is not complete; the message lists what is missing
  'NOT_ALLOWED', // the record's state does not allow this (e.g. editing a review awaiting approval)
  'TOO_LARGE', // the record would exceed the platform's storage limit
  'RATE_LIMITED', // Jira or storage asked us to slow down and the retry budget ran out
  'UPSTREAM', // Jira or storage failed in a way the user can retry
  'INTERNAL', // a bug: logged with the invocation id
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: AppErrorBody };
