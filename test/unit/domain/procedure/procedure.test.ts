import { defaultProcedureText, draftVersion, parseProcedureText, saveDraft, signOff, versionStatus, type ProcedureHead } from '../../../../src/domain/procedure';
import { DEFAULT_PROJECT_SETTINGS } from '../../../../src/domain/settings';

const at = (day: number) => `2025-03-${String(day).padStart(2, '0')}T10:00:00.000Z`;

function draft(head: ProcedureHead | null, text: string, latestText?: string): ProcedureHead {
  const result = saveDraft('SEC', head, latestText, { text, changeSummary: `Change to ${text}`, author: 'alice', at: at(1) });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.head;
}

function sign(head: ProcedureHead, version: number, signer = 'mark'): ProcedureHead {
  const result = signOff(head, version, signer, at(2));
  if (!result.ok) throw new Error(result.error.message);
  return result.value.head;
}

describe('procedure versions', () => {
  test('the first draft is version 1, unsigned, and there is no current version yet', () => {
    const head = draft(null, 'v1');
    expect(head).toEqual({ projectKey: 'SEC', revision: 1, currentVersion: null, versions: [{ version: 1, author: 'alice', createdAt: at(1), changeSummary: 'Change to v1' }] });
    expect(draftVersion(head)?.version).toBe(1);
    expect(head.versions.map((meta) => versionStatus(head, meta))).toEqual(['draft']);
  });

  test('sign-off makes the draft current; the next draft leaves it current; signing the next supersedes it', () => {
    let head = sign(draft(null, 'v1'), 1);
    expect(head.currentVersion).toBe(1);
    expect(draftVersion(head)).toBeUndefined();
    head = draft(head, 'v2', 'v1');
    expect(head.currentVersion).toBe(1);
    expect(head.versions.map((meta) => versionStatus(head, meta))).toEqual(['current', 'draft']);
    head = sign(head, 2, 'alice');
    expect(head.versions.map((meta) => versionStatus(head, meta))).toEqual(['superseded', 'current']);
    expect(head.revision).toBe(4);
  });

  test('a draft replaced by a newer draft can no longer be signed and is marked as never signed', () => {
    const head = draft(draft(null, 'v1'), 'v2', 'v1');
    expect(head.versions.map((meta) => versionStatus(head, meta))).toEqual(['unsigned', 'draft']);
    const result = signOff(head, 1, 'mark', at(3));
    expect(result.ok ? 'ok' : result.error.message).toBe('Version 1 was replaced by version 2; sign off the latest draft instead.');
  });

  test('signing twice, or a missing version, is refused', () => {
    const head = sign(draft(null, 'v1'), 1);
    const twice = signOff(head, 1, 'mark', at(3));
    expect(twice.ok ? 'ok' : twice.error.code).toBe('transition-not-allowed');
    const missing = signOff(head, 7, 'mark', at(3));
    expect(missing.ok ? 'ok' : missing.error.code).toBe('not-found');
    expect(signOff(null, 1, 'mark', at(3)).ok).toBe(false);
  });

  test('a draft needs text and a change summary, and must differ from the latest version', () => {
    const empty = saveDraft('SEC', null, undefined, { text: '  ', changeSummary: 'x', author: 'a', at: at(1) });
    expect(empty.ok ? 'ok' : empty.error.field).toBe('text');
    const noSummary = saveDraft('SEC', null, undefined, { text: 'x', changeSummary: '', author: 'a', at: at(1) });
    expect(noSummary.ok ? 'ok' : [noSummary.error.field, noSummary.error.message]).toEqual(['changeSummary', 'Change summary must say what changed']);
    const same = saveDraft('SEC', draft(null, 'v1'), 'v1', { text: ' v1 \n', changeSummary: 'x', author: 'a', at: at(1) });
    expect(same.ok ? 'ok' : same.error.message).toMatch(/unchanged/);
    const long = saveDraft('SEC', null, undefined, { text: 'x'.repeat(20_001), changeSummary: 'x', author: 'a', at: at(1) });
    expect(long.ok ? 'ok' : long.error.message).toBe('Procedure text must be at most 20000 characters');
  });
});

describe('default text', () => {
  test('covers what R21 asks for and uses the project settings', () => {
    const text = defaultProcedureText({ ...DEFAULT_PROJECT_SETTINGS, reviewTargetDays: 10, actions: { ...DEFAULT_PROJECT_SETTINGS.actions, projectKey: 'ISMS' } }, 'Security Incidents');
    const headings = parseProcedureText(text).flatMap((block) => ('level' in block ? [block.text] : []));
    expect(headings).toEqual([
      'Learning from information security incidents — Security Incidents',
      'Scope',
      'Roles and responsibilities',
      'Review triggers',
      'Stages',
      'Root cause analysis',
      'Decision rules',
      'Follow-up and effectiveness',
      'Records kept',
      'Key performance indicators',
      'Review of this procedure',
    ]);
    expect(text).toContain('every incident of severity Critical or High');
    expect(text).toContain('within 10 days');
    expect(text).toContain('the project ISMS');
    expect(text).toContain('"isms-approvers"');
  });
});

describe('parseProcedureText', () => {
  test('headings, paragraphs joined across lines, bullet and numbered lists, continuation lines', () => {
    expect(parseProcedureText('# Title\nFirst line\nsecond line.\n\n- one\n- two\n  continued\n1. a\n2) b\n### Small\ntext')).toEqual([
      { kind: 'heading', level: 1, text: 'Title' },
      { kind: 'paragraph', text: 'First line second line.' },
      { kind: 'list', ordered: false, items: ['one', 'two continued'] },
      { kind: 'list', ordered: true, items: ['a', 'b'] },
      { kind: 'heading', level: 3, text: 'Small' },
      { kind: 'paragraph', text: 'text' },
    ]);
  });

  test('markup stays text', () => {
    expect(parseProcedureText('<script>alert(1)</script>\r\n#### not a heading')).toEqual([{ kind: 'paragraph', text: '<script>alert(1)</script> #### not a heading' }]);
  });
});
