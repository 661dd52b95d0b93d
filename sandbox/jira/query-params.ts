/** Typed access to a request's query string, with Jira's comma-separated list convention. */
export class QueryParams {
  constructor(private readonly params: URLSearchParams) {}

  static parse(search: string): QueryParams {
    return new QueryParams(new URLSearchParams(search));
  }

  has(name: string): boolean {
    return this.params.has(name);
  }

  string(name: string): string | undefined {
    return this.params.get(name) ?? undefined;
  }

  /** Repeated parameters and comma-separated values both count, as Jira accepts either. */
  list(name: string): string[] {
    return this.params
      .getAll(name)
      .flatMap((value) => value.split(','))
      .map((value) => value.trim())
      .filter((value) => value !== '');
  }

  /** Repeated parameters only (for values that may contain commas, such as account ids). */
  repeated(name: string): string[] {
    return this.params.getAll(name);
  }

  int(name: string, fallback: number): number {
    const raw = this.params.get(name);
    if (raw === null || raw.trim() === '') return fallback;
    const value = Number(raw);
    return Number.isInteger(value) ? value : fallback;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.params.get(name);
    if (raw === null) return fallback;
    return raw.toLowerCase() === 'true';
  }
}
