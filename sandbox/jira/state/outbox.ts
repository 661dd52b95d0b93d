import type { Database } from 'better-sqlite3';
import { num, rows, str, strOrNull, statementCache } from './row';
import type { NotificationRecord } from './types';

/** What POST /issue/{key}/notify "mailed": kept so tests and the sandbox UI can show it. */
export class NotificationOutbox {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database) {
    this.sql = statementCache(db);
  }

  record(notification: Omit<NotificationRecord, 'id'>): NotificationRecord {
    const info = this.sql(
      'INSERT INTO jira_notifications (issue_id, issue_key, sent_at, sender_account_id, subject, text_body, html_body, recipients, request) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      notification.issueId, notification.issueKey, notification.sentAt, notification.senderAccountId, notification.subject,
      notification.textBody, notification.htmlBody, JSON.stringify(notification.recipients), JSON.stringify(notification.request),
    );
    return { ...notification, id: Number(info.lastInsertRowid) };
  }

  /** All notifications, oldest first. */
  list(): NotificationRecord[] {
    return rows(this.sql('SELECT * FROM jira_notifications ORDER BY id').all()).map((r) => ({
      id: num(r, 'id'), issueId: num(r, 'issue_id'), issueKey: str(r, 'issue_key'), sentAt: str(r, 'sent_at'),
      senderAccountId: strOrNull(r, 'sender_account_id'), subject: str(r, 'subject'), textBody: str(r, 'text_body'),
      htmlBody: str(r, 'html_body'), recipients: JSON.parse(str(r, 'recipients')) as string[], request: JSON.parse(str(r, 'request')) as unknown,
    }));
  }

  clear(): void {
    this.sql('DELETE FROM jira_notifications').run();
  }
}
