import type { ReactNode } from 'react';
import { SECTION_LABELS, type SectionName } from '../../../../src/domain/review';
import type { SectionEditor } from '../session/useSectionEditor';
import { SaveBar } from './SaveBar';

interface SectionFrameProps<S extends SectionName> {
  /** The section's editor: its save state, problems and handlers drive the frame. */
  editor: SectionEditor<S>;
  description: ReactNode;
  children: ReactNode;
  /** Blameless hints and the like, shown under the heading. */
  notices?: ReactNode;
}

/** Heading, guidance, the form, and the save bar with the problems that block saving. */
export function SectionFrame<S extends SectionName>({ editor, description, children, notices }: SectionFrameProps<S>) {
  const { section, readOnly, dirty, status, problems, attempted, discard, onBlurCapture } = editor;
  const onSave = () => void editor.save();
  const headingId = `${section}-heading`;
  return (
    <section className="review-section" aria-labelledby={headingId} onBlurCapture={onBlurCapture}>
      <h2 id={headingId}>{SECTION_LABELS[section]}</h2>
      <div className="section-description subtle">{description}</div>
      {notices}
      <div className="section-body">{children}</div>
      {readOnly ? null : (
        <>
          {attempted && problems.length > 0 ? (
            <div className="section-message error" role="alert" id={`${section}-problems`} tabIndex={-1}>
              <div>
                <strong>Fix {problems.length === 1 ? 'this problem' : `these ${String(problems.length)} problems`} before saving</strong>
                <ul className="problem-list">
                  {problems.slice(0, 8).map((problem) => (
                    <li key={`${problem.field}:${problem.message}`}>{problem.message}</li>
                  ))}
                </ul>
                <p className="subtlest">Nothing was saved.</p>
              </div>
            </div>
          ) : null}
          {status.kind === 'error' ? (
            <div className="section-message error" role="alert">
              <div>
                <strong>Not saved</strong>
                <p>{status.message}</p>
                <p className="subtlest">Your input is kept in the form.</p>
              </div>
            </div>
          ) : null}
          <SaveBar section={section} dirty={dirty} status={status} onSave={onSave} onDiscard={discard} />
        </>
      )}
    </section>
  );
}
