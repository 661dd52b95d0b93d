import type { Database, Statement } from 'better-sqlite3';

/**
 * better-sqlite3 returns `unknown` rows; these readers turn a column into a typed value and fail
 * loudly when the schema and the code disagree instead of letting `undefined` travel on.
 */
export type Row = Record<string, unknown>;

export function str(row: Row, column: string): string {
  const value = row[column];
  if (typeof value !== 'string') throw new Error(`jira emulator: column ${column} is not text`);
  return value;
}

export function strOrNull(row: Row, column: string): string | null {
  const value = row[column];
  return value === null || value === undefined ? null : str(row, column);
}

export function num(row: Row, column: string): number {
  const value = row[column];
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  throw new Error(`jira emulator: column ${column} is not a number`);
}

export function bool(row: Row, column: string): boolean {
  return num(row, column) !== 0;
}

export function rows(result: unknown[]): Row[] {
  return result as Row[];
}

export function rowOrUndefined(result: unknown): Row | undefined {
  return result as Row | undefined;
}

/** Prepared statements reused per SQL text: preparing dominates the cost of the emulator's tiny queries. */
export function statementCache(db: Database): (sql: string) => Statement {
  const cache = new Map<string, Statement>();
  return (sql) => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
}
