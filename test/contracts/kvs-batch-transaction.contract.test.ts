/**
 * Contract tests for batch operations and transactions through the real `@forge/kvs`: per-item
 * results and limits of batches; atomicity, conditions and limits of `kvs.transact()`.
 */
import { Filter, FilterConditions, ForgeKvsError, kvs } from '@forge/kvs';
import { expectKvsError } from './helpers/kvs-assertions';
import { installKvsGlobal, type InstalledKvs } from './helpers/kvs-global';

interface Incident {
  projectKey?: string;
  stage?: string;
  severity?: number;
  title?: string;
}

let sandbox: InstalledKvs;
/** Error messages are free text; only the codes are part of the contract. */
const anyMessage: unknown = expect.any(String);
const incidents = () => kvs.entity<Incident>('incident');

beforeEach(() => {
  sandbox = installKvsGlobal();
});

afterEach(() => {
  sandbox.uninstall();
});

describe('batch operations', () => {
  it('batchSet mixes plain and entity items and reports failures per item', async () => {
    const items: { key: string; value: unknown; entityName?: string; options?: { ttl: { value: number; unit: 'HOURS' } } }[] = [
      { key: 'plain-1', value: 'one' },
      { key: 'INC-1', entityName: 'incident', value: { title: 'ok', severity: 2 } },
      { key: 'INC-2', entityName: 'incident', value: { severity: 'high' } },
      { key: 'bad/key', value: 1 },
      { key: 'plain-ttl', value: 2, options: { ttl: { value: 1, unit: 'HOURS' } } },
    ];
    const result = await kvs.batchSet(items);
    expect(sandbox.calls.at(-1)).toMatchObject({ path: '/api/v1/batch/set', body: items, status: 200 });
    expect(result.successfulKeys).toEqual([{ key: 'plain-1' }, { key: 'INC-1', entityName: 'incident' }, { key: 'plain-ttl' }]);
    expect(result.failedKeys).toEqual([
      { key: 'INC-2', entityName: 'incident', error: { code: 'INVALID_ENTITY_VALUE', message: anyMessage } },
      { key: 'bad/key', error: { code: 'INVALID_KEY', message: anyMessage } },
    ]);
    await expect(kvs.get('plain-1')).resolves.toBe('one');
    await expect(incidents().get('INC-1')).resolves.toEqual({ title: 'ok', severity: 2 });
    await expect(incidents().get('INC-2')).resolves.toBeUndefined();
  });

  it('batchGet returns values and KEY_NOT_FOUND failures', async () => {
    await kvs.set('a', 1);
    await incidents().set('INC-1', { title: 't' });
    const result = await kvs.batchGet([{ key: 'a' }, { key: 'INC-1', entityName: 'incident' }, { key: 'missing' }]);
    expect(sandbox.calls.at(-1)?.path).toBe('/api/v1/batch/get');
    expect(result).toEqual({
      successfulKeys: [
        { key: 'a', value: 1 },
        { key: 'INC-1', entityName: 'incident', value: { title: 't' } },
      ],
      failedKeys: [{ key: 'missing', error: { code: 'KEY_NOT_FOUND', message: anyMessage } }],
    });
  });

  it('batchDelete removes items and reports missing keys', async () => {
    await kvs.set('a', 1);
    await incidents().set('INC-1', { title: 't' });
    const result = await kvs.batchDelete([{ key: 'a' }, { key: 'INC-1', entityName: 'incident' }, { key: 'gone' }]);
    expect(sandbox.calls.at(-1)?.path).toBe('/api/v1/batch/delete');
    expect(result.successfulKeys).toEqual([{ key: 'a' }, { key: 'INC-1', entityName: 'incident' }]);
    expect(result.failedKeys).toEqual([{ key: 'gone', error: { code: 'KEY_NOT_FOUND', message: anyMessage } }]);
    await expect(kvs.get('a')).resolves.toBeUndefined();
    await expect(incidents().get('INC-1')).resolves.toBeUndefined();
  });

  it('fails the whole batch when it is empty, has more than 25 keys, or repeats a key', async () => {
    await expectKvsError(kvs.batchSet([]), 'BATCH_EMPTY', 400);
    const many = Array.from({ length: 26 }, (_, i) => ({ key: `k${i}`, value: i }));
    await expectKvsError(kvs.batchSet(many), 'BATCH_TOO_LARGE', 400);
    await expect(kvs.get('k0')).resolves.toBeUndefined();
    await expect(kvs.batchSet(many.slice(0, 25))).resolves.toMatchObject({ failedKeys: [] });
    await expectKvsError(kvs.batchGet([{ key: 'k1' }, { key: 'k1' }]), 'BATCH_DUPLICATE_KEY', 400);
    // The same key in different keyspaces is not a duplicate.
    await expect(kvs.batchDelete([{ key: 'k1' }, { key: 'k1', entityName: 'incident' }])).resolves.toMatchObject({
      successfulKeys: [{ key: 'k1' }],
    });
  });
});

describe('transactions', () => {
  it('commits sets and deletes of plain values together', async () => {
    await kvs.set('old', 'x');
    await kvs.transact().set('new-1', 1).set('new-2', { two: 2 }, undefined, { ttl: { value: 1, unit: 'DAYS' } }).delete('old').execute();
    expect(sandbox.calls.at(-1)).toMatchObject({
      path: '/api/v1/transaction',
      status: 204,
      body: {
        set: [
          { key: 'new-1', value: 1 },
          { key: 'new-2', value: { two: 2 }, options: { ttl: { value: 1, unit: 'DAYS' } } },
        ],
        delete: [{ key: 'old' }],
      },
    });
    await expect(kvs.get('new-1')).resolves.toBe(1);
    await expect(kvs.get('new-2')).resolves.toEqual({ two: 2 });
    await expect(kvs.get('old')).resolves.toBeUndefined();
  });

  it('applies entity operations whose conditions hold', async () => {
    await incidents().set('INC-1', { stage: 'analysis', severity: 3 });
    await incidents().set('INC-2', { stage: 'closed' });
    await kvs
      .transact()
      .set<Incident>('INC-1', { stage: 'actions', severity: 3 }, { entityName: 'incident', conditions: new Filter<Incident>().and('stage', FilterConditions.equalTo('analysis')) })
      .delete('INC-2', { entityName: 'incident', conditions: new Filter<Incident>().and('stage', FilterConditions.equalTo('closed')) })
      .check('INC-3', { entityName: 'incident', conditions: new Filter<Incident>().and('stage', FilterConditions.notExists()) })
      .execute();
    expect(sandbox.calls.at(-1)?.body).toEqual({
      set: [
        {
          key: 'INC-1',
          value: { stage: 'actions', severity: 3 },
          entityName: 'incident',
          conditions: { and: [{ property: 'stage', condition: 'EQUAL_TO', values: ['analysis'] }] },
        },
      ],
      delete: [{ key: 'INC-2', entityName: 'incident', conditions: { and: [{ property: 'stage', condition: 'EQUAL_TO', values: ['closed'] }] } }],
      check: [{ key: 'INC-3', entityName: 'incident', conditions: { and: [{ property: 'stage', condition: 'NOT_EXISTS', values: [true] }] } }],
    });
    await expect(incidents().get('INC-1')).resolves.toEqual({ stage: 'actions', severity: 3 });
    await expect(incidents().get('INC-2')).resolves.toBeUndefined();
  });

  it('rolls everything back when a check condition fails', async () => {
    await kvs.set('counter', 1);
    await incidents().set('INC-1', { stage: 'analysis', severity: 3 });
    await incidents().set('INC-2', { stage: 'analysis', severity: 3 });
    const error = await expectKvsError(
      kvs
        .transact()
        .set('counter', 2)
        .set('fresh', 'new')
        .set('INC-1', { stage: 'closed' }, { entityName: 'incident' })
        .check('INC-2', { entityName: 'incident', conditions: new Filter<Incident>().and('severity', FilterConditions.greaterThan(4)) })
        .execute(),
      'CONDITIONAL_CHECK_FAILED',
      409,
    );
    expect(error.message).toContain('INC-2');
    await expect(kvs.get('counter')).resolves.toBe(1);
    await expect(kvs.get('fresh')).resolves.toBeUndefined();
    await expect(incidents().get('INC-1')).resolves.toEqual({ stage: 'analysis', severity: 3 });
  });

  it('rolls back when a conditional set or delete finds its condition false, or the item missing', async () => {
    await incidents().set('INC-1', { stage: 'analysis' });
    const onlyIfClosed = new Filter<Incident>().and('stage', FilterConditions.equalTo('closed'));
    await expectKvsError(
      kvs.transact().set('side', 1).delete('INC-1', { entityName: 'incident', conditions: onlyIfClosed }).execute(),
      'CONDITIONAL_CHECK_FAILED',
    );
    await expectKvsError(
      kvs.transact().set('side', 1).set<Incident>('INC-9', { stage: 'x' }, { entityName: 'incident', conditions: onlyIfClosed }).execute(),
      'CONDITIONAL_CHECK_FAILED',
    );
    await expect(kvs.get('side')).resolves.toBeUndefined();
    await expect(incidents().get('INC-1')).resolves.toEqual({ stage: 'analysis' });
  });

  it('writes nothing when one operation is invalid', async () => {
    await expectKvsError(
      kvs.transact().set('a', 1).set('INC-1', { severity: 'high' }, { entityName: 'incident' }).execute(),
      'INVALID_ENTITY_VALUE',
      400,
    );
    await expectKvsError(kvs.transact().set('a', 1).set('b/c', 2).execute(), 'INVALID_KEY', 400);
    await expectKvsError(kvs.transact().set('a', 1).set('big', 'x'.repeat(240 * 1024)).execute(), 'MAX_SIZE', 400);
    await expect(kvs.get('a')).resolves.toBeUndefined();
  });

  it('enforces 25 operations, unique keys and non-empty transactions', async () => {
    const build = (count: number) => {
      const transaction = kvs.transact();
      for (let i = 0; i < count; i += 1) transaction.set(`k${i}`, i);
      return transaction;
    };
    await expectKvsError(build(26).execute(), 'TRANSACTION_TOO_LARGE', 400);
    await expect(kvs.get('k0')).resolves.toBeUndefined();
    await build(25).execute();
    await expect(kvs.get('k24')).resolves.toBe(24);
    await expectKvsError(kvs.transact().set('dup', 1).delete('dup').execute(), 'TRANSACTION_DUPLICATE_KEY', 400);
    await expectKvsError(kvs.transact().execute(), 'TRANSACTION_EMPTY', 400);
  });

  it('leaves empty condition builders to @forge/kvs, which refuses them before sending', async () => {
    const calls = sandbox.calls.length;
    await expect(kvs.transact().check('INC-1', { entityName: 'incident', conditions: new Filter<Incident>() }).execute()).rejects.toBeInstanceOf(
      ForgeKvsError,
    );
    expect(sandbox.calls).toHaveLength(calls);
  });
});
