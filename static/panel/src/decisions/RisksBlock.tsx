import { useState } from 'react';
import type { DecisionsView, RiskView, RootCauseDecisionView } from '../../../../src/api/decisions';
import { call } from '../../../shared/client';
import { formatCalendarDate } from '../../../shared/dates';
import { useUserNames } from '../../../shared/user-directory';
import { useTimeSettings } from '../../../shared/environment';
import { ChangeError } from './ChangeError';
import { IMPACT_LABELS, LIKELIHOOD_LABELS, RISK_LEVEL, ratingLabel } from './labels';
import { LinkRiskForm } from './LinkRiskForm';
import { RiskForm } from './RiskForm';
import { useChange } from './useChange';

interface RisksBlockProps {
  entry: RootCauseDecisionView;
  label: string;
  view: DecisionsView;
}

type Open = { kind: 'none' } | { kind: 'add' } | { kind: 'link' } | { kind: 'edit'; riskId: string };

/** R9/R20: the risk-register entries behind a "manage as a risk" decision. */
export function RisksBlock({ entry, label, view }: RisksBlockProps) {
  const [open, setOpen] = useState<Open>({ kind: 'none' });
  const addId = `add-risks-${entry.rootCause.id}`;
  // Closing a form (saved or cancelled) puts focus back where the user started.
  const close = () => {
    setOpen({ kind: 'none' });
    setTimeout(() => { document.getElementById(addId)?.focus(); }, 0);
  };
  const rootCauseId = entry.rootCause.id;
  return (
    <div className="follow-up risks">
      <h4>Risk register</h4>
      {entry.risks.length === 0 ? (
        <p className="inline-empty">
          <strong>No risk linked yet.</strong> Approval needs a risk-register entry for this root cause: add a new risk or link one already in the register.
        </p>
      ) : (
        <ul className="record-list" aria-label={`Risks of ${label}`}>
          {entry.risks.map((risk) =>
            open.kind === 'edit' && open.riskId === risk.id ? (
              <li key={risk.id} className="record">
                <RiskForm issueKey={view.incident.issueKey} rootCauseId={rootCauseId} risk={risk} onDone={close} />
              </li>
            ) : (
              <RiskItem key={risk.id} risk={risk} rootCauseId={rootCauseId} view={view} onEdit={() => { setOpen({ kind: 'edit', riskId: risk.id }); }} />
            ),
          )}
        </ul>
      )}
      {view.canEdit && open.kind === 'add' ? <RiskForm issueKey={view.incident.issueKey} rootCauseId={rootCauseId} onDone={close} /> : null}
      {view.canEdit && open.kind === 'link' ? <LinkRiskForm view={view} entry={entry} onDone={close} /> : null}
      {view.canEdit && (open.kind === 'none' || open.kind === 'edit') ? (
        <div className="block-actions">
          <button type="button" id={addId} className="button" onClick={() => { setOpen({ kind: 'add' }); }} aria-label={`Add a risk for ${label}`}>
            Add a risk
          </button>
          <button type="button" className="button subtle-button" onClick={() => { setOpen({ kind: 'link' }); }} aria-label={`Link an existing risk to ${label}`}>
            Link an existing risk
          </button>
        </div>
      ) : null}
    </div>
  );
}

function RiskItem({ risk, rootCauseId, view, onEdit }: { risk: RiskView; rootCauseId: string; view: DecisionsView; onEdit: () => void }) {
  const time = useTimeSettings();
  const nameOf = useUserNames([risk.ownerAccountId]);
  const unlink = useChange();
  const level = RISK_LEVEL[risk.level];
  return (
    <li className="record risk-record">
      <div className="record-head">
        <strong className="record-title">{risk.title}</strong>
        <span className={`lozenge ${level.tone}`}>
          {level.label} risk · {risk.score}
        </span>
        <span className="lozenge">{risk.treatment === 'accept' ? 'Accepted' : 'To be mitigated'}</span>
        {risk.status === 'closed' ? <span className="lozenge">Closed</span> : null}
      </div>
      {risk.description ? <p className="prewrap record-text">{risk.description}</p> : null}
      <dl className="record-facts">
        <div>
          <dt>Rating</dt>
          <dd>
            Likelihood {ratingLabel(LIKELIHOOD_LABELS, risk.likelihood)} × impact {ratingLabel(IMPACT_LABELS, risk.impact)} = {risk.score}
          </dd>
        </div>
        <div>
          <dt>Owner</dt>
          <dd>{nameOf(risk.ownerAccountId)}</dd>
        </div>
        <div>
          <dt>Next review</dt>
          <dd>
            <time dateTime={risk.nextReviewDate}>{formatCalendarDate(risk.nextReviewDate, time)}</time>
          </dd>
        </div>
      </dl>
      {risk.treatment === 'accept' ? <p className="subtlest">Accepted risks are recorded in the register only; they take no treatment actions.</p> : null}
      {view.canEdit ? (
        <div className="block-actions">
          <button type="button" className="button subtle-button" onClick={onEdit} aria-label={`Edit risk ${risk.title}`}>
            Edit
          </button>
          <button
            type="button"
            className="button subtle-button"
            disabled={unlink.busy}
            aria-label={`Unlink risk ${risk.title} from this root cause`}
            onClick={() => void unlink.run(() => call('unlinkRisk', { issueKey: view.incident.issueKey, rootCauseId, riskId: risk.id }))}
          >
            {unlink.busy ? 'Unlinking…' : 'Unlink'}
          </button>
        </div>
      ) : null}
      <ChangeError error={unlink.error} />
    </li>
  );
}
