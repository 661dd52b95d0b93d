/** Turns zod's issues into our ValidationError so callers never see zod types. */
import type { z } from 'zod';
import { fail, ok, type FieldIssue, type Result, type ValidationError } from './result';

const joinPath = (prefix: string | undefined, path: readonly PropertyKey[]): string =>
  [...(prefix ? [prefix] : []), ...path.map((segment) => String(segment))].join('.');

export function validate<S extends z.ZodType>(
  schema: S,
  value: unknown,
  fieldPrefix?: string,
): Result<z.output<S>, ValidationError> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return ok(parsed.data);
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
    field: joinPath(fieldPrefix, issue.path),
    message: issue.message,
  }));
  const first = issues[0] ?? { field: fieldPrefix ?? '', message: 'The value is not valid' };
  return fail({
    code: 'invalid',
    message: first.message,
    ...(first.field ? { field: first.field } : {}),
    issues,
  });
}
