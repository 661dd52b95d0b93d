import type { Database } from 'better-sqlite3';
import { bool, num, rows, str, type Row } from './row';
import type {
  IssueTypeRecord,
  LinkTypeRecord,
  PriorityRecord,
  ResolutionRecord,
  RoleRecord,
  StatusCategoryKey,
  StatusRecord,
  TransitionRecord,
} from './types';

/**
 * Read access to the site configuration. It cannot change through the emulated API, so it is
 * read once per emulator instead of per request.
 */
export class CatalogRepository {
  readonly issueTypes: readonly IssueTypeRecord[];
  readonly statuses: readonly StatusRecord[];
  readonly transitions: readonly TransitionRecord[];
  readonly priorities: readonly PriorityRecord[];
  readonly resolutions: readonly ResolutionRecord[];
  readonly linkTypes: readonly LinkTypeRecord[];
  readonly roles: readonly RoleRecord[];

  constructor(db: Database) {
    const all = (sql: string): Row[] => rows(db.prepare(sql).all());
    this.issueTypes = all('SELECT * FROM jira_issue_types ORDER BY id').map((r) => ({
      id: num(r, 'id'), name: str(r, 'name'), description: str(r, 'description'), subtask: bool(r, 'subtask'),
      hierarchyLevel: num(r, 'hierarchy_level'), avatarId: num(r, 'avatar_id'),
    }));
    this.statuses = all('SELECT * FROM jira_statuses ORDER BY id').map((r) => ({
      id: num(r, 'id'), name: str(r, 'name'), description: str(r, 'description'), categoryKey: str(r, 'category_key') as StatusCategoryKey,
    }));
    this.transitions = all('SELECT * FROM jira_transitions ORDER BY id').map((r) => ({
      id: num(r, 'id'), name: str(r, 'name'), toStatusId: num(r, 'to_status_id'),
    }));
    this.priorities = all('SELECT * FROM jira_priorities ORDER BY id').map((r) => ({
      id: num(r, 'id'), name: str(r, 'name'), description: str(r, 'description'), statusColor: str(r, 'status_color'), isDefault: bool(r, 'is_default'),
    }));
    this.resolutions = all('SELECT * FROM jira_resolutions ORDER BY id').map((r) => ({
      id: num(r, 'id'), name: str(r, 'name'), description: str(r, 'description'),
    }));
    this.linkTypes = all('SELECT * FROM jira_link_types ORDER BY id').map((r) => ({
      id: num(r, 'id'), name: str(r, 'name'), inward: str(r, 'inward'), outward: str(r, 'outward'),
    }));
    this.roles = all('SELECT * FROM jira_roles ORDER BY id').map((r) => ({
      id: num(r, 'id'), name: str(r, 'name'), description: str(r, 'description'),
    }));
  }

  issueType(id: number): IssueTypeRecord | undefined {
    return this.issueTypes.find((t) => t.id === id);
  }

  status(id: number): StatusRecord | undefined {
    return this.statuses.find((s) => s.id === id);
  }

  priority(id: number): PriorityRecord | undefined {
    return this.priorities.find((p) => p.id === id);
  }

  resolution(id: number): ResolutionRecord | undefined {
    return this.resolutions.find((r) => r.id === id);
  }

  linkType(id: number): LinkTypeRecord | undefined {
    return this.linkTypes.find((l) => l.id === id);
  }

  role(id: number): RoleRecord | undefined {
    return this.roles.find((r) => r.id === id);
  }
}
