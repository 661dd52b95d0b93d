import type { RouteTable } from '../context';
import { JiraError, forbidden } from '../errors';
import { attachmentBean } from '../issue-view';

/**
 * POST /rest/api/3/issue/{issueIdOrKey}/attachments as Jira Cloud answers it: multipart field
 * `file` (one or more), the XSRF header checked by the emulator before routing, Create attachments
 * permission, 413 for too many or too large files, and an array of Attachment on success.
 */

/** Jira refuses more than 60 files per request. */
const MAX_FILES = 60;
/** The sandbox site's attachment size limit (Jira's is configurable per site). */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export const attachmentRoutes: RouteTable = {
  addAttachment(ctx) {
    const issue = ctx.permissions.requireIssue(ctx.params['issueIdOrKey'] ?? '');
    if (!ctx.permissions.has('CREATE_ATTACHMENTS', issue.projectId)) throw forbidden('You do not have permission to create attachments for this issue.');
    const files = (ctx.files ?? []).filter((file) => file.field === 'file');
    if (files.length === 0) throw new JiraError(400, ['No attachments were found in the request. The multipart/form-data field must be named "file".']);
    if (files.length > MAX_FILES) throw new JiraError(413, [`You can upload at most ${MAX_FILES} files in one request.`]);
    const tooLarge = files.find((file) => file.content.length > MAX_ATTACHMENT_BYTES);
    if (tooLarge !== undefined) throw new JiraError(413, [`The file '${tooLarge.filename}' is too large to attach (limit ${MAX_ATTACHMENT_BYTES} bytes).`]);
    const actor = ctx.actorAccountId ?? '';
    const created = ctx.now.toISOString();
    const added = files.map((file) => ctx.state.issues.addAttachment(issue.id, file, actor, created));
    return { status: 200, body: added.map((attachment) => attachmentBean(ctx.state, ctx.urls, attachment)) };
  },
};
