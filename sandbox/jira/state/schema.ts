import type { Database } from 'better-sqlite3';

/**
 * DDL of the emulator's tables. All are prefixed `jira_` because the sandbox shares one database
 * file between the emulated products. Structured values the emulator never queries by are JSON text.
 */
const DDL = `
CREATE TABLE IF NOT EXISTS jira_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_users (
  account_id TEXT PRIMARY KEY, display_name TEXT NOT NULL, email TEXT NOT NULL, active INTEGER NOT NULL,
  time_zone TEXT NOT NULL, locale TEXT NOT NULL, account_type TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_groups (group_id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS jira_group_members (
  group_id TEXT NOT NULL REFERENCES jira_groups(group_id), account_id TEXT NOT NULL REFERENCES jira_users(account_id),
  PRIMARY KEY (group_id, account_id));
CREATE TABLE IF NOT EXISTS jira_issue_types (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL, subtask INTEGER NOT NULL,
  hierarchy_level INTEGER NOT NULL, avatar_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS jira_statuses (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL, category_key TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_transitions (id INTEGER PRIMARY KEY, name TEXT NOT NULL, to_status_id INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS jira_priorities (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL, status_color TEXT NOT NULL,
  is_default INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS jira_resolutions (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_link_types (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, inward TEXT NOT NULL, outward TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_roles (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, description TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS jira_permission_scheme (
  permission TEXT NOT NULL, role_id INTEGER NOT NULL REFERENCES jira_roles(id), PRIMARY KEY (permission, role_id));
CREATE TABLE IF NOT EXISTS jira_global_permissions (
  permission TEXT NOT NULL, group_id TEXT NOT NULL REFERENCES jira_groups(group_id), PRIMARY KEY (permission, group_id));
CREATE TABLE IF NOT EXISTS jira_projects (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, name TEXT NOT NULL, description TEXT NOT NULL,
  project_type_key TEXT NOT NULL, lead_account_id TEXT NOT NULL, issue_type_ids TEXT NOT NULL,
  next_issue_number INTEGER NOT NULL DEFAULT 1);
CREATE TABLE IF NOT EXISTS jira_components (
  id INTEGER PRIMARY KEY, project_id INTEGER NOT NULL REFERENCES jira_projects(id), name TEXT NOT NULL,
  description TEXT NOT NULL, UNIQUE (project_id, name));
CREATE TABLE IF NOT EXISTS jira_role_actors (
  project_id INTEGER NOT NULL REFERENCES jira_projects(id), role_id INTEGER NOT NULL REFERENCES jira_roles(id),
  actor_kind TEXT NOT NULL, actor_id TEXT NOT NULL, PRIMARY KEY (project_id, role_id, actor_kind, actor_id));
CREATE TABLE IF NOT EXISTS jira_issues (
  id INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, project_id INTEGER NOT NULL REFERENCES jira_projects(id),
  fields TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS jira_issues_project ON jira_issues(project_id);
-- Sub-task and link lookups run for every issue a search renders: without these, a search is quadratic.
CREATE INDEX IF NOT EXISTS jira_issues_parent ON jira_issues(json_extract(fields, '$.parentId'));
CREATE TABLE IF NOT EXISTS jira_issue_links (
  id INTEGER PRIMARY KEY, type_id INTEGER NOT NULL REFERENCES jira_link_types(id),
  inward_issue_id INTEGER NOT NULL, outward_issue_id INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS jira_issue_links_inward ON jira_issue_links(inward_issue_id);
CREATE INDEX IF NOT EXISTS jira_issue_links_outward ON jira_issue_links(outward_issue_id);
CREATE TABLE IF NOT EXISTS jira_issue_properties (
  issue_id INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (issue_id, key));
CREATE TABLE IF NOT EXISTS jira_attachments (
  id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, filename TEXT NOT NULL, mime_type TEXT NOT NULL, size INTEGER NOT NULL,
  author_account_id TEXT NOT NULL, created TEXT NOT NULL, content BLOB NOT NULL);
CREATE INDEX IF NOT EXISTS jira_attachments_issue ON jira_attachments(issue_id);
CREATE TABLE IF NOT EXISTS jira_notifications (
  id INTEGER PRIMARY KEY, issue_id INTEGER NOT NULL, issue_key TEXT NOT NULL, sent_at TEXT NOT NULL,
  sender_account_id TEXT, subject TEXT NOT NULL, text_body TEXT NOT NULL, html_body TEXT NOT NULL,
  recipients TEXT NOT NULL, request TEXT NOT NULL);
`;

export function createSchema(db: Database): void {
  db.exec(DDL);
}
