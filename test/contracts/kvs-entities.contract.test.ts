/**
 * Contract tests for the Custom Entity Store through the real `@forge/kvs`: entity CRUD, value
 * typing against the manifest, and index queries (partition, range conditions, filters, sort,
 * cursor paging, page limits).
 */
import { Filter, FilterConditions, kvs, MetadataField, Sort, WhereConditions } from '@forge/kvs';
import { expectKvsError } from './helpers/kvs-assertions';
import { CLOCK_START, installKvsGlobal, type InstalledKvs } from './helpers/kvs-global';

interface Incident {
  projectKey?: string;
  stage?: string;
  severity?: number;
  score?: number;
  open?: boolean;
  title?: string;
  tags?: unknown;
}

let sandbox: InstalledKvs;
const incidents = () => kvs.entity<Incident>('incident');

beforeEach(() => {
  sandbox = installKvsGlobal();
});

afterEach(() => {
  sandbox.uninstall();
});

async function seed(items: Record<string, Incident>): Promise<void> {
  for (const [key, value] of Object.entries(items)) await incidents().set(key, value);
}

const fixtures: Record<string, Incident> = {
  'INC-1': { projectKey: 'SEC', stage: 'analysis', severity: 3, score: 0.5, open: true, title: 'Phishing wave', tags: ['email'] },
  'INC-2': { projectKey: 'SEC', stage: 'actions', severity: 1, score: 2.25, open: false, title: 'Lost laptop', tags: ['device', 'gdpr'] },
  'INC-3': { projectKey: 'SEC', stage: 'analysis', severity: 5, score: 9.75, open: true, title: 'Ransomware', tags: { vector: 'rdp' } },
  'INC-4': { projectKey: 'OPS', stage: 'closed', severity: 2, score: 0, open: false, title: 'Phishing test' },
  'INC-5': { projectKey: 'SEC', stage: 'closed', severity: 4, open: true, title: 'Credential stuffing' },
  'INC-6': { projectKey: 'SEC', severity: 2, open: true },
};

describe('entity get / set / delete', () => {
  it('sends entity calls to /api/v1/entity/* with entityName and round-trips values', async () => {
    const value = fixtures['INC-1'] ?? {};
    await incidents().set('INC-1', value);
    await expect(incidents().get('INC-1')).resolves.toEqual(value);
    await incidents().delete('INC-1');
    await expect(incidents().get('INC-1')).resolves.toBeUndefined();
    await expect(incidents().delete('INC-1')).resolves.toBeUndefined();
    expect(sandbox.calls.map(({ path, body }) => ({ path, body }))).toEqual([
      { path: '/api/v1/entity/set', body: { entityName: 'incident', key: 'INC-1', value } },
      { path: '/api/v1/entity/get', body: { entityName: 'incident', key: 'INC-1' } },
      { path: '/api/v1/entity/delete', body: { entityName: 'incident', key: 'INC-1' } },
      { path: '/api/v1/entity/get', body: { entityName: 'incident', key: 'INC-1' } },
      { path: '/api/v1/entity/delete', body: { entityName: 'incident', key: 'INC-1' } },
    ]);
  });

  it('keeps entities apart from plain values with the same key', async () => {
    await kvs.set('INC-1', 'plain');
    await incidents().set('INC-1', { title: 'entity' });
    await expect(kvs.get('INC-1')).resolves.toBe('plain');
    await expect(incidents().get('INC-1')).resolves.toEqual({ title: 'entity' });
    await expect(kvs.query().getMany()).resolves.toEqual({ results: [{ key: 'INC-1', value: 'plain' }] });
  });

  it('supports metadata, TTL and key policies like plain values', async () => {
    await incidents().set('INC-1', { title: 'a' }, { ttl: { value: 30, unit: 'SECONDS' }, keyPolicy: 'FAIL_IF_EXISTS' });
    await expectKvsError(incidents().set('INC-1', { title: 'b' }, { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_ALREADY_EXISTS', 409);
    await expect(incidents().get('INC-1', { metadataFields: [MetadataField.CREATED_AT, MetadataField.EXPIRE_TIME] })).resolves.toEqual({
      key: 'INC-1',
      value: { title: 'a' },
      createdAt: CLOCK_START,
      expireTime: new Date(CLOCK_START + 30_000).toISOString(),
    });
    sandbox.clock.advance(30_000);
    await expect(incidents().get('INC-1')).resolves.toBeUndefined();
  });

  it('rejects entities that are not declared in the manifest', async () => {
    await expectKvsError(kvs.entity('nonexistent').set('k', { a: 1 }), 'INVALID_ENTITY_TYPE', 400);
    await expectKvsError(kvs.entity('nonexistent').get('k'), 'INVALID_ENTITY_TYPE', 400);
  });

  it('validates keys with the entity store error codes', async () => {
    await expectKvsError(incidents().set('', { title: 'x' }), 'EMPTY_KEY', 400);
    await expectKvsError(incidents().set('a/b', { title: 'x' }), 'INVALID_KEY', 400);
    await expectKvsError(incidents().set('k'.repeat(501), { title: 'x' }), 'KEY_TOO_LONG', 400);
  });

  it.each<[string, unknown]>([
    ['a string attribute holding a number', { title: 42 }],
    ['an integer attribute holding a fraction', { severity: 1.5 }],
    ['an integer attribute beyond 32 bits', { severity: 2_147_483_648 }],
    ['a float attribute holding a string', { score: '1.0' }],
    ['a float attribute below the smallest magnitude', { score: 1e-131 }],
    ['a boolean attribute holding a string', { open: 'yes' }],
    ['a typed attribute holding null', { title: null }],
    ['an attribute the manifest does not declare', { title: 'x', reporter: 'bob' }],
    ['an array instead of an object', ['title']],
    ['a primitive instead of an object', 'title'],
  ])('rejects %s with INVALID_ENTITY_VALUE', async (_case, value) => {
    await expectKvsError(incidents().set('INC-9', value as Incident), 'INVALID_ENTITY_VALUE', 400);
    await expect(incidents().get('INC-9')).resolves.toBeUndefined();
  });

  it('accepts every declared type, including any and integer bounds', async () => {
    const value: Incident = { title: 't', severity: -2_147_483_648, score: -9.5e125, open: false, tags: { deep: [1, { x: 'y' }] } };
    await incidents().set('INC-9', value);
    await expect(incidents().get('INC-9')).resolves.toEqual(value);
  });
});

describe('entity queries', () => {
  beforeEach(async () => {
    await seed(fixtures);
  });

  const keys = (results: { key: string }[]): string[] => results.map((r) => r.key);

  it('sends the index query payload and returns partition matches ordered by the range attribute', async () => {
    sandbox.calls.length = 0;
    const { results, nextCursor } = await incidents().query().index('by-project-severity', { partition: ['SEC'] }).getMany();
    expect(keys(results)).toEqual(['INC-2', 'INC-6', 'INC-1', 'INC-5', 'INC-3']);
    expect(results[0]).toEqual({ key: 'INC-2', value: fixtures['INC-2'] });
    expect(nextCursor).toBeUndefined();
    expect(sandbox.calls.map(({ path, body }) => ({ path, body }))).toEqual([
      { path: '/api/v1/entity/query', body: { entityName: 'incident', indexName: 'by-project-severity', partition: ['SEC'] } },
    ]);
  });

  it('queries a shorthand (string) index without partition', async () => {
    const { results } = await incidents().query().index('severity').where(WhereConditions.greaterThanEqualTo(4)).getMany();
    expect(keys(results)).toEqual(['INC-5', 'INC-3']);
  });

  it.each([
    ['equalTo', WhereConditions.equalTo(2), ['INC-6']],
    ['greaterThan', WhereConditions.greaterThan(3), ['INC-5', 'INC-3']],
    ['greaterThanEqualTo', WhereConditions.greaterThanEqualTo(3), ['INC-1', 'INC-5', 'INC-3']],
    ['lessThan', WhereConditions.lessThan(2), ['INC-2']],
    ['lessThanEqualTo', WhereConditions.lessThanEqualTo(2), ['INC-2', 'INC-6']],
    ['between (inclusive)', WhereConditions.between(2, 4), ['INC-6', 'INC-1', 'INC-5']],
  ])('applies the %s range condition on an integer range', async (_name, condition, expected) => {
    const { results } = await incidents().query().index('by-project-severity', { partition: ['SEC'] }).where(condition).getMany();
    expect(keys(results)).toEqual(expected);
  });

  it.each([
    ['beginsWith', WhereConditions.beginsWith('a'), ['INC-2', 'INC-1', 'INC-3']],
    ['equalTo', WhereConditions.equalTo('analysis'), ['INC-1', 'INC-3']],
    ['between', WhereConditions.between('actions', 'analysis'), ['INC-2', 'INC-1', 'INC-3']],
    ['greaterThan', WhereConditions.greaterThan('analysis'), ['INC-5']],
  ])('applies %s on a string range, comparing strings by bytes', async (_name, condition, expected) => {
    const { results } = await incidents().query().index('by-project-stage', { partition: ['SEC'] }).where(condition).getMany();
    expect(keys(results)).toEqual(expected);
  });

  it('leaves items without the range attribute out of the index (sparse index)', async () => {
    const { results } = await incidents().query().index('by-project-stage', { partition: ['SEC'] }).getMany();
    expect(keys(results)).not.toContain('INC-6');
    const byScore = await incidents().query().index('by-open-score', { partition: [true] }).getMany();
    expect(keys(byScore.results)).toEqual(['INC-1', 'INC-3']);
  });

  it('sorts descending by range then key', async () => {
    const { results } = await incidents().query().index('by-project-stage', { partition: ['SEC'] }).sort(Sort.DESC).getMany();
    expect(keys(results)).toEqual(['INC-5', 'INC-3', 'INC-1', 'INC-2']);
  });

  it('combines and-filters of several kinds', async () => {
    const filter = new Filter<Incident>()
      .and('title', FilterConditions.beginsWith('Phish'))
      .and('tags', FilterConditions.exists())
      .and('score', FilterConditions.between(0, 1))
      .and('open', FilterConditions.equalTo(true))
      .and('stage', FilterConditions.notEqualTo('closed'));
    const { results } = await incidents().query().index('by-project-severity', { partition: ['SEC'] }).filters(filter).getMany();
    expect(keys(results)).toEqual(['INC-1']);
  });

  it.each([
    ['contains (string)', FilterConditions.contains('Phish'), 'title', ['INC-1']],
    ['contains (list element)', FilterConditions.contains('gdpr'), 'tags', ['INC-2']],
    ['notContains', FilterConditions.notContains('Phish'), 'title', ['INC-2', 'INC-6', 'INC-5', 'INC-3']],
    ['notExists', FilterConditions.notExists(), 'stage', ['INC-6']],
    ['greaterThan', FilterConditions.greaterThan(2), 'score', ['INC-2', 'INC-3']],
    ['lessThanEqualTo', FilterConditions.lessThanEqualTo(2.25), 'score', ['INC-2', 'INC-1']],
    ['notEqualTo', FilterConditions.notEqualTo(true), 'open', ['INC-2']],
  ] as const)('filters with %s', async (_name, condition, attribute, expected) => {
    const { results } = await incidents()
      .query()
      .index('by-project-severity', { partition: ['SEC'] })
      .filters(new Filter<Incident>().and(attribute, condition))
      .getMany();
    expect(keys(results)).toEqual(expected);
  });

  it('supports or-filters', async () => {
    const filter = new Filter<Incident>().or('severity', FilterConditions.equalTo(5)).or('stage', FilterConditions.equalTo('actions'));
    const { results } = await incidents().query().index('by-project-severity', { partition: ['SEC'] }).filters(filter).getMany();
    expect(keys(results)).toEqual(['INC-2', 'INC-3']);
    const body = sandbox.calls.at(-1)?.body;
    expect(body).toMatchObject({
      filters: {
        or: [
          { property: 'severity', condition: 'EQUAL_TO', values: [5] },
          { property: 'stage', condition: 'EQUAL_TO', values: ['actions'] },
        ],
      },
    });
  });

  it('returns getOne as the first match', async () => {
    await expect(incidents().query().index('by-project-severity', { partition: ['SEC'] }).sort(Sort.DESC).getOne()).resolves.toEqual({
      key: 'INC-3',
      value: fixtures['INC-3'],
    });
    await expect(incidents().query().index('by-project-severity', { partition: ['NONE'] }).getOne()).resolves.toBeUndefined();
  });

  it('rejects undeclared indexes and wrong partitions', async () => {
    await expectKvsError(incidents().query().index('by-title').getMany(), 'INVALID_ENTITY_INDEX', 400);
    await expectKvsError(incidents().query().index('by-project-stage').getMany(), 'INVALID_PARTITION', 400);
    await expectKvsError(incidents().query().index('severity', { partition: ['SEC'] }).getMany(), 'INVALID_PARTITION', 400);
  });

  it('validates page limits, filter shapes and condition values with Forge codes', async () => {
    const query = () => incidents().query().index('severity');
    await expectKvsError(query().limit(0).getMany(), 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 400);
    await expectKvsError(query().limit(101).getMany(), 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', 400);
    const { results } = await query().limit(100).getMany();
    expect(results).toHaveLength(6);

    const both = await sandbox.emulator.handle('/api/v1/entity/query', {
      entityName: 'incident',
      indexName: 'severity',
      filters: { and: [{ property: 'open', condition: 'EXISTS', values: [true] }], or: [] },
    });
    expect(JSON.parse(both.body)).toMatchObject({ code: 'INVALID_FILTER_OPERATORS_COMBINATION' });
    const empty = await sandbox.emulator.handle('/api/v1/entity/query', { entityName: 'incident', indexName: 'severity', filters: { and: [] } });
    expect(JSON.parse(empty.body)).toMatchObject({ code: 'EMPTY_FILTER_OPERATOR' });
    const short = await sandbox.emulator.handle('/api/v1/entity/query', {
      entityName: 'incident',
      indexName: 'severity',
      range: { condition: 'BETWEEN', values: [1] },
    });
    expect(JSON.parse(short.body)).toMatchObject({ code: 'INSUFFICIENT_FILTER_VALUES' });
  });
});

describe('entity query paging', () => {
  const events = () => kvs.entity<{ recordKey: string; at: number }>('audit-event');

  beforeEach(async () => {
    for (let i = 0; i < 45; i += 1) await events().set(`evt-${String(i).padStart(2, '0')}`, { recordKey: 'R1', at: 1000 + (i % 15) });
    for (let i = 0; i < 5; i += 1) await events().set(`other-${i}`, { recordKey: 'R2', at: i });
  });

  async function collect(sort: Sort, limit: number, filterEarly: boolean): Promise<{ keys: string[]; pages: number }> {
    const keys: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let query = events().query().index('by-record', { partition: ['R1'] }).sort(sort).limit(limit);
      if (filterEarly) query = query.filters(new Filter<{ recordKey: string; at: number }>().and('at', FilterConditions.between(1000, 1007)));
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany();
      keys.push(...page.results.map((r) => r.key));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined);
    return { keys, pages };
  }

  it('pages through more than 20 items in both sort orders, with duplicate range values, each item once', async () => {
    const ascending = await collect(Sort.ASC, 20, false);
    expect(ascending.pages).toBe(3);
    expect(ascending.keys).toHaveLength(45);
    expect(new Set(ascending.keys).size).toBe(45);
    const descending = await collect(Sort.DESC, 20, false);
    expect(descending.keys).toEqual([...ascending.keys].reverse());
  });

  it('fills pages with filtered matches and stops with no cursor after the last match', async () => {
    const filtered = await collect(Sort.ASC, 7, true);
    expect(filtered.keys).toHaveLength(24);
    expect(filtered.pages).toBe(4);
  });

  it('refuses a cursor replayed on another query', async () => {
    const { nextCursor } = await events().query().index('by-record', { partition: ['R1'] }).limit(5).getMany();
    expect(nextCursor).toBeDefined();
    await expectKvsError(
      events().query().index('by-record', { partition: ['R2'] }).cursor(nextCursor ?? '').getMany(),
      'INVALID_CURSOR',
      400,
    );
  });

  it('reflects writes between pages (cursor is a position, not a snapshot)', async () => {
    const first = await events().query().index('by-record', { partition: ['R1'] }).limit(20).getMany();
    await events().delete(first.results[0]?.key ?? '');
    await events().set('evt-late', { recordKey: 'R1', at: 9999 });
    const second = await events().query().index('by-record', { partition: ['R1'] }).limit(20).cursor(first.nextCursor ?? '').getMany();
    const third = await events().query().index('by-record', { partition: ['R1'] }).limit(20).cursor(second.nextCursor ?? '').getMany();
    expect(third.results.at(-1)?.key).toBe('evt-late');
    expect(first.results.length + second.results.length + third.results.length).toBe(46);
  });
});
