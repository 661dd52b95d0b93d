import { formatAuditChange, SECTION_LABELS, SECTION_NAMES, type AuditChange, type AuditEvent } from '../../../../src/domain/review';

const ACCOUNT_ID = /^[A-Za-z0-9:_-]{10,128}$/;

/** The accountIds an event mentions (who, and people added or removed), for name look-up. */
export function accountIdsIn(event: AuditEvent): string[] {
  const mentioned = event.changes
    .filter((change) => change.path.startsWith('people.') || change.path.endsWith('.author') || change.path.endsWith('.decidedBy'))
    .flatMap((change) => [change.before, change.after].flatMap((value) => (value ? value.split(', ') : [])))
    .filter((token) => ACCOUNT_ID.test(token) && /\d/.test(token));
  return [event.by, ...mentioned];
}

export function eventTitle(event: AuditEvent): string {
  switch (event.kind) {
    case 'review-created':
      return 'Started the review';
    case 'stage-changed':
      return `Moved the review: ${event.changes[0] ? `${event.changes[0].before ?? ''} → ${event.changes[0].after ?? ''}` : 'stage changed'}`;
    case 'section-updated':
      return `Updated ${event.section && event.section !== 'workflow' ? SECTION_LABELS[event.section].toLowerCase() : 'the review'}`;
    case 'report-exported':
      return `Exported the lessons-learned report (${event.changes[0]?.after ?? 'report'})`;
    case 'report-attached':
      return `Attached the lessons-learned report to the issue (${event.changes[0]?.after ?? 'report'})`;
  }
}

const words = (segment: string): string => segment.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

/** "facts.timestamps.detectedAt" → "Incident facts › timestamps › detected at" (entry ids left out). */
function readablePath(path: string): string {
  const [first = '', ...rest] = path.replace(/\[id=[^\]]*\]/g, '').replace(/\[(\d+)\]/g, '.$1').split('.').filter(Boolean);
  const section = SECTION_NAMES.find((name) => name === first);
  const head = section ? SECTION_LABELS[section] : words(first);
  return [head, ...rest.map((segment) => (/^\d+$/.test(segment) ? `#${String(Number(segment) + 1)}` : words(segment)))].join(' › ');
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Entries without a text (a why-chain) are recorded as JSON; show what people recognise them by. */
function readableValue(value: string | undefined, formatTime: (iso: string) => string): string | undefined {
  if (value === undefined) return undefined;
  if (ISO_INSTANT.test(value)) return formatTime(value);
  if (!value.startsWith('{')) return value;
  try {
    const parsed: unknown = JSON.parse(value);
    if (typeof parsed === 'object' && parsed !== null && 'problem' in parsed && typeof parsed.problem === 'string') {
      return parsed.problem ? `why-chain “${parsed.problem}”` : 'a why-chain';
    }
  } catch {
    // Truncated JSON (long entries): fall through to the generic wording.
  }
  return 'an entry';
}

/** One change in words, via the domain's formatAuditChange, with names instead of accountIds. */
export function describeChange(change: AuditChange, nameOf: (accountId: string) => string | undefined, formatTime: (iso: string) => string): string {
  const before = readableValue(change.before, formatTime);
  const after = readableValue(change.after, formatTime);
  const line = formatAuditChange({ ...change, ...(before === undefined ? {} : { before }), ...(after === undefined ? {} : { after }) });
  const split = line.indexOf(': ');
  const what = split >= 0 ? line.slice(split) : '';
  const named = what.replace(/[A-Za-z0-9:_-]{10,128}/g, (token) => (/\d/.test(token) ? (nameOf(token) ?? token) : token));
  return `${readablePath(change.path)}${named}`;
}
