import { z } from 'zod';
import type { PseudonymKind } from '../domain/anonymiser';
import type { Audience, ShareRecord, ShareStatus } from '../domain/communication';
import { cursorSchema, issueKeySchema, projectKeySchema } from './keys';

/**
 * R15 "share lessons": preview and send a tailored lessons-learned summary of an approved review
 * as a Jira notification on the incident, and the record of every send (per incident, per project).
 * R16: the anonymised awareness-training export of approved reviews.
 */
const audience = z.enum(['management', 'staff'], { error: 'audience must be management or staff' });
const accountIdInput = z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, { error: 'users must be Jira account ids' });
const nameInput = (label: string) => z.string().trim().min(1, { error: `${label} must not be empty` }).max(255, { error: `${label} is too long` });

export const shareRecipientsSchema = z.strictObject({
  users: z.array(accountIdInput).max(50, { error: 'at most 50 people' }).default([]),
  groups: z.array(nameInput('group')).max(10, { error: 'at most 10 groups' }).default([]),
  projectRoles: z.array(nameInput('project role')).max(5, { error: 'at most 5 project roles' }).default([]),
});

export const communicationInputs = {
  previewLessonsShare: z.strictObject({ issueKey: issueKeySchema, audience, note: z.string().max(2000, { error: 'note must be at most 2000 characters' }).optional() }),
  shareLessons: z.strictObject({
    issueKey: issueKeySchema,
    audience,
    recipients: shareRecipientsSchema,
    note: z.string().max(2000, { error: 'note must be at most 2000 characters' }).optional(),
  }),
  listLessonsShares: z.strictObject({ issueKey: issueKeySchema }),
  listProjectCommunications: z.strictObject({ projectKey: projectKeySchema, cursor: cursorSchema.optional() }),
  /** R16: anonymised summaries of chosen incidents of a project, for awareness training. */
  exportAwarenessSummaries: z.strictObject({
    projectKey: projectKeySchema,
    issueKeys: z.array(issueKeySchema).min(1, { error: 'pick at least one incident' }).max(20, { error: 'at most 20 incidents at a time' }),
  }),
};

export interface LessonsSharePreview {
  issueKey: string;
  audience: Audience;
  reviewVersion: number;
  reviewStage: string;
  /** False before approval; `reason` says why. */
  canShare: boolean;
  reason?: string;
  subject: string;
  textBody: string;
  /** Escaped HTML, as the e-mail shows it (render in a sandboxed frame or as text). */
  htmlBody: string;
  /** Project roles that can be picked as an audience. */
  projectRoles: string[];
}

export type ShareView = ShareRecord & { status: ShareStatus };

export interface ShareLessonsResult {
  share: ShareView;
  /** True when this exact share (same version, audience, recipients, note) had already been sent: nothing was sent again. */
  alreadySent: boolean;
}

export interface SharesPage {
  shares: ShareView[];
  cursor?: string;
}

export interface AwarenessExportView {
  /** Markdown with every typed character escaped. */
  markdown: string;
  /** An HTML fragment with every value escaped (no scripts, no attributes from input). */
  html: string;
  /** Incidents in the export. */
  included: number;
  /** Chosen incidents left out, and why (not visible, no review, not approved). */
  skipped: { issueKey: string; reason: string }[];
  /** Distinct identifiers replaced, by kind (person, email, host, ip, mac, issue). */
  replaced: Record<PseudonymKind, number>;
}

export interface CommunicationOutputs {
  previewLessonsShare: LessonsSharePreview;
  shareLessons: ShareLessonsResult;
  listLessonsShares: SharesPage;
  listProjectCommunications: SharesPage;
  exportAwarenessSummaries: AwarenessExportView;
}
