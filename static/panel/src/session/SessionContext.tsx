import { createContext, useContext } from 'react';
import type { ReviewSession } from './useReviewSession';

export const SessionContext = createContext<ReviewSession | null>(null);

export function useSession(): ReviewSession {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession needs the ReviewWorkspace');
  return session;
}
