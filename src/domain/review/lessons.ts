/**
 * R12 lessons learned: the eight questions. "What was the root cause?" is derived from the
 * root causes section, so it is never typed twice and can never disagree with the RCA.
 */
import { z } from 'zod';
import { text } from './fields';
import { LIMITS } from './limits';
import { categoryLabel, type RootCause, type RootCauseTaxonomy } from './root-causes';

export const lessonsSchema = z.object({
  whatWasTheIncident: text('What was the incident', LIMITS.lessonAnswer),
  whatHappened: text('What happened', LIMITS.lessonAnswer),
  whatWasTheImpact: text('What was the impact', LIMITS.lessonAnswer),
  howEffectiveWasTheResponse: text('How effective was the response', LIMITS.lessonAnswer),
  whatWentWell: text('What went well', LIMITS.lessonAnswer),
  whatWouldWeDoDifferently: text('What would we do differently', LIMITS.lessonAnswer),
  whatImprovementsAreNeeded: text('What improvements are needed', LIMITS.lessonAnswer),
});

export type Lessons = z.infer<typeof lessonsSchema>;
export type TypedLessonQuestion = keyof Lessons;
export type LessonQuestionId = TypedLessonQuestion | 'whatWasTheRootCause';

/** The eight questions in the order of the record and the report. */
export const LESSON_QUESTIONS: readonly { id: LessonQuestionId; question: string; derived: boolean }[] = [
  { id: 'whatWasTheIncident', question: 'What was the incident?', derived: false },
  { id: 'whatHappened', question: 'What happened?', derived: false },
  { id: 'whatWasTheImpact', question: 'What was the impact?', derived: false },
  { id: 'whatWasTheRootCause', question: 'What was the root cause?', derived: true },
  { id: 'howEffectiveWasTheResponse', question: 'How effective was the response?', derived: false },
  { id: 'whatWentWell', question: 'What went well?', derived: false },
  { id: 'whatWouldWeDoDifferently', question: 'What would we do differently?', derived: false },
  { id: 'whatImprovementsAreNeeded', question: 'What improvements are needed so that it does not happen again?', derived: false },
];

/** The seven questions people answer in words (the root cause one is derived). */
export const TYPED_LESSON_QUESTIONS: readonly { id: TypedLessonQuestion; question: string }[] = LESSON_QUESTIONS.flatMap(
  ({ id, question }) => (id === 'whatWasTheRootCause' ? [] : [{ id, question }]),
);

export const emptyLessons = (): Lessons => ({
  whatWasTheIncident: '',
  whatHappened: '',
  whatWasTheImpact: '',
  howEffectiveWasTheResponse: '',
  whatWentWell: '',
  whatWouldWeDoDifferently: '',
  whatImprovementsAreNeeded: '',
});

/** "Phishing e-mail not filtered (Awareness and training); …" — empty when no root cause yet. */
export const deriveRootCauseAnswer = (rootCauses: readonly RootCause[], taxonomy: RootCauseTaxonomy = []): string =>
  rootCauses.map((rootCause) => `${rootCause.text} (${categoryLabel(taxonomy, rootCause.category)})`).join('; ');

/** All eight questions with their answers, for the panel summary and the lessons-learned report. */
export const lessonAnswers = (
  lessons: Lessons,
  rootCauses: readonly RootCause[],
  taxonomy: RootCauseTaxonomy = [],
): { id: LessonQuestionId; question: string; answer: string; derived: boolean }[] =>
  LESSON_QUESTIONS.map(({ id, question, derived }) => ({
    id,
    question,
    derived,
    answer: id === 'whatWasTheRootCause' ? deriveRootCauseAnswer(rootCauses, taxonomy) : lessons[id],
  }));
