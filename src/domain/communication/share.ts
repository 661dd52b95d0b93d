/**
 * R15 the record of a "share lessons" send, kept as evidence (R24): who sent which summary of
 * which review version to whom, when, and what Jira answered.
 */
import type { Audience } from './summary';

/** Who the sender picked; roles and groups are kept by name as chosen, expanded only for sending. */
export interface ShareRecipients {
  users: string[];
  groups: string[];
  projectRoles: string[];
}

/**
 * - `sending`: recorded before the call to Jira;
 * - `sent`: Jira accepted the notification;
 * - `unconfirmed`: no answer from Jira — it may have gone out (not sent again automatically);
 * - `failed`: Jira refused it; nothing was sent.
 */
export type ShareStatus = 'sending' | 'sent' | 'unconfirmed' | 'failed';

export interface ShareRecord {
  shareId: string;
  issueKey: string;
  incidentIssueId: string;
  projectKey: string;
  audience: Audience;
  reviewVersion: number;
  reviewStage: string;
  sentBy: string;
  sentAt: string;
  recipients: ShareRecipients;
  /** Account ids the project roles stood for at the time of sending. */
  roleMembers: string[];
  subject: string;
  status: ShareStatus;
  /** Jira's reason when it refused. */
  error?: string;
}

/** A canonical form of the recipients, so the same choice in another order is the same share. */
export const canonicalRecipients = (recipients: ShareRecipients): ShareRecipients => ({
  users: [...new Set(recipients.users)].sort(),
  groups: [...new Set(recipients.groups.map((group) => group.trim()))].sort(),
  projectRoles: [...new Set(recipients.projectRoles.map((role) => role.trim()))].sort(),
});

export const hasRecipients = (recipients: ShareRecipients): boolean => recipients.users.length + recipients.groups.length + recipients.projectRoles.length > 0;

/**
 * The identity of a share: the same review version, audience, recipients and note is one share —
 * a double click or a retry lands on the same record instead of mailing everyone twice.
 */
export const shareFingerprint = (issueId: string, reviewVersion: number, audience: Audience, recipients: ShareRecipients, note: string): string =>
  JSON.stringify([issueId, reviewVersion, audience, canonicalRecipients(recipients), note.trim()]);

/** A send that has been "sending" this long without an outcome was interrupted; it counts as unconfirmed. */
export const SENDING_STALE_MS = 120_000;

export function effectiveStatus(record: Pick<ShareRecord, 'status' | 'sentAt'>, now: number): ShareStatus {
  return record.status === 'sending' && now - Date.parse(record.sentAt) > SENDING_STALE_MS ? 'unconfirmed' : record.status;
}

/** Whether a new attempt may send again: only after a definite refusal. */
export const mayRetry = (record: Pick<ShareRecord, 'status' | 'sentAt'>, now: number): boolean => effectiveStatus(record, now) === 'failed';
