import { requestJira } from '@forge/bridge';
import { useEffect, useState } from 'react';
import { z } from 'zod';

const projectSchema = z.object({ name: z.string() });

/**
 * The project's name for the heading, read in the browser as the user (they can see the project
 * anyway), after the page has rendered: it costs the app's resolvers nothing and never delays
 * the figures. The key stands in until it arrives, or if it cannot be read.
 */
export function useProjectName(projectKey: string): string {
  const [name, setName] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    requestJira(`/rest/api/3/project/${encodeURIComponent(projectKey)}`, { method: 'GET', headers: { Accept: 'application/json' } })
      .then(async (response) => (response.ok ? projectSchema.safeParse(await response.json()) : undefined))
      .then(
        (parsed) => { if (live && parsed?.success === true) setName(parsed.data.name); },
        () => undefined,
      );
    return () => { live = false; };
  }, [projectKey]);
  return name ?? projectKey;
}
