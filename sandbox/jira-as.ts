import type { JiraBackend, JiraPrincipal } from './backends';

/** Calls the Jira emulator's REST API as someone, for the fake-Jira pages and the seeders. */
export interface JiraReply<T> {
  status: number;
  body: T;
}

export async function jiraRequest<T = unknown>(jira: JiraBackend, as: JiraPrincipal, method: string, path: string, body?: unknown): Promise<JiraReply<T>> {
  const answer = await jira.handle({
    method,
    path,
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    as,
  });
  return { status: answer.status, body: (answer.body === '' ? undefined : JSON.parse(answer.body)) as T };
}
