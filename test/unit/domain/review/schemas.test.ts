import {
  TIMESTAMP_FIELDS,
  createReview,
  incidentFactsSchema,
  parseReview,
  peopleSchema,
  fishboneSchema,
  rootCausesSchema,
  timelineSchema,
  fiveWhysSchema,
  validate,
  type IncidentTimestamps,
  type TimestampField,
} from '../../../../src/domain/review';
import { DANA, INCIDENT, lostLaptopFacts, phishingFacts, phishingReview } from './fixtures';

const firstError = (schema: Parameters<typeof validate>[0], value: unknown, prefix?: string) => {
  const result = validate(schema, value, prefix);
  if (result.ok) throw new Error('expected a validation error');
  return result.error;
};

describe('incident facts schema', () => {
  it('accepts the phishing and lost-laptop facts', () => {
    expect(incidentFactsSchema.safeParse(phishingFacts()).success).toBe(true);
    expect(incidentFactsSchema.safeParse(lostLaptopFacts()).success).toBe(true);
  });

  it.each([
    ['summary', { summary: 'x'.repeat(256) }, 'Summary must be at most 255 characters'],
    ['type', { type: 'negligent' }, 'Incident type must be one of: accidental, malicious, environmental'],
    ['severity', { severity: 'urgent' }, 'Severity must be one of: critical, high, medium, low'],
    ['ciaAffected', { ciaAffected: ['availability', 'availability'] }, 'Affected C/I/A properties must not contain duplicates'],
    ['ciaAffected.0', { ciaAffected: ['privacy'] }, 'Affected C/I/A property must be one of: confidentiality, integrity, availability'],
    ['affectedAssets', { affectedAssets: Array.from({ length: 51 }, (_, i) => `asset ${i}`) }, 'Affected assets can have at most 50 entries'],
    ['impact', { impact: 42 }, 'Impact description must be text'],
    ['timestamps.detectedAt', { timestamps: { detectedAt: 'yesterday' } }, 'Detected time must be a date and time such as 2025-03-14T09:30:00Z'],
    ['tags.0', { tags: ['x'.repeat(51)] }, 'Tag must be at most 50 characters'],
  ])('names the field %s in the message', (field, patch, message) => {
    const error = firstError(incidentFactsSchema, { ...phishingFacts(), ...patch }, 'facts');
    expect(error).toMatchObject({ code: 'invalid', field: `facts.${field}`, message });
  });

  it('says when a required field is missing', () => {
    const { summary: _summary, ...withoutSummary } = phishingFacts();
    expect(firstError(incidentFactsSchema, withoutSummary).message).toBe('Summary is required');
  });

  it('reports every problem for the form, not just the first', () => {
    const error = firstError(incidentFactsSchema, { ...phishingFacts(), severity: 'x', type: 'y' });
    expect(error.issues.map((issue) => issue.field)).toEqual(['type', 'severity']);
  });
});

describe('timestamp order occurred ≤ detected ≤ reported ≤ contained ≤ resolved', () => {
  const base = '2025-03-05T12:00:00Z';
  const earlier = '2025-03-05T11:59:00Z';
  const pairs: [TimestampField, TimestampField][] = [];
  TIMESTAMP_FIELDS.forEach((first, i) => {
    TIMESTAMP_FIELDS.slice(i + 1).forEach((second) => {
      pairs.push([first, second]);
    });
  });

  it.each(pairs)('refuses %s after %s and names both fields', (first, second) => {
    const timestamps: IncidentTimestamps = { [first]: base, [second]: earlier };
    const error = firstError(incidentFactsSchema, { ...phishingFacts(), timestamps }, 'facts');
    const label = (field: string) => field.replace('At', '');
    expect(error.field).toBe(`facts.timestamps.${second}`);
    expect(error.message.toLowerCase()).toContain(`${label(second)} time must not be before ${label(first)} time`);
  });

  it.each(pairs)('accepts %s equal to %s', (first, second) => {
    expect(incidentFactsSchema.safeParse({ ...phishingFacts(), timestamps: { [first]: base, [second]: base } }).success).toBe(true);
  });

  it('accepts any subset of missing timestamps', () => {
    expect(incidentFactsSchema.safeParse({ ...phishingFacts(), timestamps: {} }).success).toBe(true);
    expect(
      incidentFactsSchema.safeParse({ ...phishingFacts(), timestamps: { occurredAt: earlier, resolvedAt: base } }).success,
    ).toBe(true);
  });

  it('compares across a gap (occurred after resolved with nothing in between)', () => {
    const error = firstError(incidentFactsSchema, { ...phishingFacts(), timestamps: { occurredAt: base, resolvedAt: earlier } });
    expect(error.field).toBe('timestamps.resolvedAt');
  });

  it('compares instants, not strings, across time zones', () => {
    // 17:45 in Paris is 15:45 UTC, so reporting at 16:00 UTC is after it.
    const timestamps = { occurredAt: '2025-06-12T17:45:00+02:00', reportedAt: '2025-06-12T16:00:00Z' };
    expect(incidentFactsSchema.safeParse({ ...lostLaptopFacts(), timestamps }).success).toBe(true);
  });

  it('reports one problem when one value is wrong, not a cascade', () => {
    const timestamps = { ...phishingFacts().timestamps, detectedAt: '2025-03-01T00:00:00Z' };
    const error = firstError(incidentFactsSchema, { ...phishingFacts(), timestamps });
    expect(error.issues).toHaveLength(1);
  });
});

describe('section schemas', () => {
  it('timeline entries need text and distinct ids', () => {
    expect(firstError(timelineSchema, [{ id: 't1', at: '2025-03-03T08:12:00Z', text: '  ' }], 'timeline')).toMatchObject({
      field: 'timeline.0.text',
      message: 'Timeline entry text must not be empty',
    });
    const entry = { id: 't1', at: '2025-03-03T08:12:00Z', text: 'x' };
    expect(firstError(timelineSchema, [entry, entry]).message).toBe('Timeline entries must have distinct ids');
  });

  it('people are account ids', () => {
    const people = { ...phishingReview().people, legal: ['not an id!'] };
    expect(firstError(peopleSchema, people, 'people')).toMatchObject({
      field: 'people.legal.0',
      message: 'Legal member must be an Atlassian account id',
    });
  });

  it('why-chains have 1 to 10 steps', () => {
    const chain = phishingReview().fiveWhys[0];
    expect(firstError(fiveWhysSchema, [{ ...chain, steps: [] }]).message).toBe('A why-chain needs at least one step');
    const steps = Array.from({ length: 11 }, () => ({ why: 'Why?', because: 'Because' }));
    expect(firstError(fiveWhysSchema, [{ ...chain, steps }]).message).toBe('Why-chain steps can have at most 10 entries');
  });

  it('fishbone causes must belong to a category on the diagram', () => {
    const fishbone = phishingReview().fishbone;
    const error = firstError(fishboneSchema, { ...fishbone, causes: [{ id: 'f9', categoryId: 'weather', text: 'Storm' }] }, 'fishbone');
    expect(error).toMatchObject({ field: 'fishbone.causes.0.categoryId' });
    expect(error.message).toContain('Storm');
  });

  it('root causes cannot be promoted twice from the same source', () => {
    const [first] = phishingReview().rootCauses;
    const error = firstError(rootCausesSchema, [first, { ...first, id: 'r9' }]);
    expect(error.message).toContain('already promoted from the same source');
  });
});

describe('review document', () => {
  it('creates a draft at version 1 with default fishbone categories', () => {
    const created = createReview({ incident: INCIDENT, actor: DANA, at: '2025-03-07T12:00:00Z' });
    expect(created.ok && created.value).toMatchObject({
      version: 1,
      workflow: { stage: 'draft', history: [] },
      createdBy: DANA,
      updatedBy: DANA,
    });
    expect(created.ok && created.value.fishbone.categories.map((category) => category.id)).toEqual([
      'people', 'process', 'technology', 'environment', 'suppliers', 'governance',
    ]);
  });

  it('refuses a malformed issue key', () => {
    const created = createReview({ incident: { ...INCIDENT, issueKey: 'SEC 42' }, actor: DANA, at: '2025-03-07T12:00:00Z' });
    expect(!created.ok && created.error).toMatchObject({ field: 'incident.issueKey', message: 'Issue key must look like SEC-123' });
  });

  it('parses a stored review and rejects a broken one', () => {
    expect(parseReview(JSON.parse(JSON.stringify(phishingReview())) as unknown).ok).toBe(true);
    const broken = { ...phishingReview(), version: 0 };
    expect(parseReview(broken)).toMatchObject({ ok: false, error: { field: 'version', message: 'Version must be at least 1' } });
  });
});
