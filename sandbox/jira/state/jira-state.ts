import type { Database } from 'better-sqlite3';
import { installCatalog } from './catalog';
import { CatalogRepository } from './catalog-repository';
import { Directory } from './directory';
import { IssueRepository } from './issues';
import { NotificationOutbox } from './outbox';
import { ProjectRepository } from './projects';
import { createSchema } from './schema';

/** Everything the emulated site knows, over one SQLite database. */
export class JiraState {
  readonly catalog: CatalogRepository;
  readonly directory: Directory;
  readonly projects: ProjectRepository;
  readonly issues: IssueRepository;
  readonly outbox: NotificationOutbox;

  constructor(readonly db: Database) {
    createSchema(db);
    installCatalog(db);
    this.catalog = new CatalogRepository(db);
    this.directory = new Directory(db);
    this.projects = new ProjectRepository(db);
    this.issues = new IssueRepository(db);
    this.outbox = new NotificationOutbox(db);
  }

  /** Runs `work` atomically: a failed request leaves no partial writes behind. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }
}
