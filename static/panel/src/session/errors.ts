import { CallError } from '../../../shared/client';

export const asCallError = (error: unknown): CallError =>
  error instanceof CallError ? error : new CallError({ code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) });
