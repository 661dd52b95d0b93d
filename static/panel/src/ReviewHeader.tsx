import { useState } from 'react';
import { REVIEW_STAGES } from '../../../src/domain/review';
import { StageLozenge } from '../../shared/components';
import { formatAgo, formatInstant } from '../../shared/dates';
import { useUserNames } from '../../shared/user-directory';
import { ProcedureHelp } from './procedure/ProcedureHelp';
import { IncidentReport } from './report/IncidentReport';
import { ShareLessons } from './share/ShareLessons';
import { useSession } from './session/SessionContext';
import type { TabId } from './tabs';
import { useTimeSettings } from '../../shared/environment';

/** Stage, last change and the next step at a glance; the review procedure on request. */
export function ReviewHeader({ onOpenTab }: { onOpenTab: (tab: TabId) => void }) {
  const { review, transitions, view } = useSession();
  const time = useTimeSettings();
  const nameOf = useUserNames([review.updatedBy]);
  const next = transitions.find((transition) => REVIEW_STAGES.indexOf(transition.to) > REVIEW_STAGES.indexOf(transition.from));
  const items = next?.checklist.filter((item) => item.id !== 'reason') ?? [];
  const done = items.filter((item) => item.done).length;
  const awaitingOthers = review.workflow.stage === 'awaiting_approval' && next === undefined;
  const [reportOpen, setReportOpen] = useState(false);
  return (
    <header className="review-header">
      <div className="review-title">
        <h1>Post-incident review</h1>
        <StageLozenge stage={review.workflow.stage} />
        <ShareLessons issueKey={view.issue.key} canEdit={view.canEdit} />
        <ProcedureHelp projectKey={view.issue.projectKey} />
        <button type="button" className="link-button report-toggle" aria-expanded={reportOpen} onClick={() => { setReportOpen(!reportOpen); }}>
          {reportOpen ? 'Hide the report' : 'Report'}
        </button>
      </div>
      <p className="subtlest">
        Last changed by {nameOf(review.updatedBy)},{' '}
        <time dateTime={review.updatedAt} title={formatInstant(review.updatedAt, time)}>
          {formatAgo(review.updatedAt)}
        </time>{' '}
        · version {review.version}
      </p>
      {next ? (
        <div className="next-step">
          <span>
            Next: <strong>{next.action}</strong> — {items.length === 0 ? 'ready' : `${String(done)} of ${String(items.length)} done`}
          </span>
          <progress max={Math.max(items.length, 1)} value={items.length === 0 ? 1 : done} aria-label={`${next.action}: ${String(done)} of ${String(items.length)} done`} />
          <button type="button" className="link-button" onClick={() => { onOpenTab(next.to === 'approved' ? 'decisions' : 'workflow'); }}>
            {next.to === 'approved' ? 'Review the decisions' : next.ready ? 'Go to workflow' : 'See what is missing'}
          </button>
        </div>
      ) : awaitingOthers ? (
        <div className="next-step">
          <span>
            Next: <strong>management approval</strong> of the decisions
          </span>
          <button type="button" className="link-button" onClick={() => { onOpenTab('decisions'); }}>
            See the decisions
          </button>
        </div>
      ) : null}
      {reportOpen ? <IncidentReport issueKey={view.issue.key} onClose={() => { setReportOpen(false); }} /> : null}
    </header>
  );
}
