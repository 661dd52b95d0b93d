import { lessonAnswers, LIMITS, type LessonQuestionId, type Lessons, type TypedLessonQuestion } from '../../../../src/domain/review';
import { Field } from '../../../shared/form/Field';
import { SectionFrame } from '../components/SectionFrame';
import { useSession } from '../session/SessionContext';
import { useSectionEditor } from '../session/useSectionEditor';

const isTyped = (id: LessonQuestionId): id is TypedLessonQuestion => id !== 'whatWasTheRootCause';

/** R12: the eight questions of the lessons-learned record; the root cause one comes from the analysis. */
export function LessonsSection({ onOpenRootCauses }: { onOpenRootCauses: () => void }) {
  const editor = useSectionEditor('lessons');
  const session = useSession();
  const { value: lessons, readOnly, errorAt } = editor;
  const answers = lessonAnswers(lessons, session.review.rootCauses, session.view.taxonomy);
  const set = (id: TypedLessonQuestion, text: string) => { editor.change({ ...lessons, [id]: text } satisfies Lessons); };

  return (
    <SectionFrame
      editor={editor}
      description="What the organisation learned, in words others can reuse. Answer each question; the root cause is taken from the Root causes section."
    >
      <ol className="lessons">
        {answers.map((answer) => {
          const { id } = answer;
          if (!isTyped(id)) {
            return (
              <li key={id} className="lesson derived">
                <span className="field-label" id="lesson-root-cause-label">
                  {answer.question}
                </span>
                <p className="derived-answer" aria-labelledby="lesson-root-cause-label">
                  {answer.answer || <span className="subtlest">No root cause identified yet.</span>}
                </p>
                <p className="subtlest">
                  Derived from the saved root causes.{' '}
                  <button type="button" className="link-button" onClick={onOpenRootCauses}>
                    Edit root causes
                  </button>
                </p>
              </li>
            );
          }
          const path = `lessons.${id}`;
          return (
            <li key={id} className="lesson">
              <Field path={path} label={answer.question} error={errorAt(path)}>
                {(control) => <textarea {...control} rows={3} value={lessons[id]} readOnly={readOnly} maxLength={LIMITS.lessonAnswer} onChange={(event) => { set(id, event.target.value); }} />}
              </Field>
            </li>
          );
        })}
      </ol>
    </SectionFrame>
  );
}
