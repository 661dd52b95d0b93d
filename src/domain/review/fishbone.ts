/** R5 Fishbone (Ishikawa): causes grouped by configurable categories, drawn by the panel. */
import { z } from 'zod';
import { entityId, list, requiredText, text } from './fields';
import { LIMITS } from './limits';

export const fishboneCategorySchema = z.object({
  id: entityId('Fishbone category'),
  label: requiredText('Fishbone category name', LIMITS.labelText),
});

export const fishboneCauseSchema = z.object({
  id: entityId('Fishbone cause'),
  categoryId: entityId('Fishbone cause category'),
  text: requiredText('Fishbone cause text', LIMITS.stepText),
});

/**
 * Categories live inside the diagram (copied from the project's defaults when the review is
 * created) so a later change of the project settings never orphans the causes of old reviews.
 */
export const fishboneSchema = z
  .object({
    /** The effect at the head of the fish. */
    effect: text('Fishbone effect', LIMITS.stepText),
    categories: list('Fishbone categories', fishboneCategorySchema, LIMITS.fishboneCategories).min(1, {
      error: 'The fishbone needs at least one category',
    }),
    causes: list('Fishbone causes', fishboneCauseSchema, LIMITS.fishboneCauses),
  })
  .superRefine((fishbone, ctx) => {
    const categoryIds = new Set(fishbone.categories.map((category) => category.id));
    if (categoryIds.size !== fishbone.categories.length) {
      ctx.addIssue({ code: 'custom', path: ['categories'], message: 'Fishbone categories must have distinct ids' });
    }
    const causeIds = new Set<string>();
    fishbone.causes.forEach((cause, index) => {
      if (!categoryIds.has(cause.categoryId)) {
        ctx.addIssue({
          code: 'custom',
          path: ['causes', index, 'categoryId'],
          message: `Fishbone cause "${cause.text}" belongs to a category that is not on the diagram`,
        });
      }
      if (causeIds.has(cause.id)) {
        ctx.addIssue({ code: 'custom', path: ['causes', index, 'id'], message: 'Fishbone causes must have distinct ids' });
      }
      causeIds.add(cause.id);
    });
  });

export type FishboneCategory = z.infer<typeof fishboneCategorySchema>;
export type FishboneCause = z.infer<typeof fishboneCauseSchema>;
export type Fishbone = z.infer<typeof fishboneSchema>;

export const DEFAULT_FISHBONE_CATEGORIES: readonly FishboneCategory[] = [
  { id: 'people', label: 'People' },
  { id: 'process', label: 'Process' },
  { id: 'technology', label: 'Technology' },
  { id: 'environment', label: 'Environment' },
  { id: 'suppliers', label: 'Suppliers' },
  { id: 'governance', label: 'Governance' },
];

export const emptyFishbone = (categories: readonly FishboneCategory[] = DEFAULT_FISHBONE_CATEGORIES): Fishbone => ({
  effect: '',
  categories: categories.map((category) => ({ ...category })),
  causes: [],
});
