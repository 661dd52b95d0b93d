/**
 * R14 lessons library: what a review stores beside its document so the project's reviews can be
 * searched with indexed, filtered storage queries (no scan in code), and what a search result shows.
 */
import { TYPED_LESSON_QUESTIONS, type Review } from '../review';
import { incidentInstant, stageSince } from './contributions';

/** Search text is capped so a long review stays well inside the storage value limit. */
export const SEARCH_TEXT_LIMIT = 12_000;

export interface ReviewSearchAttributes {
  /** Epoch millis of the incident (the library's and the repeat view's date index). */
  occurredAt: number;
  stageSince: number;
  incidentType: string;
  severity: string;
  /** `|access-control|supplier|`: delimited so `contains('|supplier|')` matches whole keys only. */
  categories: string;
  /** `|phishing|gdpr|`, lower-cased. */
  tags: string;
  /** Lower-cased summary, lessons, root causes and facts, single-spaced. */
  searchText: string;
}

const fold = (text: string): string => text.toLowerCase().replace(/\s+/g, ' ').trim();

export const delimited = (values: readonly string[]): string => (values.length === 0 ? '' : `|${values.join('|')}|`);

export function reviewSearchAttributes(review: Review): ReviewSearchAttributes {
  const { facts, lessons } = review;
  const parts = [
    facts.summary,
    ...TYPED_LESSON_QUESTIONS.map(({ id }) => lessons[id]),
    ...review.rootCauses.map((rootCause) => rootCause.text),
    facts.impact,
    ...facts.tags,
    ...facts.affectedAssets,
    ...facts.remediationSteps,
  ];
  return {
    occurredAt: Date.parse(incidentInstant(review)),
    stageSince: Date.parse(stageSince(review)),
    incidentType: facts.type ?? 'unknown',
    severity: facts.severity ?? 'unknown',
    categories: delimited([...new Set(review.rootCauses.map((rootCause) => rootCause.category))]),
    tags: delimited(facts.tags.map((tag) => fold(tag).replace(/\|/g, ' '))),
    searchText: fold(parts.filter((part) => part !== '').join(' \n ')).slice(0, SEARCH_TEXT_LIMIT),
  };
}

/** Up to five lower-cased words of two or more characters; all must occur (in any order). */
export function searchTerms(text: string): string[] {
  return [...new Set(fold(text).split(' ').filter((word) => word.length >= 2))].slice(0, 5);
}

export interface KeyLesson {
  question: string;
  answer: string;
}

const KEY_QUESTIONS = ['whatImprovementsAreNeeded', 'whatWouldWeDoDifferently', 'whatWentWell'] as const;

/** The lessons a reader of the library wants first, each shortened to a preview. */
export function keyLessons(review: Review, maxLength = 400): KeyLesson[] {
  return KEY_QUESTIONS.flatMap((id) => {
    const answer = review.lessons[id].trim();
    const question = TYPED_LESSON_QUESTIONS.find((candidate) => candidate.id === id)?.question ?? id;
    return answer === '' ? [] : [{ question, answer: answer.length > maxLength ? `${answer.slice(0, maxLength - 1)}…` : answer }];
  });
}
