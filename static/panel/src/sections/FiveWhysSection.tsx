import { findPromotedFrom, LIMITS, promoteWhyChain, type WhyChain } from '../../../../src/domain/review';
import { BlamelessNote } from '../components/BlamelessNote';
import { SectionFrame } from '../components/SectionFrame';
import { useSession } from '../session/SessionContext';
import { usePromotion } from '../session/usePromotion';
import { useSectionEditor } from '../session/useSectionEditor';
import { WhyChainEditor } from './WhyChainEditor';

const newChain = (): WhyChain => ({ id: crypto.randomUUID(), problem: '', steps: [{ why: 'Why did this happen?', because: '' }] });

/** R4: ask "why?" until the answer is something the organisation can change. */
export function FiveWhysSection() {
  const editor = useSectionEditor('fiveWhys');
  const session = useSession();
  const { value: chains, readOnly } = editor;
  const taxonomy = session.view.taxonomy;
  const rootCauses = session.valueOf('rootCauses');
  const promote = usePromotion(editor.save, editor.dirty);
  const warnings = session.warningsOf('fiveWhys');

  return (
    <SectionFrame
      editor={editor}
      description="Start from the problem and keep asking why. The last answer is a candidate root cause: promote it when it names something you can change (a process, a control, a tool), not a person."
      notices={warnings.length > 0 ? <BlamelessNote messages={warnings.map((w) => w.message)} /> : null}
    >
      {chains.length === 0 ? (
        <div className="inline-empty">
          <strong>No why-chains yet.</strong> {readOnly ? 'Nobody has started a 5 Whys analysis.' : 'Start one from the problem you want to explain.'}
        </div>
      ) : null}
      {chains.map((chain, index) => (
        <WhyChainEditor
          key={chain.id}
          chain={chain}
          index={index}
          readOnly={readOnly}
          taxonomy={taxonomy}
          promoted={findPromotedFrom(rootCauses, { kind: 'five-whys', chainId: chain.id })}
          errorAt={editor.errorAt}
          onChange={(next) => { editor.change(chains.map((c) => (c.id === chain.id ? next : c))); }}
          onRemove={() => { editor.change(chains.filter((c) => c.id !== chain.id)); }}
          onPromote={(category) => promote((current) => promoteWhyChain(current, chain, { id: crypto.randomUUID(), category, taxonomy }))}
        />
      ))}
      {readOnly ? null : (
        <button type="button" className="button" disabled={chains.length >= LIMITS.whyChains} onClick={() => { editor.change([...chains, newChain()]); }}>
          Add a why-chain
        </button>
      )}
    </SectionFrame>
  );
}
