import { AppError } from '../api/errors';
import type { DomainError } from '../domain/review';

/** Domain refusals become the envelope's error codes; the domain's message is already user-facing. */
export function toAppError(error: DomainError): AppError {
  switch (error.code) {
    case 'invalid':
      return new AppError('INVALID_INPUT', error.message, error.field);
    case 'conflict':
      return new AppError('CONFLICT', error.message);
    case 'guard-failed':
      return new AppError('NOT_READY', `${error.message} Still missing: ${error.missing.map((item) => item.label).join('; ')}.`);
    case 'too-large':
      return new AppError('TOO_LARGE', error.message, error.field);
    case 'not-found':
      return new AppError('NOT_FOUND', error.message, error.field);
    case 'transition-not-allowed':
    case 'not-editable':
    case 'already-promoted':
    case 'not-allowed':
      return new AppError('NOT_ALLOWED', error.message, error.field);
  }
}
