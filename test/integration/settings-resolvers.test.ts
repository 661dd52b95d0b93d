import { DEFAULT_PROJECT_SETTINGS, type ProjectSettings } from '../../src/domain/settings';
import { currentProcedureSummary } from '../../src/services/procedure';
import { PERSONAS } from '../../sandbox/jira';
import { createAppHarness, type AppHarness } from '../support/app-harness';

/** The settings page's resolvers end to end: permissions as the caller, validation against Jira, versioned writes, audit trail. */
let app: AppHarness;

beforeAll(() => {
  app = createAppHarness();
});

afterAll(() => {
  app.sandbox.close();
});

const auditRows = (recordKey: string) =>
  (app.sandbox.db.prepare(`SELECT value FROM kvs_entities WHERE entity_name = 'audit-event' ORDER BY key`).all() as { value: string }[])
    .map((row) => JSON.parse(row.value) as { recordKey: string; accountId: string; change: { kind: string; version: number; changes: { path: string; kind: string; before?: string; after?: string }[]; summary?: string } })
    .filter((row) => row.recordKey === recordKey);

const withTaxonomy = (settings: ProjectSettings): ProjectSettings => ({
  ...settings,
  rootCauseTaxonomy: [
    ...settings.rootCauseTaxonomy.map((category) => (category.key === 'supplier' ? { ...category, retired: true } : category.key === 'awareness-training' ? { ...category, label: 'Security awareness' } : category)),
    { key: 'cloud-config', label: 'Cloud configuration', retired: false },
  ],
});

describe('getSettings', () => {
  test('an admin gets the settings, the form choices from Jira and the default procedure', async () => {
    const view = await app.data('alice', 'getSettings', { projectKey: 'SEC' });
    expect(view.project).toEqual({ key: 'SEC', name: 'Security Incidents' });
    expect(view.canAdminister).toBe(true);
    expect(view.version).toBe(0);
    expect(view.settings).toEqual(DEFAULT_PROJECT_SETTINGS);
    expect(view.options?.linkTypes.map((type) => type.name)).toContain('Relates');
    expect(view.options?.projects.map((project) => project.key)).toEqual(expect.arrayContaining(['SEC', 'OPS', 'ISMS']));
    expect(view.options?.projectIssueTypes).toContain('Incident');
    expect(view.options?.projectIssueTypes).not.toContain('Sub-task');
    expect(view.options?.priorities).toEqual(['Highest', 'High', 'Medium', 'Low', 'Lowest']);
    expect(view.procedure.revision).toBe(0);
    expect(view.procedure.current).toBeNull();
    expect(view.procedure.defaultText).toContain('## Roles and responsibilities');
    expect(view.procedure.defaultText).toContain('severity Critical or High');
    expect(view.procedure.canEdit).toBe(true);
    expect(view.procedure.canSignOff).toBe(true);
  });

  test('a member reads without the form choices; an approver may sign off; a viewer may not', async () => {
    const rita = await app.data('rita', 'getSettings', { projectKey: 'SEC' });
    expect(rita.canAdminister).toBe(false);
    expect(rita.options).toBeNull();
    expect(rita.procedure.canEdit).toBe(false);
    expect(rita.procedure.canSignOff).toBe(false);
    expect((await app.data('mark', 'getSettings', { projectKey: 'SEC' })).procedure.canSignOff).toBe(true);
    expect((await app.data('owen', 'getSettings', { projectKey: 'SEC' })).procedure.canSignOff).toBe(false);
  });

  test('an outsider is refused', async () => {
    const result = await app.invoke('oscar', 'getSettings', { projectKey: 'SEC' });
    expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
  });
});

describe('saveSettings', () => {
  test('a non-admin and an outsider are refused and nothing is stored', async () => {
    const before = app.storageSnapshot();
    for (const persona of ['rita', 'mark', 'oscar'] as const) {
      const result = await app.invoke(persona, 'saveSettings', { projectKey: 'OPS', settings: withTaxonomy(DEFAULT_PROJECT_SETTINGS), baseVersion: 0 });
      expect(result.ok ? 'ok' : result.error.code).toBe('FORBIDDEN');
    }
    expect(app.storageSnapshot()).toBe(before);
  });

  test('an admin saves; the change is versioned and audited with a diff; the panel sees the new taxonomy', async () => {
    const next = { ...withTaxonomy(DEFAULT_PROJECT_SETTINGS), actions: { projectKey: 'ISMS', issueTypeName: 'Corrective action', linkTypeName: 'Problem/Incident', defaultDueDays: 45 } };
    const saved = await app.data('alice', 'saveSettings', { projectKey: 'SEC', settings: next, baseVersion: 0 });
    expect(saved.saved).toBe(true);
    expect(saved.version).toBe(1);
    const view = await app.data('rita', 'getSettings', { projectKey: 'SEC' });
    expect(view.version).toBe(1);
    expect(view.settings.actions.projectKey).toBe('ISMS');
    expect(view.updatedBy).toEqual({ accountId: PERSONAS.alice.accountId, displayName: 'Alice Admin' });

    const [event, ...more] = auditRows('settings-SEC');
    expect(more).toHaveLength(0);
    expect(event?.accountId).toBe(PERSONAS.alice.accountId);
    expect(event?.change.kind).toBe('settings-updated');
    expect(event?.change.changes).toEqual(
      expect.arrayContaining([
        { path: 'rootCauseTaxonomy[0].label', kind: 'changed', before: 'Awareness and training', after: 'Security awareness' },
        { path: 'actions.projectKey', kind: 'changed', before: 'null', after: 'ISMS' },
        { path: 'actions.linkTypeName', kind: 'changed', before: 'Relates', after: 'Problem/Incident' },
      ]),
    );

    const panel = await app.data('rita', 'getPanel', { issueKey: 'SEC-1' });
    expect(panel.taxonomy.map((category) => category.key)).toContain('cloud-config');
    expect(panel.taxonomy.map((category) => category.key)).not.toContain('supplier');
  });

  test('saving unchanged settings writes nothing', async () => {
    const view = await app.data('alice', 'getSettings', { projectKey: 'SEC' });
    const before = app.storageSnapshot();
    const result = await app.data('alice', 'saveSettings', { projectKey: 'SEC', settings: view.settings, baseVersion: view.version });
    expect(result.saved).toBe(false);
    expect(app.storageSnapshot()).toBe(before);
  });

  test('a stale save is a CONFLICT naming who changed it', async () => {
    const view = await app.data('alice', 'getSettings', { projectKey: 'SEC' });
    const result = await app.invoke('alice', 'saveSettings', { projectKey: 'SEC', settings: { ...view.settings, reviewTargetDays: 10 }, baseVersion: 0 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('CONFLICT');
      expect(result.error.message).toMatch(/changed by Alice Admin at \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    }
  });

  test.each([
    ['an unknown link type', (s: ProjectSettings) => ({ ...s, actions: { ...s.actions, linkTypeName: 'Causes trouble' } }), 'actions.linkTypeName', /no issue link type called "Causes trouble"/],
    ['an issue type the action project lacks', (s: ProjectSettings) => ({ ...s, actions: { ...s.actions, issueTypeName: 'Epic' } }), 'actions.issueTypeName', /ISMS has no issue type "Epic"/],
    ['an action project that does not exist', (s: ProjectSettings) => ({ ...s, actions: { ...s.actions, projectKey: 'NOPE' } }), 'actions.projectKey', /NOPE does not exist/],
    ['an unknown approver group', (s: ProjectSettings) => ({ ...s, approvers: { kind: 'group' as const, groupName: 'nobody-here' } }), 'approvers.groupName', /no group called "nobody-here"/],
    ['an unknown project role', (s: ProjectSettings) => ({ ...s, approvers: { kind: 'project-role' as const, roleName: 'Auditors' } }), 'approvers.roleName', /no project role called "Auditors"/],
    ['a removed category', (s: ProjectSettings) => ({ ...s, rootCauseTaxonomy: s.rootCauseTaxonomy.filter((c) => c.key !== 'supplier') }), 'rootCauseTaxonomy', /cannot be removed: retire it instead/],
    ['a duplicate category key', (s: ProjectSettings) => ({ ...s, rootCauseTaxonomy: [...s.rootCauseTaxonomy, { key: 'supplier', label: 'Vendors', retired: false }] }), 'rootCauseTaxonomy.11.key', /keys must be unique/],
    ['a removed fishbone category', (s: ProjectSettings) => ({ ...s, fishboneCategories: s.fishboneCategories.slice(1) }), 'fishboneCategories', /cannot be removed/],
    ['an empty category name', (s: ProjectSettings) => ({ ...s, rootCauseTaxonomy: s.rootCauseTaxonomy.map((c, i) => (i === 2 ? { ...c, label: ' ' } : c)) }), 'rootCauseTaxonomy.2.label', /Category name must not be empty/],
    ['review target of 0 days', (s: ProjectSettings) => ({ ...s, reviewTargetDays: 0 }), 'reviewTargetDays', /Review target \(days\) must be at least 1/],
  ])('%s is refused with a clear message naming the field, and nothing is stored', async (_name, change, field, message) => {
    const view = await app.data('alice', 'getSettings', { projectKey: 'SEC' });
    const before = app.storageSnapshot();
    const result = await app.invoke('alice', 'saveSettings', { projectKey: 'SEC', settings: change(view.settings), baseVersion: view.version });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.field).toBe(field);
      expect(result.error.message).toMatch(message);
    }
    expect(app.storageSnapshot()).toBe(before);
  });

  test('approvers may be a project role, checked against Jira', async () => {
    const view = await app.data('alice', 'getSettings', { projectKey: 'OPS' });
    const saved = await app.data('alice', 'saveSettings', { projectKey: 'OPS', settings: { ...view.settings, approvers: { kind: 'project-role', roleName: 'Administrators' } }, baseVersion: view.version });
    expect(saved.saved).toBe(true);
    // Alice is in the role; Mark (approver group) is not, so on OPS he may no longer sign off.
    expect((await app.data('mark', 'getSettings', { projectKey: 'OPS' })).procedure.canSignOff).toBe(false);
  });
});

describe('procedure', () => {
  test('draft → sign-off → current version, with audit events; a new draft does not replace the current version', async () => {
    const start = await app.data('alice', 'getProcedure', { projectKey: 'ISMS' });
    expect(start.defaultText).not.toBeNull();
    const draft = await app.data('alice', 'saveProcedureDraft', { projectKey: 'ISMS', text: start.defaultText ?? '', changeSummary: 'First version from the app default', baseVersion: 0 });
    expect(draft.current).toBeNull();
    expect(draft.draft?.version).toBe(1);
    expect(draft.draft?.status).toBe('draft');
    expect(draft.draft?.author.displayName).toBe('Alice Admin');
    expect(draft.draft?.blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Learning from information security incidents — ISMS Improvements' });

    const signed = await app.data('mark', 'signOffProcedure', { projectKey: 'ISMS', version: 1 });
    expect(signed.current?.version).toBe(1);
    expect(signed.current?.signedOffBy?.displayName).toBe('Mark Manager');
    expect(signed.draft).toBeNull();

    const second = await app.data('alice', 'saveProcedureDraft', { projectKey: 'ISMS', text: `${start.defaultText ?? ''}\nExtra line.`, changeSummary: 'Clarify scope', baseVersion: signed.revision });
    expect(second.current?.version).toBe(1);
    expect(second.draft?.version).toBe(2);
    expect(second.versions.map((v) => [v.version, v.status])).toEqual([[2, 'draft'], [1, 'current']]);

    const third = await app.data('alice', 'signOffProcedure', { projectKey: 'ISMS', version: 2 });
    expect(third.versions.map((v) => [v.version, v.status])).toEqual([[2, 'current'], [1, 'superseded']]);

    const events = auditRows('procedure-ISMS').map((row) => [row.change.kind, row.change.version, row.accountId]);
    expect(events).toEqual(
      expect.arrayContaining([
        ['procedure-draft-saved', 1, PERSONAS.alice.accountId],
        ['procedure-signed-off', 1, PERSONAS.mark.accountId],
        ['procedure-draft-saved', 2, PERSONAS.alice.accountId],
        ['procedure-signed-off', 2, PERSONAS.alice.accountId],
      ]),
    );
    expect(events).toHaveLength(4);
  });

  test('sign-off rules: only approvers or admins, only the latest unsigned version, only once', async () => {
    const view = await app.data('alice', 'getProcedure', { projectKey: 'ISMS' });
    const before = app.storageSnapshot();
    const rita = await app.invoke('rita', 'signOffProcedure', { projectKey: 'ISMS', version: 2 });
    expect(rita.ok ? 'ok' : rita.error.code).toBe('FORBIDDEN');
    if (!rita.ok) expect(rita.error.message).toMatch(/isms-approvers/);
    const again = await app.invoke('mark', 'signOffProcedure', { projectKey: 'ISMS', version: 2 });
    expect(again.ok ? 'ok' : again.error.code).toBe('NOT_ALLOWED');
    const old = await app.invoke('mark', 'signOffProcedure', { projectKey: 'ISMS', version: 1 });
    expect(old.ok ? 'ok' : old.error.code).toBe('NOT_ALLOWED');
    const missing = await app.invoke('mark', 'signOffProcedure', { projectKey: 'ISMS', version: 9 });
    expect(missing.ok ? 'ok' : missing.error.code).toBe('NOT_FOUND');
    const outsider = await app.invoke('oscar', 'signOffProcedure', { projectKey: 'ISMS', version: 2 });
    expect(outsider.ok ? 'ok' : outsider.error.code).toBe('FORBIDDEN');
    expect(app.storageSnapshot()).toBe(before);
    expect(view.current?.version).toBe(2);
  });

  test('drafts: only admins, a change summary is required, stale drafts conflict, unchanged text is refused', async () => {
    const view = await app.data('alice', 'getProcedure', { projectKey: 'ISMS' });
    const text = `${view.current?.text ?? ''}\nOne more line.`;
    const before = app.storageSnapshot();
    const mark = await app.invoke('mark', 'saveProcedureDraft', { projectKey: 'ISMS', text, changeSummary: 'x', baseVersion: view.revision });
    expect(mark.ok ? 'ok' : mark.error.code).toBe('FORBIDDEN');
    const noSummary = await app.invoke('alice', 'saveProcedureDraft', { projectKey: 'ISMS', text, changeSummary: '  ', baseVersion: view.revision });
    expect(noSummary.ok ? 'ok' : [noSummary.error.code, noSummary.error.field]).toEqual(['INVALID_INPUT', 'changeSummary']);
    const unchanged = await app.invoke('alice', 'saveProcedureDraft', { projectKey: 'ISMS', text: view.current?.text ?? '', changeSummary: 'Nothing', baseVersion: view.revision });
    expect(unchanged.ok ? 'ok' : [unchanged.error.code, unchanged.error.field]).toEqual(['INVALID_INPUT', 'text']);
    const stale = await app.invoke('alice', 'saveProcedureDraft', { projectKey: 'ISMS', text, changeSummary: 'Stale', baseVersion: 1 });
    expect(stale.ok ? 'ok' : stale.error.code).toBe('CONFLICT');
    if (!stale.ok) expect(stale.error.message).toMatch(/changed by Alice Admin at/);
    expect(app.storageSnapshot()).toBe(before);
  });

  test('text is stored as text: markup is never interpreted', async () => {
    const view = await app.data('alice', 'getProcedure', { projectKey: 'OPS' });
    const saved = await app.data('alice', 'saveProcedureDraft', { projectKey: 'OPS', text: '# Title\n<img src=x onerror=alert(1)>\n- <b>item</b>', changeSummary: 'Markup test', baseVersion: view.revision });
    expect(saved.draft?.blocks).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: '<img src=x onerror=alert(1)>' },
      { kind: 'list', ordered: false, items: ['<b>item</b>'] },
    ]);
  });
});

describe('currentProcedureSummary (for the panel help)', () => {
  test('names the signed-off version in force, or null before the first sign-off', async () => {
    const [isms, ops] = await app.sandbox.runtime.invoke({ moduleKey: 'lessons-learned-panel' }, () => Promise.all([currentProcedureSummary('ISMS'), currentProcedureSummary('OPS')]));
    expect(isms).toEqual({ version: 2, signedOffBy: PERSONAS.alice.accountId, signedOffAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as unknown });
    expect(ops).toBeNull();
  });
});
