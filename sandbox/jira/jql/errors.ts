/**
 * JQL errors, worded like Jira Cloud's so the emulator can hand them back verbatim in a
 * `400 {"errorMessages": [...]}` response and app code that surfaces them behaves as in production.
 *
 * Jira has two families of messages:
 *  - syntax errors, prefixed "Error in the JQL Query:" and suffixed with a 1-based "(line L, character C)";
 *  - validation errors (unknown field, unsupported operator, bad date, unknown function) with no prefix.
 */

export class JqlError extends Error {
  /** The shape Jira's REST API uses for the 400 body; always one message here (Jira may list several). */
  readonly errorMessages: string[];

  constructor(message: string) {
    super(message);
    this.name = 'JqlError';
    this.errorMessages = [message];
  }
}

/** A place in the query text, 1-based like Jira's messages. */
export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

export function positionAt(text: string, offset: number): SourcePosition {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

export function syntaxError(detail: string, pos?: SourcePosition): JqlError {
  const where = pos ? ` (line ${pos.line}, character ${pos.column})` : '';
  return new JqlError(`Error in the JQL Query: ${detail}${where}`);
}

export function unknownField(name: string): JqlError {
  return new JqlError(`Field '${name}' does not exist or you do not have permission to view it.`);
}

export function unsupportedOperator(operator: string, field: string): JqlError {
  return new JqlError(`The operator '${operator}' is not supported by the '${field}' field.`);
}

export function unknownFunction(name: string): JqlError {
  return new JqlError(`Unable to find JQL function '${name}()'.`);
}

export function invalidDate(value: string, field: string): JqlError {
  return new JqlError(
    `Date value '${value}' for field '${field}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', 'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.`,
  );
}
