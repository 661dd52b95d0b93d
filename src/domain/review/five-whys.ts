/** R4 5 Whys: why-chains of 1..10 question/answer steps; the last answer is the candidate root cause. */
import { z } from 'zod';
import { entityId, list, requiredText, text } from './fields';
import { LIMITS } from './limits';

export const whyStepSchema = z.object({
  why: requiredText('Why question', LIMITS.stepText),
  /** May stay empty while the team is still working on the answer. */
  because: text('Because answer', LIMITS.stepText),
});

export const whyChainSchema = z.object({
  id: entityId('Why-chain'),
  /** The problem statement the chain starts from. */
  problem: text('Why-chain problem statement', LIMITS.stepText),
  steps: list('Why-chain steps', whyStepSchema, LIMITS.whySteps).min(1, {
    error: 'A why-chain needs at least one step',
  }),
});

export const fiveWhysSchema = list('Why-chains', whyChainSchema, LIMITS.whyChains).refine(
  (chains) => new Set(chains.map((chain) => chain.id)).size === chains.length,
  { error: 'Why-chains must have distinct ids' },
);

export type WhyStep = z.infer<typeof whyStepSchema>;
export type WhyChain = z.infer<typeof whyChainSchema>;
export type FiveWhys = z.infer<typeof fiveWhysSchema>;

/** The answer at the end of the chain, if it has been given. */
export const chainConclusion = (chain: WhyChain): string | undefined => {
  const answer = chain.steps.at(-1)?.because.trim();
  return answer ? answer : undefined;
};
