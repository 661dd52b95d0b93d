import type { RouteTable } from '../context';
import { attachmentRoutes } from './attachments';
import { issueLinkRoutes } from './issue-links';
import { issuePropertyRoutes } from './issue-properties';
import { issueRoutes } from './issues';
import { metadataRoutes } from './metadata';
import { projectRoutes } from './projects';
import { searchRoutes } from './search';
import { systemRoutes } from './system';
import { userRoutes } from './users';

/** Every emulated operation, by the spec's operationId. */
export const ROUTES: RouteTable = {
  ...systemRoutes,
  ...issueRoutes,
  ...issuePropertyRoutes,
  ...issueLinkRoutes,
  ...searchRoutes,
  ...userRoutes,
  ...projectRoutes,
  ...metadataRoutes,
  ...attachmentRoutes,
};

/** Operations anonymous callers may use (Jira serves server info without authentication). */
export const ANONYMOUS_OPERATIONS: ReadonlySet<string> = new Set(['getServerInfo']);
