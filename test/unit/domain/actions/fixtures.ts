import type { Action } from '../../../../src/domain/actions';
import { DANA, FOX, INCIDENT } from '../review/fixtures';

export const AT = '2025-03-12T09:00:00Z';

/** A corrective action already created in Jira (ISMS-7), owned by Fox; override what a test is about. */
export const action = (overrides: Partial<Action> = {}): Action => ({
  id: 'a1',
  incident: INCIDENT,
  rootCauseId: 'r1',
  rootCauseCategory: 'policy-process',
  kind: 'corrective',
  summary: 'Introduce call-back verification',
  description: '',
  ownerAccountId: FOX,
  targetDate: '2025-04-11',
  status: 'todo',
  origin: 'created',
  jira: { issueId: '20001', issueKey: 'ISMS-7' },
  version: 2,
  createdAt: AT,
  createdBy: DANA,
  updatedAt: AT,
  updatedBy: DANA,
  ...overrides,
});
