import { buildEvidenceSections, emptyEvidenceRecords, SECTION_IDS } from '../../../../src/domain/evidence';
import { action, emptyOverview, fullPack, incident } from './fixtures';

const byId = (sections: ReturnType<typeof buildEvidenceSections>, id: string) => {
  const found = sections.find((section) => section.id === id);
  if (found === undefined) throw new Error(`no section ${id}`);
  return found;
};

describe('the ten audit questions', () => {
  test('with full evidence every question is evidenced and nothing is missing (training records given)', () => {
    const { overview, records } = fullPack();
    const sections = buildEvidenceSections(overview, records, { trainingNotes: 'RCA course 2026-01, https://lms.example/rca' });
    expect(sections.map((section) => [section.number, section.id])).toEqual(SECTION_IDS.map((id, index) => [index + 1, id]));
    expect(sections.map((section) => [section.id, section.status, section.missing.map((gap) => gap.text)])).toEqual(SECTION_IDS.map((id) => [id, 'evidenced', []]));
    expect(byId(sections, 'process').figures).toContainEqual({ label: 'Procedure in force', value: 'version 2, signed off by mark on 2026-01-15' });
    expect(byId(sections, 'process').figures).toContainEqual({ label: 'Incidents with an approved review', value: '2 of 2 (100%)' });
    expect(byId(sections, 'actions').tables[0]?.rows[0]).toEqual(['ISMS-1 Action 1', 'SEC-1', 'Corrective action', 'owen', '2026-03-01', 'done', '2026-02-20', 'mark on 2026-02-25', 'effective']);
    expect(byId(sections, 'isms').tables[0]?.rows[0]?.at(-1)).toBe('SEC-2');
    expect(byId(sections, 'trends').tables[0]?.rows[0]).toEqual(['Incidents', '2', '', '3', '']);
  });

  test('with no evidence at all every question says so, and what is missing', () => {
    const sections = buildEvidenceSections(emptyOverview(), emptyEvidenceRecords());
    expect(sections.map((section) => section.status)).toEqual(Array(10).fill('no-evidence'));
    expect(byId(sections, 'process').missing.map((gap) => gap.text)).toEqual([expect.stringMatching(/No signed-off review procedure/)]);
    expect(byId(sections, 'improvement').missing.map((gap) => gap.text)).toEqual(['No review of the incident process was held in the period.']);
    expect(byId(sections, 'resourcing').missing.map((gap) => gap.text)).toEqual([expect.stringMatching(/No training records/)]);
    // No crash and no invented figures: shares of nothing read "—".
    expect(byId(sections, 'reviews').figures).toContainEqual({ label: 'Approved or closed', value: '0 of 0 (—)' });
  });

  test('gaps name the records concerned', () => {
    const { overview, records } = fullPack();
    overview.procedure = { pendingDraft: { version: 1, createdAt: '2026-01-02T00:00:00.000Z' }, versionsInPeriod: [] };
    overview.processReview = { state: 'overdue', overdue: true, lastHeldOn: '2025-01-01', nextReviewDate: '2026-01-01', daysOverdue: 78 };
    records.incidents = [
      incident('SEC-1', { stage: 'draft', approval: undefined, rootCauses: [], whyChains: 0, fishboneCauses: 0, deepestWhy: 0, meeting: { attendees: [] }, people: { responseTeam: [], informationSecurity: [], legal: [], communications: [] } }),
      incident('SEC-2', { decisions: [{ rootCauseId: 'r9', option: 'manage-as-risk', decidedBy: 'rita', decidedAt: '2026-02-05T10:00:00.000Z' }], meeting: { attendees: [] } }),
      incident('SEC-3', { whyChains: 0, fishboneCauses: 0, rootCauses: [{ id: 'r1', category: 'supplier', categoryLabel: 'Supplier', text: 'x', method: 'manual' }], meeting: { heldAt: '2026-02-07T10:00:00.000Z', attendees: [] } }),
    ];
    records.actions = [action('1', { status: 'todo', completedAt: undefined, verification: undefined, effectiveness: undefined, targetDate: '2026-03-01' }), action('2', { verification: undefined }), action('3', { status: 'draft', jiraIssueKey: undefined, completedAt: undefined, verification: undefined, effectiveness: undefined, targetDate: '2026-04-30', summary: 'Rotate keys' })];
    records.communications = [{ ...(records.communications[0] ?? ({} as never)), issueKey: 'SEC-3', status: 'failed' }];
    records.risks = [{ ...(records.risks[0] ?? ({} as never)), nextReviewDate: '2026-03-01' }];
    const sections = buildEvidenceSections(overview, records);
    const gaps = (id: string) => byId(sections, id).missing.map((gap) => [gap.text, gap.items]);
    expect(gaps('process')).toEqual([
      [expect.stringMatching(/No signed-off review procedure/), []],
      ['Procedure version 1 is written but not signed off yet.', []],
      ['1 incident(s) of the period have no approved review yet.', ['SEC-1']],
      ['The review of the incident process itself is overdue since 2026-01-01.', []],
    ]);
    expect(gaps('reviews')).toEqual([
      ['1 significant incident(s) without an approved review (mandatory).', ['SEC-1']],
      ['1 review(s) still in draft or in review.', ['SEC-1']],
    ]);
    expect(gaps('root-causes')).toEqual([
      ['1 incident(s) without a root cause.', ['SEC-1']],
      ['1 incident(s) whose root causes were entered without a 5 Whys chain or a fishbone.', ['SEC-3']],
    ]);
    expect(gaps('actions')).toEqual([
      ['1 action(s) of the period are past their target date.', ['ISMS-1']],
      ['1 completed action(s) not verified yet.', ['ISMS-2']],
      ['1 planned action(s) not yet created in Jira.', ['draft "Rotate keys"']],
    ]);
    expect(gaps('isms')).toEqual([
      ['1 incident(s) decided "manage as a risk" without a risk register entry.', ['SEC-2']],
      ['1 open risk(s) past their review date.', ['Account takeover']],
    ]);
    expect(gaps('communication')).toEqual([
      ['2 approved review(s) whose lessons were not shared.', ['SEC-2', 'SEC-3']],
      ['1 share(s) failed or unconfirmed.', ['SEC-3']],
    ]);
    expect(gaps('meetings')).toEqual([
      ['1 approved review(s) without a recorded review meeting.', ['SEC-2']],
      ['1 meeting(s) without attendees recorded.', ['SEC-3']],
    ]);
    expect(gaps('resourcing')[0]).toEqual(['1 incident(s) without an incident manager.', ['SEC-1']]);
    expect(byId(sections, 'improvement').status).toBe('gaps');
    expect(sections.filter((section) => section.status === 'gaps').length).toBeGreaterThanOrEqual(8);
  });

  test('names come from the page’s directory', () => {
    const { overview, records } = fullPack();
    const sections = buildEvidenceSections(overview, records, { name: (id) => `Name of ${id}` });
    expect(byId(sections, 'meetings').tables[0]?.rows[0]).toEqual(['SEC-1', '2026-02-06', 'Name of rita, Name of sam']);
  });
});
