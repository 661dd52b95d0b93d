import { activeFishboneCategories, checkAgainstJira, DEFAULT_PROJECT_SETTINGS, validateSettingsChange, type JiraFacts, type ProjectSettings } from '../../../../src/domain/settings';

const base = DEFAULT_PROJECT_SETTINGS;
const facts: JiraFacts = { projectIssueTypes: ['Incident', 'Task', 'Bug'], actionProject: { key: 'SEC', issueTypes: ['Incident', 'Task', 'Bug'] }, linkTypes: ['Relates', 'Blocks'], approverGroupExists: true };

const errorOf = (result: ReturnType<typeof validateSettingsChange>) => (result.ok ? undefined : result.error);

describe('validateSettingsChange', () => {
  test('the defaults are valid, and stored settings without `retired` on fishbone categories still parse', () => {
    expect(validateSettingsChange(base, base).ok).toBe(true);
    const legacy = { ...base, fishboneCategories: base.fishboneCategories.map(({ id, label }) => ({ id, label })) };
    const parsed = validateSettingsChange(base, legacy);
    expect(parsed.ok && parsed.value.fishboneCategories.every((category) => !category.retired)).toBe(true);
  });

  test('categories can be added, renamed and retired', () => {
    const next: ProjectSettings = {
      ...base,
      rootCauseTaxonomy: [...base.rootCauseTaxonomy.map((c, i) => (i === 0 ? { ...c, label: 'Renamed' } : i === 1 ? { ...c, retired: true } : c)), { key: 'new-one', label: 'New one', retired: false }],
      fishboneCategories: [...base.fishboneCategories.map((c, i) => (i === 0 ? { ...c, retired: true } : c)), { id: 'legal', label: 'Legal', retired: false }],
    };
    expect(validateSettingsChange(base, next).ok).toBe(true);
    expect(activeFishboneCategories(next).map((c) => c.id)).not.toContain(base.fishboneCategories[0]?.id);
    expect(activeFishboneCategories(next).at(-1)).toEqual({ id: 'legal', label: 'Legal' });
  });

  test('categories are never removed, keys stay unique, active names unique, and one stays active', () => {
    const removed = errorOf(validateSettingsChange(base, { ...base, rootCauseTaxonomy: base.rootCauseTaxonomy.slice(1) }));
    expect(removed?.field).toBe('rootCauseTaxonomy');
    expect(removed?.message).toMatch(/"Awareness and training" cannot be removed: retire it instead/);

    const duplicateKey = errorOf(validateSettingsChange(base, { ...base, rootCauseTaxonomy: [...base.rootCauseTaxonomy, { key: 'supplier', label: 'X', retired: false }] }));
    expect(duplicateKey?.field).toBe(`rootCauseTaxonomy.${base.rootCauseTaxonomy.length}.key`);

    const duplicateName = errorOf(validateSettingsChange(base, { ...base, rootCauseTaxonomy: [...base.rootCauseTaxonomy, { key: 'dup', label: 'awareness AND training', retired: false }] }));
    expect(duplicateName?.message).toMatch(/names must be unique/);
    // A retired category may share its name with its active successor.
    const successor = { ...base, rootCauseTaxonomy: [...base.rootCauseTaxonomy.map((c, i) => (i === 0 ? { ...c, retired: true } : c)), { key: 'awareness-2', label: 'Awareness and training', retired: false }] };
    expect(validateSettingsChange(base, successor).ok).toBe(true);

    const allRetired = errorOf(validateSettingsChange(base, { ...base, fishboneCategories: base.fishboneCategories.map((c) => ({ ...c, retired: true })) }));
    expect(allRetired?.message).toBe('Keep at least one active fishbone category');
  });

  test('schema errors name the field in words', () => {
    const cases: [unknown, string, RegExp][] = [
      [{ ...base, effectivenessWindowDays: 3 }, 'effectivenessWindowDays', /Effectiveness window \(days\) must be at least 7/],
      [{ ...base, reviewTargetDays: 2.5 }, 'reviewTargetDays', /must be a whole number/],
      [{ ...base, actions: { ...base.actions, projectKey: 'isms' } }, 'actions.projectKey', /Jira project key such as ISMS/],
      [{ ...base, actions: { ...base.actions, linkTypeName: '' } }, 'actions.linkTypeName', /Link type must not be empty/],
      [{ ...base, severityMapping: { High: 'severe' } }, 'severityMapping.High', /Severity must be one of/],
      [{ ...base, significantSeverities: ['high', 'high'] }, 'significantSeverities', /listed once/],
      [{ ...base, rootCauseTaxonomy: [...base.rootCauseTaxonomy, { key: 'Bad Key', label: 'x' }] }, `rootCauseTaxonomy.${base.rootCauseTaxonomy.length}.key`, /lower-case/],
      [{ ...base, approvers: { kind: 'person' } }, 'approvers.kind', /group or a project role/],
    ];
    for (const [value, field, message] of cases) {
      const error = errorOf(validateSettingsChange(base, value));
      expect([error?.field, error?.message]).toEqual([field, expect.stringMatching(message)]);
    }
  });
});

describe('checkAgainstJira', () => {
  test('valid names pass, case-insensitively', () => {
    expect(checkAgainstJira(base, { ...base, actions: { ...base.actions, linkTypeName: 'relates', issueTypeName: 'task' } }, facts).ok).toBe(true);
  });

  test('each unknown name is reported on its own field, listing the choices', () => {
    const next = { ...base, incidentIssueTypes: ['Incident', 'Outage'], actions: { ...base.actions, linkTypeName: 'Nope', issueTypeName: 'Epic' }, approvers: { kind: 'group' as const, groupName: 'ghosts' } };
    const result = checkAgainstJira(base, next, { ...facts, approverGroupExists: false });
    expect(result.ok ? [] : result.error.issues).toEqual([
      { field: 'actions.linkTypeName', message: 'Jira has no issue link type called "Nope". Choose one of: Relates, Blocks' },
      { field: 'actions.issueTypeName', message: 'The project SEC has no issue type "Epic". Choose one of: Incident, Task, Bug' },
      { field: 'approvers.groupName', message: 'Jira has no group called "ghosts"' },
      { field: 'incidentIssueTypes.1', message: 'This project has no issue type "Outage"' },
    ]);
  });

  test('an invisible action project is reported; an incident type configured earlier stays valid', () => {
    const before = { ...base, incidentIssueTypes: ['Security event'] };
    const result = checkAgainstJira(before, { ...before, actions: { ...before.actions, projectKey: 'HIDDEN' } }, { ...facts, actionProject: null });
    expect(result.ok ? [] : result.error.issues).toEqual([{ field: 'actions.projectKey', message: 'The project HIDDEN does not exist, or you cannot see it in Jira' }]);
  });
});
