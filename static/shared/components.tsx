import type { ReactNode } from 'react';
import type { CallError } from './client';

export function Loading({ label }: { label: string }) {
  return (
    <div role="status" aria-live="polite" aria-label={label}>
      <div className="skeleton" style={{ width: '40%' }} />
      <div className="skeleton" style={{ width: '90%' }} />
      <div className="skeleton" style={{ width: '70%' }} />
    </div>
  );
}

/** Every failed call shows the resolver's message and, unless retrying cannot help, a retry button. */
export function ErrorMessage({ error, onRetry }: { error: CallError; onRetry?: () => void }) {
  const title = error.body.code === 'FORBIDDEN' ? 'No access' : error.body.code === 'NOT_FOUND' ? 'Not found' : 'Something went wrong';
  const retryable = error.body.code !== 'FORBIDDEN' && error.body.code !== 'INVALID_INPUT';
  return (
    <div className="section-message error" role="alert">
      <div>
        <strong>{title}</strong>
        <p>{error.message}</p>
        {retryable && onRetry ? (
          <button type="button" className="button" onClick={onRetry}>
            Try again
          </button>
        ) : null}
      </div>
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="empty-state">
      <h2>{title}</h2>
      {children}
    </div>
  );
}

const STAGE_LABEL: Record<string, { label: string; tone: string }> = {
  draft: { label: 'Draft', tone: '' },
  in_review: { label: 'In review', tone: 'information' },
  awaiting_approval: { label: 'Awaiting approval', tone: 'warning' },
  approved: { label: 'Approved', tone: 'success' },
  closed: { label: 'Closed', tone: 'discovery' },
};

export function StageLozenge({ stage }: { stage: string }) {
  const known = STAGE_LABEL[stage] ?? { label: stage, tone: '' };
  return <span className={`lozenge ${known.tone}`}>{known.label}</span>;
}

/**
 * A wide table's sideways scroller. It takes focus, so keyboard users can scroll it with the arrow
 * keys, and is named after its heading for screen readers.
 */
export function TableScroll({ labelledBy, children }: { labelledBy: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-labelledby={labelledBy} tabIndex={0}>
      {children}
    </div>
  );
}
