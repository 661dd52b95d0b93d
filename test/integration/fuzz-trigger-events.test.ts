import fc from 'fast-check';
import { createAppHarness, type AppHarness } from '../support/app-harness';

/**
 * The issue-event trigger receives whatever Jira (or a misbehaving event source) delivers:
 * malformed or hostile events never crash the handler, never surface an error to Forge's retry
 * machinery as a crash loop, and never change app storage.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 1500);
let app: AppHarness;

beforeAll(() => {
  app = createAppHarness();
});

afterAll(() => {
  app.sandbox.close();
});

const issue = fc.oneof(
  fc.anything(),
  fc.record(
    {
      id: fc.oneof(fc.constant('10001'), fc.string(), fc.integer(), fc.anything()),
      key: fc.oneof(fc.constant('SEC-1'), fc.string(), fc.anything()),
      fields: fc.oneof(fc.anything(), fc.record({ status: fc.anything(), updated: fc.oneof(fc.string(), fc.anything()), resolutiondate: fc.anything(), duedate: fc.anything(), assignee: fc.anything() }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  ),
);
const event = fc.oneof(
  fc.anything(),
  fc.record(
    {
      eventType: fc.oneof(fc.constantFrom('avi:jira:created:issue', 'avi:jira:updated:issue', 'avi:jira:deleted:issue'), fc.string()),
      issue,
      atlassianId: fc.oneof(fc.string(), fc.anything()),
      changelog: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);

test('hostile trigger events are absorbed without crashing or changing storage', async () => {
  let delivered = 0;
  await fc.assert(
    fc.asyncProperty(event, async (payload) => {
      const before = app.storageSnapshot();
      await expect(app.sandbox.app.deliverEvent(typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : { value: payload })).resolves.toBeUndefined();
      delivered++;
      expect(app.storageSnapshot()).toBe(before);
    }),
    { numRuns: RUNS, seed: 7 },
  );
  console.info(`trigger fuzz: ${String(delivered)} events, 0 crashes, storage unchanged`);
});
