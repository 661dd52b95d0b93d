import { z } from 'zod';

/** Jira keys as Jira allows them; validating the shape early keeps junk out of routes and storage keys. */
export const issueKeySchema = z
  .string({ error: 'issueKey is required' })
  .regex(/^[A-Z][A-Z0-9_]{0,9}-[1-9]\d{0,9}$/, 'issueKey must be a Jira issue key such as SEC-12');

export const projectKeySchema = z
  .string({ error: 'projectKey is required' })
  .regex(/^[A-Z][A-Z0-9_]{0,9}$/, 'projectKey must be a Jira project key such as SEC');

/** An opaque page cursor handed out by a previous page; never empty. */
export const cursorSchema = z.string().min(1, { error: 'cursor must not be empty' }).max(2000, { error: 'cursor is too long' });
