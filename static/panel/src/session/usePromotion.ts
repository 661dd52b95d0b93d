import { useCallback } from 'react';
import type { Result, RootCause } from '../../../../src/domain/review';
import { useSession } from './SessionContext';

/**
 * Promoting adds a root cause and saves the root causes at once. The source section is saved
 * first when it has unsaved changes, so the root cause never points at something unsaved.
 */
export function usePromotion(saveSource: () => Promise<boolean>, sourceDirty: boolean) {
  const session = useSession();
  const { saveSection, setDraft, valueOf } = session;
  return useCallback(
    async (build: (rootCauses: readonly RootCause[]) => Result<RootCause[]>): Promise<string | null> => {
      const result = build(valueOf('rootCauses'));
      if (!result.ok) return result.error.message;
      if (sourceDirty && !(await saveSource())) return 'Save this section first: it has problems or could not be saved.';
      setDraft('rootCauses', result.value);
      const saved = await saveSection('rootCauses', result.value);
      return saved ? null : 'The root cause could not be saved; see the Root causes section.';
    },
    [saveSection, saveSource, setDraft, sourceDirty, valueOf],
  );
}
