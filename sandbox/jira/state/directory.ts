import type { Database } from 'better-sqlite3';
import { bool, rowOrUndefined, rows, str, type Row, statementCache } from './row';
import type { GroupRecord, UserRecord } from './types';

function toUser(r: Row): UserRecord {
  return {
    accountId: str(r, 'account_id'), displayName: str(r, 'display_name'), emailAddress: str(r, 'email'),
    active: bool(r, 'active'), timeZone: str(r, 'time_zone'), locale: str(r, 'locale'),
    accountType: str(r, 'account_type') === 'app' ? 'app' : 'atlassian',
  };
}

function toGroup(r: Row): GroupRecord {
  return { groupId: str(r, 'group_id'), name: str(r, 'name') };
}

/** Users, groups and group membership (the Atlassian account directory of the site). */
export class Directory {
  private readonly sql: ReturnType<typeof statementCache>;

  constructor(db: Database) {
    this.sql = statementCache(db);
  }

  addUser(user: UserRecord): void {
    this.sql('INSERT INTO jira_users VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      user.accountId, user.displayName, user.emailAddress, user.active ? 1 : 0, user.timeZone, user.locale, user.accountType,
    );
  }

  user(accountId: string): UserRecord | undefined {
    const r = rowOrUndefined(this.sql('SELECT * FROM jira_users WHERE account_id = ?').get(accountId));
    return r === undefined ? undefined : toUser(r);
  }

  users(): UserRecord[] {
    return rows(this.sql('SELECT * FROM jira_users ORDER BY display_name').all()).map(toUser);
  }

  addGroup(group: GroupRecord): void {
    this.sql('INSERT OR IGNORE INTO jira_groups VALUES (?, ?)').run(group.groupId, group.name);
  }

  groups(): GroupRecord[] {
    return rows(this.sql('SELECT * FROM jira_groups ORDER BY name').all()).map(toGroup);
  }

  groupByName(name: string): GroupRecord | undefined {
    const r = rowOrUndefined(this.sql('SELECT * FROM jira_groups WHERE name = ?').get(name));
    return r === undefined ? undefined : toGroup(r);
  }

  groupById(groupId: string): GroupRecord | undefined {
    const r = rowOrUndefined(this.sql('SELECT * FROM jira_groups WHERE group_id = ?').get(groupId));
    return r === undefined ? undefined : toGroup(r);
  }

  addMember(groupId: string, accountId: string): void {
    this.sql('INSERT OR IGNORE INTO jira_group_members VALUES (?, ?)').run(groupId, accountId);
  }

  groupsOf(accountId: string): GroupRecord[] {
    return rows(
      this.sql(
        'SELECT g.* FROM jira_groups g JOIN jira_group_members m ON m.group_id = g.group_id WHERE m.account_id = ? ORDER BY g.name',
      ).all(accountId),
    ).map(toGroup);
  }

  membersOf(groupId: string): string[] {
    return rows(this.sql('SELECT account_id FROM jira_group_members WHERE group_id = ? ORDER BY account_id').all(groupId)).map((r) =>
      str(r, 'account_id'),
    );
  }

  /** Groups holding a global permission (only ADMINISTER is modelled). */
  globalPermissionGroups(permission: string): string[] {
    return rows(this.sql('SELECT group_id FROM jira_global_permissions WHERE permission = ?').all(permission)).map((r) =>
      str(r, 'group_id'),
    );
  }
}
