/**
 * Field builders whose error messages name the field in plain words ("Summary must be at most
 * 255 characters"), so the same message reads well in a resolver error and next to a form control.
 */
import { z } from 'zod';
import { parseISO, isValid } from 'date-fns';
import { LIMITS } from './limits';

const isMissing = (input: unknown): boolean => input === undefined || input === null;

/** Free text, possibly empty (drafts are saved incomplete; the checklist asks for completeness). */
export const text = (label: string, max: number) =>
  z
    .string({ error: (issue) => (isMissing(issue.input) ? `${label} is required` : `${label} must be text`) })
    .max(max, { error: `${label} must be at most ${max} characters` });

/** Text that must contain something other than spaces. */
export const requiredText = (label: string, max: number) =>
  text(label, max).refine((value) => value.trim().length > 0, { error: `${label} must not be empty` });

export const list = <T extends z.ZodType>(label: string, item: T, max: number) =>
  z
    .array(item, { error: (issue) => (isMissing(issue.input) ? `${label} is required` : `${label} must be a list`) })
    .max(max, { error: `${label} can have at most ${max} entries` });

/** A list whose entries must not repeat (tags, people, C/I/A properties). */
export const uniqueList = <T extends z.ZodType>(label: string, item: T, max: number) =>
  list(label, item, max).refine((values) => new Set(values).size === values.length, {
    error: `${label} must not contain duplicates`,
  });

export const oneOf = <const T extends readonly [string, ...string[]]>(label: string, values: T) =>
  z.enum(values, {
    error: (issue) =>
      isMissing(issue.input) ? `${label} is required` : `${label} must be one of: ${values.join(', ')}`,
  });

const isoDateTimeWithOffset = z.iso.datetime({ offset: true });

/**
 * An instant with an explicit offset (`Z` or `±hh:mm`), as JavaScript's toISOString produces.
 * Jira's `+0000` form is normalised by the prefill before it gets here.
 */
export const instant = (label: string) =>
  z
    .string({ error: (issue) => (isMissing(issue.input) ? `${label} is required` : `${label} must be a date and time`) })
    .refine((value) => isoDateTimeWithOffset.safeParse(value).success && isValid(parseISO(value)), {
      error: `${label} must be a date and time such as 2025-03-14T09:30:00Z`,
    });

/** Client-generated ids (crypto.randomUUID() in the panel): short and safe in keys and paths. */
export const entityId = (label: string) =>
  z
    .string({ error: `${label} id is required` })
    .regex(new RegExp(`^[A-Za-z0-9_-]{1,${LIMITS.idLength}}$`), { error: `${label} id must be 1–${LIMITS.idLength} letters, digits, - or _` });

/** Atlassian accountIds look like `5b10ac8d82e05b22cc7d4ef5` or `557058:f58131cb-…`. */
export const accountId = (label: string) =>
  z
    .string({ error: (issue) => (isMissing(issue.input) ? `${label} is required` : `${label} must be an Atlassian account id`) })
    .regex(new RegExp(`^[A-Za-z0-9:_-]{1,${LIMITS.accountIdLength}}$`), { error: `${label} must be an Atlassian account id` });

export const parseInstant = (value: string): Date => parseISO(value);
