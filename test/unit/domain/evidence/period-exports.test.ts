import { actionLogCsv, drawEvidenceSample, packHtml, packJson, resolvePeriod, riskRegisterCsv, buildEvidenceSections } from '../../../../src/domain/evidence';
import { action, fullPack, incident } from './fixtures';

describe('periods', () => {
  test('quarter and year are the dashboard’s last 3 and 12 UTC months, with the period before', () => {
    const quarter = resolvePeriod({ kind: 'quarter' }, '2026-03-20');
    expect(quarter.ok && quarter.value).toMatchObject({ months: ['2026-01', '2026-02', '2026-03'], previousMonths: ['2025-10', '2025-11', '2025-12'], firstDay: '2026-01-01', lastDay: '2026-03-31', label: 'Jan 2026 – Mar 2026' });
    const year = resolvePeriod({ kind: 'year' }, '2026-03-20');
    expect(year.ok && year.value.months).toHaveLength(12);
    expect(year.ok && year.value.startMs).toBe(Date.UTC(2025, 3, 1));
    expect(year.ok && year.value.endMs).toBe(Date.UTC(2026, 3, 1));
  });

  test('custom months: inclusive, not backwards, not in the future, at most 24', () => {
    const custom = resolvePeriod({ kind: 'custom', from: '2025-11', to: '2026-02' }, '2026-03-20');
    expect(custom.ok && custom.value).toMatchObject({ months: ['2025-11', '2025-12', '2026-01', '2026-02'], previousMonths: ['2025-07', '2025-08', '2025-09', '2025-10'], lastDay: '2026-02-28' });
    expect(resolvePeriod({ kind: 'custom', from: '2026-02', to: '2026-01' }, '2026-03-20')).toMatchObject({ ok: false, field: 'period.to' });
    expect(resolvePeriod({ kind: 'custom', from: '2026-02', to: '2026-04' }, '2026-03-20')).toMatchObject({ ok: false, field: 'period.to' });
    expect(resolvePeriod({ kind: 'custom', from: '2023-01', to: '2026-01' }, '2026-03-20')).toMatchObject({ ok: false, field: 'period.from' });
    expect(resolvePeriod({ kind: 'custom', from: '2024-02', to: '2026-01' }, '2026-03-20').ok).toBe(true);
  });
});

describe('sample of a pack', () => {
  test('incidents of the period and actions completed in it, reproducible from the seed', () => {
    const { overview, records } = fullPack();
    records.actions = [action('1'), action('2', { completedAt: '2025-12-31T23:00:00.000Z' }), action('3', { status: 'todo', completedAt: undefined }), action('4')];
    records.incidents = Array.from({ length: 30 }, (_, index) => incident(`SEC-${String(index + 1)}`));
    const sample = drawEvidenceSample(overview, records, 5, 99);
    expect(sample.actions.populationSize).toBe(2);
    expect(sample.actions.items.map((item) => item.actionId).sort()).toEqual(['1', '4']);
    expect(sample.incidents.populationSize).toBe(30);
    expect(drawEvidenceSample(overview, { ...records, incidents: [...records.incidents].reverse() }, 5, 99).incidents.items).toEqual(sample.incidents.items);
  });
});

test('completed actions are ordered by their Jira issue key, so a re-created install with new ids samples the same issues', () => {
  const { overview, records } = fullPack();
  // The second install's ids run the other way round: only the Jira keys keep the order.
  const withIds = (id: (index: number) => string) => ({ ...records, actions: Array.from({ length: 20 }, (_, index) => action(id(index), { jiraIssueKey: `ISMS-${String(index + 1)}` })) });
  const keysOf = (sample: ReturnType<typeof drawEvidenceSample>) => sample.actions.items.map((item) => item.jiraIssueKey);
  expect(keysOf(drawEvidenceSample(overview, withIds((index) => `b${String(100 - index)}`), 4, 2026))).toEqual(keysOf(drawEvidenceSample(overview, withIds((index) => `a${String(100 + index)}`), 4, 2026)));
});

describe('exports', () => {
  const hostile = '=HYPERLINK("http://evil")<script>alert(1)</script>';

  function hostilePack() {
    const { overview, records } = fullPack();
    records.incidents = [incident('SEC-1', { summary: hostile })];
    records.actions = [action('1', { summary: hostile, verification: { by: 'mark', at: '2026-02-25T10:00:00.000Z', evidence: '+cmd|calc' } })];
    records.risks = records.risks.map((risk) => ({ ...risk, title: '@SUM(1+1)' }));
    const sections = buildEvidenceSections(overview, records);
    return { overview, records, sections, sample: drawEvidenceSample(overview, records, 5, 7), name: (id: string) => (id === 'mark' ? '-Mark' : id) };
  }

  test('CSV cells that a spreadsheet would run as a formula are defused', () => {
    const pack = hostilePack();
    const log = actionLogCsv(pack);
    expect(log.split('\r\n')[0]).toMatch(/^"Jira issue","Action id","Incident"/);
    expect(log).toContain(`"'=HYPERLINK(""http://evil"")<script>alert(1)</script>"`);
    expect(log).toContain(`"'+cmd|calc"`);
    expect(log).toContain(`"'-Mark"`);
    const risks = riskRegisterCsv(pack);
    expect(risks).toContain(`"'@SUM(1+1)"`);
    expect(risks).toContain('"SEC-2"');
  });

  test('the HTML is a self-contained A4 document with every value escaped and the R26 header', () => {
    const html = packHtml(hostilePack());
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('@page { size: A4;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    for (const attribute of ['Preventive', 'Confidentiality, Integrity, Availability', 'Identify, Protect', 'Information security event management', 'Defence']) expect(html).toContain(attribute);
    expect(html.match(/<section class="question/g)).toHaveLength(11);
    expect(html).toContain('<dt>Seed</dt><dd>7</dd>');
    expect(html).not.toMatch(/<(img|iframe|link|a) /);
  });

  test('the JSON holds the raw records, the findings and the sample, and parses back', () => {
    const pack = hostilePack();
    const parsed = JSON.parse(packJson(pack)) as Record<string, unknown> & { records: { incidents: unknown[] }; sections: unknown[]; sample: { seed: number; incidents: { issueKeys: string[] } } };
    expect(parsed).toMatchObject({ format: 'lessons-learned-evidence-pack', schemaVersion: 1, projectKey: 'SEC' });
    expect(parsed.records.incidents).toHaveLength(1);
    expect(parsed.sections).toHaveLength(10);
    expect(parsed.sample).toMatchObject({ seed: 7, incidents: { issueKeys: ['SEC-1'] } });
  });
});
