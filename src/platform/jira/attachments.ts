import { route } from '@forge/api';
import { z } from 'zod';
import { AppError } from '../../api/errors';
import { JSON_HEADERS, jiraFailure, type JiraTransport } from './transport';

const attachmentSchema = z.object({ id: z.string(), filename: z.string(), size: z.number().optional(), created: z.string().optional() });
export type JiraAttachment = z.infer<typeof attachmentSchema>;

export interface AttachmentFile {
  fileName: string;
  mimeType: string;
  content: string;
}

/**
 * The multipart/form-data body Jira expects (RFC 7578, one part named `file`), as bytes: the
 * Forge fetch API takes a string, URLSearchParams or ArrayBuffer body, not FormData.
 */
function multipartFile(file: AttachmentFile): { body: ArrayBuffer; contentType: string } {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(file.fileName)) throw new AppError('INTERNAL', 'Attachment file names are made by the app from safe characters only.');
  const boundary = `----lessons-learned-${crypto.randomUUID()}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.fileName}"\r\nContent-Type: ${file.mimeType}\r\n\r\n`;
  const bytes = new TextEncoder().encode(`${head}${file.content}\r\n--${boundary}--\r\n`);
  return { body: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Adds a file to an issue as the caller (`POST /rest/api/3/issue/{key}/attachments`): multipart
 * field `file`, and the `X-Atlassian-Token: no-check` header without which Jira's XSRF check
 * blocks the request. Not idempotent: a 429 is retried (Jira refused it before it ran); after a
 * lost answer or a 5xx the caller looks the file up by name before trying again.
 */
export async function addAttachment(jira: JiraTransport, issueKey: string, file: AttachmentFile): Promise<JiraAttachment> {
  const { body, contentType } = multipartFile(file);
  const result = await jira.send(
    (requester) =>
      requester.requestJira(route`/rest/api/3/issue/${issueKey}/attachments`, {
        method: 'POST',
        headers: { Accept: 'application/json', 'Content-Type': contentType, 'X-Atlassian-Token': 'no-check' },
        body,
      }),
    false,
  );
  if (result.status === 413) throw new AppError('TOO_LARGE', `Jira refused the file: it is larger than the attachment size allowed on ${issueKey}, or the issue has too many attachments.`);
  if (result.status !== 200) throw jiraFailure(result, `adding an attachment to ${issueKey}`);
  const parsed = z.array(attachmentSchema).min(1).safeParse(result.body);
  if (!parsed.success) throw new AppError('UPSTREAM', 'Jira accepted the attachment but answered in an unexpected shape.');
  return parsed.data[0] as JiraAttachment;
}

const issueAttachmentsSchema = z.object({ fields: z.object({ attachment: z.array(attachmentSchema).default([]) }) });

/** The issue's attachments (as the caller), to find a file whose upload answer was lost. */
export async function listAttachments(jira: JiraTransport, issueKey: string): Promise<JiraAttachment[]> {
  const result = await jira.send((requester) => requester.requestJira(route`/rest/api/3/issue/${issueKey}?fields=attachment`, { method: 'GET', headers: JSON_HEADERS }));
  if (result.status !== 200) throw jiraFailure(result, `issue ${issueKey}`);
  return issueAttachmentsSchema.parse(result.body).fields.attachment;
}
