/** Counts every platform call by class and endpoint, so tests and the bench can assert round trips. */
export interface CallRecord {
  callClass: 'kvs' | 'jira';
  /** e.g. `kvs /api/v1/entity/get` or `GET /rest/api/3/issue/{id}` */
  operation: string;
  principal: string;
}

export class CallLog {
  readonly calls: CallRecord[] = [];

  record(call: CallRecord): void {
    this.calls.push(call);
  }

  reset(): void {
    this.calls.length = 0;
  }

  count(callClass?: 'kvs' | 'jira'): number {
    return callClass === undefined ? this.calls.length : this.calls.filter((c) => c.callClass === callClass).length;
  }

  byOperation(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const call of this.calls) counts[call.operation] = (counts[call.operation] ?? 0) + 1;
    return counts;
  }
}

/** Collapses ids and keys in a REST path so counts group by endpoint, not by issue. */
export function endpointOf(method: string, path: string): string {
  const bare = path.split('?')[0] ?? path;
  const segments = bare.split('/');
  // The version after /api/ is part of the endpoint; other numbers and issue keys are ids.
  const normalised = segments
    .map((segment, index) => (segments[index - 1] !== 'api' && (/^[A-Z][A-Z0-9_]*-\d+$/.test(segment) || /^\d+$/.test(segment)) ? '{id}' : segment))
    .join('/');
  return `${method.toUpperCase()} ${normalised}`;
}
