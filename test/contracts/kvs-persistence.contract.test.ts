/**
 * The emulator on a database file: data survives closing and reopening (a sandbox restart), and
 * indexes follow manifest changes between runs. Also covers the manifest entity loader.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { kvs, WhereConditions } from '@forge/kvs';
import { loadEntityDefinitions, parseEntityDefinitions, type EntityDefinition } from '../../sandbox/kvs';
import { FIXTURE_MANIFEST, installKvsGlobal } from './helpers/kvs-global';

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'kvs-emulator-'));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('persistence across restarts', () => {
  it('keeps values, secrets and entities (with their indexes) in a database file', async () => {
    const dbPath = path.join(dir, 'kvs.sqlite');
    const first = installKvsGlobal({ dbPath });
    await kvs.set('settings:SEC', { enabled: true });
    await kvs.setSecret('webhook', 'hunter2');
    await kvs.entity('incident').set('INC-1', { projectKey: 'SEC', stage: 'analysis', severity: 3 });
    first.uninstall();

    const second = installKvsGlobal({ dbPath });
    try {
      await expect(kvs.get('settings:SEC')).resolves.toEqual({ enabled: true });
      await expect(kvs.getSecret('webhook')).resolves.toBe('hunter2');
      await expect(kvs.query().where('key', WhereConditions.beginsWith('settings:')).getMany()).resolves.toEqual({
        results: [{ key: 'settings:SEC', value: { enabled: true } }],
      });
      const { results } = await kvs.entity('incident').query().index('by-project-stage', { partition: ['SEC'] }).getMany();
      expect(results).toEqual([{ key: 'INC-1', value: { projectKey: 'SEC', stage: 'analysis', severity: 3 } }]);
    } finally {
      second.uninstall();
    }
  });

  it('rebuilds index entries when the manifest declares a new index for stored entities', async () => {
    const dbPath = path.join(dir, 'kvs.sqlite');
    const original = loadEntityDefinitions(FIXTURE_MANIFEST);
    const first = installKvsGlobal({ dbPath, entities: original });
    await kvs.entity('incident').set('INC-1', { title: 'Phishing', severity: 3 });
    await kvs.entity('incident').set('INC-2', { title: 'Laptop', severity: 1 });
    first.uninstall();

    const withTitleIndex: EntityDefinition[] = original.map((entity) =>
      entity.name === 'incident' ? { ...entity, indexes: [...entity.indexes, { name: 'by-title', partition: [], range: 'title' }] } : entity,
    );
    const second = installKvsGlobal({ dbPath, entities: withTitleIndex });
    try {
      const { results } = await kvs.entity('incident').query().index('by-title').getMany();
      expect(results.map((r) => r.key)).toEqual(['INC-2', 'INC-1']);
    } finally {
      second.uninstall();
    }
  });
});

describe('loadEntityDefinitions', () => {
  it('reads app.storage.entities, expanding shorthand indexes', () => {
    const entities = loadEntityDefinitions(FIXTURE_MANIFEST);
    expect(entities.map((e) => e.name)).toEqual(['incident', 'audit-event']);
    expect(entities[0]?.attributes).toMatchObject({ projectKey: 'string', severity: 'integer', score: 'float', open: 'boolean', tags: 'any' });
    expect(entities[0]?.indexes).toEqual([
      { name: 'severity', partition: [], range: 'severity' },
      { name: 'by-project-stage', partition: ['projectKey'], range: 'stage' },
      { name: 'by-project-severity', partition: ['projectKey'], range: 'severity' },
      { name: 'by-open-score', partition: ['open'], range: 'score' },
    ]);
  });

  it('reads the app manifest of this repository', () => {
    const entities = loadEntityDefinitions(path.join(__dirname, '..', '..', 'manifest.yml'));
    expect(entities.length).toBeGreaterThan(0);
  });

  it('returns no entities for a manifest without app.storage', () => {
    expect(parseEntityDefinitions({ app: { id: 'x' } })).toEqual([]);
  });

  it.each([
    ['an index on an undeclared attribute', { name: 'thing', attributes: { a: { type: 'string' } }, indexes: ['b'] }, /undeclared attribute 'b'/],
    ['an unknown attribute type', { name: 'thing', attributes: { a: { type: 'date' } } }, /type/],
    ['an invalid entity name', { name: 'Bad_Name', attributes: { a: { type: 'string' } } }, /name/],
    ['two range attributes', { name: 'thing', attributes: { a: { type: 'string' }, b: { type: 'string' } }, indexes: [{ name: 'i', range: ['a', 'b'] }] }, /exactly one range/],
  ])('rejects %s', (_case, entity, message) => {
    const manifestPath = path.join(dir, 'manifest.yml');
    writeFileSync(manifestPath, JSON.stringify({ app: { storage: { entities: [entity] } } }));
    expect(() => loadEntityDefinitions(manifestPath)).toThrow(message);
  });
});
