import type { Database } from 'better-sqlite3';
import { num, rowOrUndefined, rows, str, type Row, statementCache } from './row';
import type { AttachmentRecord, IssueLinkRecord, IssueRecord, StoredIssueFields } from './types';

/** Jira Cloud issue ids start at 10000; keeping that makes ids look like the real thing in the UI. */
const FIRST_ISSUE_ID = 10000;

function toIssue(r: Row): IssueRecord {
  return { id: num(r, 'id'), key: str(r, 'key'), projectId: num(r, 'project_id'), fields: JSON.parse(str(r, 'fields')) as StoredIssueFields };
}

function toAttachment(r: Row): AttachmentRecord {
  return {
    id: num(r, 'id'),
    issueId: num(r, 'issue_id'),
    filename: str(r, 'filename'),
    mimeType: str(r, 'mime_type'),
    size: num(r, 'size'),
    authorAccountId: str(r, 'author_account_id'),
    created: str(r, 'created'),
  };
}

function toLink(r: Row): IssueLinkRecord {
  return { id: num(r, 'id'), typeId: num(r, 'type_id'), inwardIssueId: num(r, 'inward_issue_id'), outwardIssueId: num(r, 'outward_issue_id') };
}

/** Issues, their links and their entity properties. */
export class IssueRepository {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database) {
    this.sql = statementCache(db);
  }

  insert(projectId: number, key: string, fields: StoredIssueFields): IssueRecord {
    const max = rowOrUndefined(this.sql('SELECT MAX(id) AS max FROM jira_issues').get());
    const maxId = max === undefined || max['max'] === null ? FIRST_ISSUE_ID - 1 : num(max, 'max');
    const id = maxId + 1;
    this.sql('INSERT INTO jira_issues VALUES (?, ?, ?, ?)').run(id, key, projectId, JSON.stringify(fields));
    return { id, key, projectId, fields };
  }

  update(issue: IssueRecord): void {
    this.sql('UPDATE jira_issues SET fields = ? WHERE id = ?').run(JSON.stringify(issue.fields), issue.id);
  }

  delete(issueId: number): void {
    this.sql('DELETE FROM jira_issues WHERE id = ?').run(issueId);
    this.sql('DELETE FROM jira_issue_links WHERE inward_issue_id = ? OR outward_issue_id = ?').run(issueId, issueId);
    this.sql('DELETE FROM jira_issue_properties WHERE issue_id = ?').run(issueId);
    this.sql('DELETE FROM jira_attachments WHERE issue_id = ?').run(issueId);
  }

  /** Jira numbers attachments from 10000 across the site, like issues. */
  addAttachment(issueId: number, file: { filename: string; mimeType: string; content: Buffer }, authorAccountId: string, created: string): AttachmentRecord {
    const max = rowOrUndefined(this.sql('SELECT MAX(id) AS max FROM jira_attachments').get());
    const id = max === undefined || max['max'] === null ? FIRST_ISSUE_ID : num(max, 'max') + 1;
    this.sql('INSERT INTO jira_attachments VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(id, issueId, file.filename, file.mimeType, file.content.length, authorAccountId, created, file.content);
    return { id, issueId, filename: file.filename, mimeType: file.mimeType, size: file.content.length, authorAccountId, created };
  }

  attachmentsOf(issueId: number): AttachmentRecord[] {
    return rows(this.sql('SELECT id, issue_id, filename, mime_type, size, author_account_id, created FROM jira_attachments WHERE issue_id = ? ORDER BY id').all(issueId)).map(toAttachment);
  }

  /** The attachment's metadata and bytes. */
  attachmentContent(id: number): { attachment: AttachmentRecord; content: Buffer } | undefined {
    const r = rowOrUndefined(this.sql('SELECT * FROM jira_attachments WHERE id = ?').get(id));
    return r === undefined ? undefined : { attachment: toAttachment(r), content: r['content'] as Buffer };
  }

  /** Jira resolves `issueIdOrKey` as an id when numeric, else as a key (case-insensitively). */
  byIdOrKey(idOrKey: string): IssueRecord | undefined {
    const r = /^\d+$/.test(idOrKey)
      ? rowOrUndefined(this.sql('SELECT * FROM jira_issues WHERE id = ?').get(Number(idOrKey)))
      : rowOrUndefined(this.sql('SELECT * FROM jira_issues WHERE key = ?').get(idOrKey.toUpperCase()));
    return r === undefined ? undefined : toIssue(r);
  }

  byId(id: number): IssueRecord | undefined {
    return this.byIdOrKey(String(id));
  }

  all(): IssueRecord[] {
    return rows(this.sql('SELECT * FROM jira_issues ORDER BY id').all()).map(toIssue);
  }

  inProjects(projectIds: readonly number[]): IssueRecord[] {
    if (projectIds.length === 0) return [];
    const marks = projectIds.map(() => '?').join(',');
    return rows(this.sql(`SELECT * FROM jira_issues WHERE project_id IN (${marks}) ORDER BY id`).all(...projectIds)).map(toIssue);
  }

  subtasksOf(issueId: number): IssueRecord[] {
    return rows(this.sql(`SELECT * FROM jira_issues WHERE json_extract(fields, '$.parentId') = ? ORDER BY id`).all(issueId)).map(toIssue);
  }

  addLink(typeId: number, inwardIssueId: number, outwardIssueId: number): IssueLinkRecord {
    const existing = rowOrUndefined(
      this.sql('SELECT * FROM jira_issue_links WHERE type_id = ? AND inward_issue_id = ? AND outward_issue_id = ?').get(typeId, inwardIssueId, outwardIssueId),
    );
    // Jira answers 201 for a link that already exists and keeps a single link.
    if (existing !== undefined) return toLink(existing);
    const max = rowOrUndefined(this.sql('SELECT MAX(id) AS max FROM jira_issue_links').get());
    const id = max === undefined || max['max'] === null ? FIRST_ISSUE_ID : num(max, 'max') + 1;
    this.sql('INSERT INTO jira_issue_links VALUES (?, ?, ?, ?)').run(id, typeId, inwardIssueId, outwardIssueId);
    return { id, typeId, inwardIssueId, outwardIssueId };
  }

  linksOf(issueId: number): IssueLinkRecord[] {
    return rows(this.sql('SELECT * FROM jira_issue_links WHERE inward_issue_id = ? OR outward_issue_id = ? ORDER BY id').all(issueId, issueId)).map(toLink);
  }

  propertyKeys(issueId: number): string[] {
    return rows(this.sql('SELECT key FROM jira_issue_properties WHERE issue_id = ? ORDER BY key').all(issueId)).map((r) => str(r, 'key'));
  }

  property(issueId: number, key: string): { found: true; value: unknown } | { found: false } {
    const r = rowOrUndefined(this.sql('SELECT value FROM jira_issue_properties WHERE issue_id = ? AND key = ?').get(issueId, key));
    return r === undefined ? { found: false } : { found: true, value: JSON.parse(str(r, 'value')) as unknown };
  }

  properties(issueId: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const r of rows(this.sql('SELECT key, value FROM jira_issue_properties WHERE issue_id = ?').all(issueId))) {
      out[str(r, 'key')] = JSON.parse(str(r, 'value')) as unknown;
    }
    return out;
  }

  /** Returns whether the property was created (true) or replaced (false). */
  setProperty(issueId: number, key: string, jsonText: string): boolean {
    const created = !this.property(issueId, key).found;
    this.sql('INSERT INTO jira_issue_properties VALUES (?, ?, ?) ON CONFLICT (issue_id, key) DO UPDATE SET value = excluded.value').run(issueId, key, jsonText);
    return created;
  }

  deleteProperty(issueId: number, key: string): boolean {
    return this.sql('DELETE FROM jira_issue_properties WHERE issue_id = ? AND key = ?').run(issueId, key).changes > 0;
  }
}
