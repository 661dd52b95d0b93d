import { lazy, Suspense } from 'react';
import { findPromotedFrom, LIMITS, promoteFishboneCause, type Fishbone } from '../../../../src/domain/review';
import { Field } from '../../../shared/form/Field';
import { BlamelessNote } from '../components/BlamelessNote';
import { SectionFrame } from '../components/SectionFrame';
import { useSession } from '../session/SessionContext';
import { usePromotion } from '../session/usePromotion';
import { useSectionEditor } from '../session/useSectionEditor';
import { FishboneCategoryEditor } from './FishboneCategoryEditor';

const FishboneDiagram = lazy(() => import('../fishbone/FishboneDiagram'));

/** R5: causes grouped by category, drawn as an Ishikawa diagram, listed for editing below. */
export function FishboneSection() {
  const editor = useSectionEditor('fishbone');
  const session = useSession();
  const { value: fishbone, readOnly, errorAt } = editor;
  const taxonomy = session.view.taxonomy;
  const rootCauses = session.valueOf('rootCauses');
  const promote = usePromotion(editor.save, editor.dirty);
  const warnings = session.warningsOf('fishbone');
  const set = (changes: Partial<Fishbone>) => { editor.change({ ...fishbone, ...changes }); };

  return (
    <SectionFrame
      editor={editor}
      description="Collect contributing causes by category. Promote the ones that are true root causes."
      notices={warnings.length > 0 ? <BlamelessNote messages={warnings.map((w) => w.message)} /> : null}
    >
      <Field path="fishbone.effect" label="Effect (the head of the fish)" error={errorAt('fishbone.effect')}>
        {(control) => <input {...control} type="text" value={fishbone.effect} readOnly={readOnly} maxLength={LIMITS.stepText} placeholder="e.g. Customer data exposed" onChange={(event) => { set({ effect: event.target.value }); }} />}
      </Field>
      <Suspense fallback={<div className="skeleton fishbone-placeholder" role="status" aria-label="Drawing the fishbone diagram" />}>
        <FishboneDiagram fishbone={fishbone} />
      </Suspense>
      <div className="category-grid">
        {fishbone.categories.map((category, categoryIndex) => {
          const causes = fishbone.causes.flatMap((cause, index) => (cause.categoryId === category.id ? [{ cause, index }] : []));
          return (
            <FishboneCategoryEditor
              key={category.id}
              category={category}
              categoryIndex={categoryIndex}
              causes={causes}
              readOnly={readOnly}
              taxonomy={taxonomy}
              errorAt={errorAt}
              promotedFor={(causeId) => findPromotedFrom(rootCauses, { kind: 'fishbone', causeId })}
              onRename={(label) => { set({ categories: fishbone.categories.map((c) => (c.id === category.id ? { ...c, label } : c)) }); }}
              onRemove={causes.length === 0 && fishbone.categories.length > 1 ? () => { set({ categories: fishbone.categories.filter((c) => c.id !== category.id) }); } : undefined}
              onAddCause={(text) => { set({ causes: [...fishbone.causes, { id: crypto.randomUUID(), categoryId: category.id, text }] }); }}
              onEditCause={(id, text) => { set({ causes: fishbone.causes.map((c) => (c.id === id ? { ...c, text } : c)) }); }}
              onRemoveCause={(id) => { set({ causes: fishbone.causes.filter((c) => c.id !== id) }); }}
              onPromote={(causeId, rootCategory) =>
                promote((current) => promoteFishboneCause(current, fishbone, causeId, { id: crypto.randomUUID(), category: rootCategory, taxonomy }))
              }
            />
          );
        })}
      </div>
      {readOnly ? null : (
        <button
          type="button"
          className="button"
          disabled={fishbone.categories.length >= LIMITS.fishboneCategories}
          onClick={() => { set({ categories: [...fishbone.categories, { id: crypto.randomUUID(), label: 'New category' }] }); }}
        >
          Add category
        </button>
      )}
    </SectionFrame>
  );
}
