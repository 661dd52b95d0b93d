import type { ActionStatus } from '../../../../src/domain/actions/action';
import type { ApprovalState, DecisionOption } from '../../../../src/domain/decisions';
import type { RiskLevel } from '../../../../src/domain/risks/risk';

/** Text first, colour second: every state reads in words; the tone only supports it. */
export const ACTION_STATUS: Record<ActionStatus, { label: string; tone: string }> = {
  draft: { label: 'Draft', tone: '' },
  todo: { label: 'To do', tone: 'neutral' },
  'in-progress': { label: 'In progress', tone: 'information' },
  done: { label: 'Done', tone: 'success' },
  deleted: { label: 'Deleted in Jira', tone: 'danger' },
};

export const RISK_LEVEL: Record<RiskLevel, { label: string; tone: string }> = {
  low: { label: 'Low', tone: 'success' },
  medium: { label: 'Medium', tone: 'warning' },
  high: { label: 'High', tone: 'danger' },
  critical: { label: 'Critical', tone: 'danger bold' },
};

export const LIKELIHOOD_LABELS = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT_LABELS = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

export const ratingLabel = (labels: readonly string[], value: number): string => `${String(value)} – ${labels[value - 1] ?? ''}`;

/** What each option means, under its radio button. */
export const OPTION_HINTS: Record<DecisionOption, string> = {
  'no-further-action': 'Nothing more to do; say why that is acceptable.',
  'corrective-action': 'Remove the cause so it does not happen again (corrective actions log).',
  'continual-improvement': 'Improve a control or process beyond fixing this cause.',
  'manage-as-risk': 'Record it in the risk register, then accept or mitigate it.',
};

export const APPROVAL_LABEL: Record<ApprovalState['state'], { label: string; tone: string }> = {
  'not-requested': { label: 'Not requested yet', tone: '' },
  awaiting: { label: 'Awaiting approval', tone: 'warning' },
  approved: { label: 'Approved', tone: 'success' },
  rejected: { label: 'Sent back', tone: 'danger' },
  reopened: { label: 'Needs approval again', tone: 'warning' },
};

export const plural = (count: number, word: string): string => `${String(count)} ${word}${count === 1 ? '' : 's'}`;
