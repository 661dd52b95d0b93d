import { chainConclusion, LIMITS, type RootCause, type RootCauseTaxonomy, type WhyChain, type WhyStep } from '../../../../src/domain/review';
import { Field } from '../../../shared/form/Field';
import { PromoteControl } from '../components/PromoteControl';

interface WhyChainEditorProps {
  chain: WhyChain;
  index: number;
  readOnly: boolean;
  taxonomy: RootCauseTaxonomy;
  promoted: RootCause | undefined;
  errorAt: (path: string) => string | undefined;
  onChange: (chain: WhyChain) => void;
  onRemove: () => void;
  onPromote: (category: string) => Promise<string | null>;
}

/** One why-chain: the problem, then why/because steps; the last answer can become a root cause. */
export function WhyChainEditor({ chain, index, readOnly, taxonomy, promoted, errorAt, onChange, onRemove, onPromote }: WhyChainEditorProps) {
  const base = `fiveWhys.${String(index)}`;
  const name = `chain ${String(index + 1)}`;
  const setStep = (stepIndex: number, changes: Partial<WhyStep>) => {
    onChange({ ...chain, steps: chain.steps.map((step, i) => (i === stepIndex ? { ...step, ...changes } : step)) });
  };
  const conclusion = chainConclusion(chain);

  return (
    <article className="card why-chain" aria-labelledby={`${base}-title`}>
      <header className="card-header">
        <h3 id={`${base}-title`}>Why-chain {index + 1}</h3>
        {readOnly ? null : (
          <button type="button" className="button subtle-button" onClick={onRemove} aria-label={`Remove why-${name}`}>
            Remove
          </button>
        )}
      </header>
      <Field path={`${base}.problem`} label={`Problem statement (${name})`} error={errorAt(`${base}.problem`)}>
        {(control) => <textarea {...control} rows={2} value={chain.problem} readOnly={readOnly} maxLength={LIMITS.stepText} placeholder="e.g. Customer data was readable by anyone" onChange={(event) => { onChange({ ...chain, problem: event.target.value }); }} />}
      </Field>
      <ol className="why-steps">
        {chain.steps.map((step, stepIndex) => {
          const stepPath = `${base}.steps.${String(stepIndex)}`;
          const number = String(stepIndex + 1);
          return (
            <li key={stepIndex} className="why-step">
              <Field path={`${stepPath}.why`} label={`Why ${number}`} error={errorAt(`${stepPath}.why`)}>
                {(control) => <input {...control} type="text" value={step.why} readOnly={readOnly} maxLength={LIMITS.stepText} onChange={(event) => { setStep(stepIndex, { why: event.target.value }); }} />}
              </Field>
              <Field path={`${stepPath}.because`} label={`Because ${number}`} error={errorAt(`${stepPath}.because`)}>
                {(control) => <textarea {...control} rows={2} value={step.because} readOnly={readOnly} maxLength={LIMITS.stepText} onChange={(event) => { setStep(stepIndex, { because: event.target.value }); }} />}
              </Field>
              {readOnly || chain.steps.length === 1 ? null : (
                <button type="button" className="button subtle-button" aria-label={`Remove step ${number} of ${name}`} onClick={() => { onChange({ ...chain, steps: chain.steps.filter((_, i) => i !== stepIndex) }); }}>
                  Remove step
                </button>
              )}
            </li>
          );
        })}
      </ol>
      {readOnly ? null : (
        <button
          type="button"
          className="button"
          disabled={chain.steps.length >= LIMITS.whySteps}
          onClick={() => { onChange({ ...chain, steps: [...chain.steps, { why: 'Why?', because: '' }] }); }}
        >
          Ask why again
        </button>
      )}
      <PromoteControl
        subject={name}
        taxonomy={taxonomy}
        promoted={promoted}
        readOnly={readOnly}
        blockedReason={conclusion ? undefined : 'Answer the last “why” to promote it to a root cause.'}
        onPromote={onPromote}
      />
    </article>
  );
}
