import { useCallback, useMemo, useRef, useState } from 'react';
import type { PanelView } from '../../../../src/api/views';
import {
  isEditableStage,
  type AvailableTransition,
  type BlamelessWarning,
  type Review,
  type ReviewStage,
  type SectionName,
  type SectionValue,
} from '../../../../src/domain/review';
import type { DecisionInput, DecisionOption } from '../../../../src/domain/decisions';
import { call, type CallError } from '../../../shared/client';
import type { FieldErrors } from '../../../shared/form/field-id';
import { without } from '../../../shared/without';
import { asCallError } from './errors';
import { IDLE, type Drafts, type SaveStatus } from './types';

export interface ReviewSession {
  view: Omit<PanelView, 'review' | 'transitions'>;
  review: Review;
  transitions: AvailableTransition[];
  /** The user may change content now (permission and stage). */
  editable: boolean;
  valueOf: <S extends SectionName>(section: S) => SectionValue<S>;
  setDraft: <S extends SectionName>(section: S, value: SectionValue<S>) => void;
  discard: (section: SectionName) => void;
  isDirty: (section: SectionName) => boolean;
  dirtySections: SectionName[];
  statusOf: (section: SectionName) => SaveStatus;
  serverErrorsOf: (section: SectionName) => FieldErrors;
  warningsOf: (section: SectionName) => BlamelessWarning[];
  /** Saves one section (queued behind earlier saves, so each uses the latest version). True when stored. */
  saveSection: <S extends SectionName>(section: S, value: SectionValue<S>) => Promise<boolean>;
  /** Unsaved decision edits per root cause (the decisions are edited one root cause at a time). */
  decisionDrafts: ReadonlyMap<string, DecisionDraft>;
  /** Sets (or, with null, drops) the unsaved decision of one root cause. */
  setDecisionDraft: (rootCauseId: string, draft: DecisionDraft | null) => void;
  /** Saves the decisions section (the server stamps who decided and when); the refusal, or null when stored. */
  saveDecisions: (decisions: readonly DecisionInput[]) => Promise<CallError | null>;
  /** Takes the stored review again after a change made elsewhere (e.g. an approval), keeping unsaved input. */
  refreshReview: () => Promise<void>;
  transition: (target: ReviewStage, reason?: string) => Promise<CallError | null>;
  /** "Changed by X at T — reload": set when a write was refused as stale. */
  conflict: string | null;
  reload: () => Promise<void>;
  reloading: boolean;
  /** Shown once after a reload that kept unsaved input. */
  reloadNote: string | null;
}

/** A decision as it is being edited: the option may still be unchosen. */
export interface DecisionDraft {
  option: DecisionOption | '';
  rationale: string;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** Whether an edited decision differs from the stored one (none stored = an empty draft is no change). */
export function decisionDraftChanged(draft: DecisionDraft, stored: { option: DecisionOption; rationale: string } | undefined): boolean {
  return stored === undefined ? draft.option !== '' || draft.rationale.trim() !== '' : draft.option !== stored.option || draft.rationale !== stored.rationale;
}

/** The open review in the browser: last stored version, unsaved drafts, per-section save state. */
export function useReviewSession(initial: PanelView & { review: Review }): ReviewSession {
  const { issue, canEdit, isIncident, taxonomy } = initial;
  const [review, setReview] = useState<Review>(initial.review);
  const [transitions, setTransitions] = useState(initial.transitions);
  const [drafts, setDrafts] = useState<Drafts>({});
  const [statuses, setStatuses] = useState<Partial<Record<SectionName, SaveStatus>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<SectionName, FieldErrors>>>({});
  const [warnings, setWarnings] = useState<Partial<Record<SectionName, BlamelessWarning[]>>>({});
  const [conflict, setConflict] = useState<string | null>(null);
  const [reloading, setReloading] = useState(false);
  const [reloadNote, setReloadNote] = useState<string | null>(null);
  const [decisionDrafts, setDecisionDrafts] = useState<ReadonlyMap<string, DecisionDraft>>(new Map());
  const latest = useRef(review);
  const queue = useRef<Promise<unknown>>(Promise.resolve());

  const accept = useCallback((next: Review, nextTransitions: AvailableTransition[]) => {
    latest.current = next;
    setReview(next);
    setTransitions(nextTransitions);
  }, []);

  const setStatus = useCallback((section: SectionName, status: SaveStatus) => {
    setStatuses((current) => ({ ...current, [section]: status }));
  }, []);

  const valueOf = useCallback(
    <S extends SectionName>(section: S): SectionValue<S> => drafts[section] ?? review[section],
    [drafts, review],
  );

  const setDraft = useCallback(<S extends SectionName>(section: S, value: SectionValue<S>) => {
    setDrafts((current) => ({ ...current, [section]: value }));
    setServerErrors((current) => (current[section] ? { ...current, [section]: {} } : current));
    setStatuses((current) => (current[section]?.kind === 'saved' || current[section]?.kind === 'unchanged' ? { ...current, [section]: IDLE } : current));
  }, []);

  const discard = useCallback((section: SectionName) => {
    if (section === 'decisions') setDecisionDrafts(new Map());
    setDrafts((current) => without(current, section));
    setServerErrors((current) => ({ ...current, [section]: {} }));
    setStatus(section, IDLE);
  }, [setStatus]);

  const decisionsDirty = useMemo(
    () => [...decisionDrafts].some(([rootCauseId, draft]) => decisionDraftChanged(draft, review.decisions.find((decision) => decision.rootCauseId === rootCauseId))),
    [decisionDrafts, review.decisions],
  );

  const isDirty = useCallback(
    (section: SectionName) => (section === 'decisions' ? decisionsDirty : drafts[section] !== undefined && !same(drafts[section], review[section])),
    [decisionsDirty, drafts, review],
  );

  /** Queued behind earlier writes, so each write is based on the latest stored version. */
  const enqueue = useCallback(<T,>(run: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(run, run);
    queue.current = next;
    return next;
  }, []);

  const store = useCallback(
    (section: SectionName, value: unknown): Promise<CallError | null> => {
      setStatus(section, { kind: 'saving' });
      return enqueue(async (): Promise<CallError | null> => {
        try {
          const result = await call('saveReviewSection', { issueKey: issue.key, section, value, baseVersion: latest.current.version });
          accept(result.review, result.transitions);
          // Keep anything typed while the save was under way; drop the draft that was saved.
          setDrafts((current) => (current[section] === value ? without(current, section) : current));
          setWarnings((current) => ({ ...current, [section]: result.warnings }));
          setStatus(section, result.saved ? { kind: 'saved', at: result.review.updatedAt } : { kind: 'unchanged' });
          return null;
        } catch (error) {
          const failure = asCallError(error);
          if (failure.body.code === 'CONFLICT') setConflict(failure.message);
          if (failure.body.code === 'INVALID_INPUT' && failure.body.field) {
            const field = failure.body.field;
            setServerErrors((current) => ({ ...current, [section]: { [field]: failure.message } }));
          }
          setStatus(section, { kind: 'error', message: failure.message });
          return failure;
        }
      });
    },
    [accept, enqueue, issue.key, setStatus],
  );

  const saveSection = useCallback(
    <S extends SectionName>(section: S, value: SectionValue<S>): Promise<boolean> => store(section, value).then((failure) => failure === null),
    [store],
  );

  const setDecisionDraft = useCallback((rootCauseId: string, draft: DecisionDraft | null) => {
    setDecisionDrafts((current) => {
      const next = new Map(current);
      if (draft === null) next.delete(rootCauseId);
      else next.set(rootCauseId, draft);
      return next;
    });
    setServerErrors((current) => (current.decisions ? { ...current, decisions: {} } : current));
  }, []);

  const saveDecisions = useCallback((decisions: readonly DecisionInput[]) => store('decisions', decisions), [store]);

  const refreshReview = useCallback(
    () =>
      enqueue(async () => {
        try {
          const fresh = await call('getPanel', { issueKey: issue.key });
          if (fresh.review !== null) accept(fresh.review, fresh.transitions);
        } catch {
          // The next save says what is wrong (e.g. a conflict), with a reload; nothing is lost.
        }
      }),
    [accept, enqueue, issue.key],
  );

  const transition = useCallback(
    (target: ReviewStage, reason?: string): Promise<CallError | null> =>
      enqueue(async (): Promise<CallError | null> => {
        try {
          const result = await call('transitionReview', {
            issueKey: issue.key,
            target,
            baseVersion: latest.current.version,
            ...(reason ? { reason } : {}),
          });
          accept(result.review, result.transitions);
          return null;
        } catch (error) {
          const failure = asCallError(error);
          if (failure.body.code === 'CONFLICT') setConflict(failure.message);
          return failure;
        }
      }),
    [accept, enqueue, issue.key],
  );

  const dirtySections = useMemo(
    () => [
      ...(Object.keys(drafts) as SectionName[]).filter((section) => section !== 'decisions' && !same(drafts[section], review[section])),
      ...(decisionsDirty ? (['decisions'] as const) : []),
    ],
    [decisionsDirty, drafts, review],
  );

  const reload = useCallback(async () => {
    setReloading(true);
    try {
      const fresh = await call('getPanel', { issueKey: issue.key });
      if (fresh.review !== null) accept(fresh.review, fresh.transitions);
      setConflict(null);
      setStatuses({});
      setServerErrors({});
      setReloadNote(
        dirtySections.length > 0
          ? 'Loaded the latest version. Your unsaved changes are still in the form: compare them with the latest version, then save again.'
          : 'Loaded the latest version.',
      );
    } catch (error) {
      setConflict(asCallError(error).message);
    } finally {
      setReloading(false);
    }
  }, [accept, dirtySections.length, issue.key]);

  const editable = canEdit && isEditableStage(review.workflow.stage);

  return {
    view: { issue, canEdit, isIncident, taxonomy },
    review,
    transitions,
    editable,
    valueOf,
    setDraft,
    discard,
    isDirty,
    dirtySections,
    statusOf: (section) => statuses[section] ?? IDLE,
    serverErrorsOf: (section) => serverErrors[section] ?? {},
    warningsOf: (section) => warnings[section] ?? [],
    saveSection,
    decisionDrafts,
    setDecisionDraft,
    saveDecisions,
    refreshReview,
    transition,
    conflict,
    reload,
    reloading,
    reloadNote,
  };
}
