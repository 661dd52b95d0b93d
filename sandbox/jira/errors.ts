/**
 * Jira's error body is always `{errorMessages: string[], errors: {field: message}}`; handlers throw
 * `JiraError` and the emulator serialises it. Messages are the ones Jira Cloud returns, so app code
 * that surfaces them to users shows the same text locally.
 */
export class JiraError extends Error {
  constructor(
    readonly status: number,
    readonly errorMessages: readonly string[],
    readonly errors: Readonly<Record<string, string>> = {},
  ) {
    super(errorMessages[0] ?? Object.values(errors)[0] ?? `HTTP ${status}`);
    this.name = 'JiraError';
  }

  toBody(): { errorMessages: string[]; errors: Record<string, string> } {
    return { errorMessages: [...this.errorMessages], errors: { ...this.errors } };
  }
}

export const ISSUE_NOT_FOUND_MESSAGE = 'Issue does not exist or you do not have permission to see it.';

export function issueNotFound(): JiraError {
  return new JiraError(404, [ISSUE_NOT_FOUND_MESSAGE]);
}

export function projectNotFound(idOrKey: string): JiraError {
  return new JiraError(404, [`No project could be found with key '${idOrKey}'.`]);
}

export function notAuthenticated(): JiraError {
  return new JiraError(401, ['You are not authenticated. Authentication required to perform this operation.']);
}

export function forbidden(message: string): JiraError {
  return new JiraError(403, [message]);
}

export function badRequest(messages: readonly string[], errors: Record<string, string> = {}): JiraError {
  return new JiraError(400, messages, errors);
}

/** Field validation failures: Jira reports them per field with no top-level message. */
export function fieldErrors(errors: Record<string, string>): JiraError {
  return new JiraError(400, [], errors);
}
