/**
 * Contract tests: the real `@forge/kvs` package against the SQLite KVS emulator, through
 * `global.__forge_fetch__`. This file pins the wire protocol and covers plain values, secrets,
 * `kvs.query()` and the key/value limits. Entities, batches, transactions and persistence have
 * their own files.
 */
import { kvs, MetadataField, WhereConditions } from '@forge/kvs';
import { expectKvsError } from './helpers/kvs-assertions';
import { CLOCK_START, installKvsGlobal, type InstalledKvs } from './helpers/kvs-global';

let sandbox: InstalledKvs;

beforeEach(() => {
  sandbox = installKvsGlobal();
});

afterEach(() => {
  sandbox.uninstall();
});

describe('wire protocol of @forge/kvs 1.6.5', () => {
  it('sends every call as a JSON POST to /api/v1/* with the app KVS descriptor', async () => {
    await kvs.set('alpha', { n: 1 });
    await kvs.get('alpha');
    await kvs.get('alpha', { metadataFields: [MetadataField.CREATED_AT] });
    await kvs.delete('alpha');
    await kvs.query().where('key', WhereConditions.beginsWith('al')).limit(5).getMany();
    await kvs.setSecret('token', 's3cret');
    await kvs.getSecret('token');
    await kvs.deleteSecret('token');

    for (const call of sandbox.calls) {
      expect(call.descriptor).toEqual({ type: 'kvs', provider: 'app', remote: 'kvs' });
      expect(call.method).toBe('POST');
      expect(call.headers['content-type']).toBe('application/json');
    }
    expect(sandbox.calls.map(({ path, body, status }) => ({ path, body, status }))).toEqual([
      { path: '/api/v1/set', body: { key: 'alpha', value: { n: 1 } }, status: 204 },
      { path: '/api/v1/get', body: { key: 'alpha' }, status: 200 },
      { path: '/api/v1/get', body: { key: 'alpha', options: { metadataFields: ['CREATED_AT'] } }, status: 200 },
      { path: '/api/v1/delete', body: { key: 'alpha' }, status: 204 },
      {
        path: '/api/v1/query',
        body: { limit: 5, where: [{ property: 'key', condition: 'BEGINS_WITH', values: ['al'] }] },
        status: 200,
      },
      { path: '/api/v1/secret/set', body: { key: 'token', value: 's3cret' }, status: 204 },
      { path: '/api/v1/secret/get', body: { key: 'token' }, status: 200 },
      { path: '/api/v1/secret/delete', body: { key: 'token' }, status: 204 },
    ]);
  });

  it('answers with JSON bodies in the shapes @forge/kvs parses', async () => {
    await kvs.set('alpha', 'one');
    const get = await sandbox.emulator.handle('/api/v1/get', { key: 'alpha' });
    expect(get.status).toBe(200);
    expect(get.headers['content-type']).toBe('application/json');
    expect(JSON.parse(get.body)).toEqual({ key: 'alpha', value: 'one' });

    const query = await sandbox.emulator.handle('/api/v1/query', {});
    expect(JSON.parse(query.body)).toEqual({ data: [{ key: 'alpha', value: 'one' }] });

    const missing = await sandbox.emulator.handle('/api/v1/get', { key: 'nope' });
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toEqual({ code: 'KEY_NOT_FOUND', message: 'Provided key does not exist' });
  });

  it('rejects payload shapes it does not know, so a changed @forge/kvs fails loudly', async () => {
    const unknownField = await sandbox.emulator.handle('/api/v1/get', { key: 'a', consistent: true });
    expect(unknownField.status).toBe(400);
    expect(JSON.parse(unknownField.body)).toMatchObject({ code: 'BAD_REQUEST' });

    const unknownPath = await sandbox.emulator.handle('/api/v2/get', { key: 'a' });
    expect(unknownPath.status).toBe(404);

    await expectKvsError(kvs.get('a', { metadataFields: ['NOT_A_FIELD'] as unknown as MetadataField[] }), 'BAD_REQUEST', 400);
  });
});

describe('key-value get / set / delete', () => {
  it.each([
    ['string', 'hello'],
    ['number', 42.5],
    ['boolean', false],
    ['object', { nested: { list: [1, 'two', { three: true }] } }],
    ['array', ['a', 1, null, { b: [] }]],
  ])('round-trips a %s value', async (_type, value) => {
    await kvs.set('key-1', value);
    await expect(kvs.get('key-1')).resolves.toEqual(value);
  });

  it('returns undefined for a missing key and after delete; deleting a missing key is fine', async () => {
    await expect(kvs.get('missing')).resolves.toBeUndefined();
    await kvs.set('doomed', 1);
    await kvs.delete('doomed');
    await expect(kvs.get('doomed')).resolves.toBeUndefined();
    await expect(kvs.delete('doomed')).resolves.toBeUndefined();
  });

  it('keeps createdAt across overwrites and moves updatedAt', async () => {
    await kvs.set('k', 1);
    sandbox.clock.advance(5_000);
    await kvs.set('k', 2);
    const result = await kvs.get('k', { metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT] });
    expect(result).toEqual({ key: 'k', value: 2, createdAt: CLOCK_START, updatedAt: CLOCK_START + 5_000 });
  });

  it('honours keyPolicy FAIL_IF_EXISTS with a 409 KEY_ALREADY_EXISTS', async () => {
    await kvs.set('once', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
    await expectKvsError(kvs.set('once', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }), 'KEY_ALREADY_EXISTS', 409);
    await expect(kvs.get('once')).resolves.toBe('first');
  });

  it('returns the PREVIOUS or LATEST value with keyPolicy OVERRIDE', async () => {
    await expect(kvs.set('k', 'v1', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).resolves.toBeUndefined();
    await expect(kvs.set('k', 'v2', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).resolves.toEqual({ key: 'k', value: 'v1' });
    sandbox.clock.advance(10);
    await expect(
      kvs.set('k', 'v3', { keyPolicy: 'OVERRIDE', returnValue: 'LATEST', returnMetadataFields: [MetadataField.UPDATED_AT] }),
    ).resolves.toEqual({ key: 'k', value: 'v3', updatedAt: CLOCK_START + 10 });
  });

  it('expires values after their TTL and reports expireTime', async () => {
    await kvs.set('session', 'x', { ttl: { value: 2, unit: 'MINUTES' } });
    const expireTime = new Date(CLOCK_START + 120_000).toISOString();
    await expect(kvs.get('session', { metadataFields: [MetadataField.EXPIRE_TIME] })).resolves.toEqual({
      key: 'session',
      value: 'x',
      expireTime,
    });
    sandbox.clock.advance(119_999);
    await expect(kvs.get('session')).resolves.toBe('x');
    sandbox.clock.advance(1);
    await expect(kvs.get('session')).resolves.toBeUndefined();
    await expect(kvs.query().getMany()).resolves.toEqual({ results: [] });
  });
});

describe('secrets', () => {
  it('are stored apart from plain values and never returned by query', async () => {
    await kvs.setSecret('api-token', { token: 'abc' });
    await kvs.set('api-token', 'plain');
    await expect(kvs.getSecret('api-token')).resolves.toEqual({ token: 'abc' });
    await expect(kvs.get('api-token')).resolves.toBe('plain');
    await expect(kvs.query().getMany()).resolves.toEqual({ results: [{ key: 'api-token', value: 'plain' }] });

    await kvs.delete('api-token');
    await expect(kvs.getSecret('api-token')).resolves.toEqual({ token: 'abc' });
    await kvs.deleteSecret('api-token');
    await expect(kvs.getSecret('api-token')).resolves.toBeUndefined();
  });

  it('have the smaller 128 KiB value limit', async () => {
    await expectKvsError(kvs.setSecret('big', 'x'.repeat(128 * 1024)), 'MAX_SIZE', 400);
    await kvs.set('big', 'x'.repeat(128 * 1024));
  });
});

describe('kvs.query()', () => {
  async function seed(count: number, prefix: string): Promise<string[]> {
    const keys = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(3, '0')}`);
    for (const key of keys) await kvs.set(key, { key });
    return keys;
  }

  it('filters by key prefix and returns keys in order', async () => {
    await seed(3, 'review:');
    await seed(2, 'audit:');
    const { results, nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('review:')).getMany();
    expect(results.map((r) => r.key)).toEqual(['review:000', 'review:001', 'review:002']);
    expect(nextCursor).toBeUndefined();
  });

  it('pages through more than 20 items with an opaque cursor, each item exactly once', async () => {
    const keys = await seed(47, 'item-');
    await seed(5, 'other-');
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      let query = kvs.query().where('key', WhereConditions.beginsWith('item-')).limit(20);
      if (cursor !== undefined) query = query.cursor(cursor);
      const page = await query.getMany<{ key: string }>();
      seen.push(...page.results.map((r) => r.value.key));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== undefined);
    expect(pages).toBe(3);
    expect(seen).toEqual(keys);
  });

  it('uses a default page size of 10 and returns one item for getOne', async () => {
    await seed(12, 'k');
    const first = await kvs.query().getMany();
    expect(first.results).toHaveLength(10);
    expect(first.nextCursor).toEqual(expect.any(String));
    await expect(kvs.query().getOne()).resolves.toEqual({ key: 'k000', value: { key: 'k000' } });
  });

  it('rejects a page size above 20', async () => {
    await expectKvsError(kvs.query().limit(21).getMany(), 'QUERY_LIMIT_NOT_IN_RANGE', 400);
    await expectKvsError(kvs.query().limit(0).getMany(), 'QUERY_LIMIT_NOT_IN_RANGE', 400);
  });

  it('rejects a cursor from a query with a different prefix or a forged one', async () => {
    await seed(12, 'a');
    const { nextCursor } = await kvs.query().where('key', WhereConditions.beginsWith('a')).getMany();
    expect(nextCursor).toBeDefined();
    await expectKvsError(kvs.query().where('key', WhereConditions.beginsWith('b')).cursor(nextCursor ?? '').getMany(), 'INVALID_CURSOR');
    await expectKvsError(kvs.query().cursor('not-a-cursor').getMany(), 'INVALID_CURSOR', 400);
  });

  it('returns expireTime only when asked for', async () => {
    await kvs.set('ttl-key', 1, { ttl: { value: 1, unit: 'DAYS' } });
    await kvs.set('plain-key', 2);
    const { results } = await kvs.query({ metadataFields: [MetadataField.EXPIRE_TIME] }).getMany();
    expect(results).toEqual([
      { key: 'plain-key', value: 2 },
      { key: 'ttl-key', value: 1, expireTime: new Date(CLOCK_START + 86_400_000).toISOString() },
    ]);
  });
});

describe('key and value limits', () => {
  it('enforces key length and character set with Forge error codes', async () => {
    await expectKvsError(kvs.set('', 1), 'KEY_TOO_SHORT', 400);
    await expectKvsError(kvs.set('k'.repeat(501), 1), 'KEY_TOO_LONG', 400);
    await kvs.set('k'.repeat(500), 1);
    await expectKvsError(kvs.set('has/slash', 1), 'INVALID_KEY', 400);
    await expectKvsError(kvs.set('ümlaut', 1), 'INVALID_KEY', 400);
    await expectKvsError(kvs.set('   ', 1), 'INVALID_KEY', 400);
    await expectKvsError(kvs.get('bad/key'), 'INVALID_KEY', 400);
    await kvs.set('Az09:._- #all-allowed', 1);
    await expect(kvs.get('Az09:._- #all-allowed')).resolves.toBe(1);
  });

  it('enforces the 240 KiB value size on the serialized value', async () => {
    // JSON of a string adds two quote characters.
    const atLimit = 'x'.repeat(240 * 1024 - 2);
    await kvs.set('big', atLimit);
    await expectKvsError(kvs.set('too-big', `${atLimit}x`), 'MAX_SIZE', 400);
    await expect(kvs.get('too-big')).resolves.toBeUndefined();
  });

  it('enforces the object depth limit', async () => {
    const nest = (depth: number): unknown => (depth === 0 ? 'leaf' : { child: nest(depth - 1) });
    await kvs.set('deep-ok', nest(32));
    await expectKvsError(kvs.set('too-deep', nest(33)), 'MAX_DEPTH', 400);
  });

  it('rejects null values', async () => {
    await expectKvsError(kvs.set('nothing', null), 'BAD_REQUEST', 400);
  });
});
