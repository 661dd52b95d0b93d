import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { getUsers, type JiraUser } from './jira-users';

/** accountId → person, filled lazily from Jira so every screen can show names instead of ids. */
interface Directory {
  users: ReadonlyMap<string, JiraUser>;
  remember: (users: readonly JiraUser[]) => void;
  request: (accountIds: readonly string[]) => void;
}

const DirectoryContext = createContext<Directory | null>(null);

export function UserDirectoryProvider({ children }: { children: ReactNode }) {
  const [users, setUsers] = useState<ReadonlyMap<string, JiraUser>>(new Map());
  const asked = useRef(new Set<string>());

  const remember = useCallback((found: readonly JiraUser[]) => {
    if (found.length === 0) return;
    setUsers((current) => {
      const next = new Map(current);
      for (const user of found) next.set(user.accountId, user);
      return next;
    });
  }, []);

  const request = useCallback(
    (accountIds: readonly string[]) => {
      const missing = [...new Set(accountIds)].filter((id) => id !== '' && !asked.current.has(id));
      if (missing.length === 0) return;
      for (const id of missing) asked.current.add(id);
      getUsers(missing).then(remember, () => {
        // Names are a nicety: on failure the ids are asked for again on the next screen.
        for (const id of missing) asked.current.delete(id);
      });
    },
    [remember],
  );

  const value = useMemo(() => ({ users, remember, request }), [users, remember, request]);
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useUserDirectory(): Directory {
  const directory = useContext(DirectoryContext);
  if (directory === null) throw new Error('useUserDirectory needs a UserDirectoryProvider');
  return directory;
}

/** Asks for the names of these people once and answers a name (or a neutral placeholder) for each. */
export function useUserNames(accountIds: readonly string[]): (accountId: string) => string {
  const { users, request } = useUserDirectory();
  const key = [...new Set(accountIds)].sort().join(',');
  useEffect(() => {
    if (key !== '') request(key.split(','));
  }, [key, request]);
  return useCallback((accountId: string) => users.get(accountId)?.displayName ?? 'Loading name…', [users]);
}
