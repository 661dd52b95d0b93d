import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { EvidencePackProjects } from '../../../src/api/jira-native';
import { actionLogCsv, mergeEvidenceRecords, riskRegisterCsv, type EvidencePeriod, type EvidenceRecords, type PeriodFigures } from '../../../src/domain/evidence';
import { call, type CallError } from '../../shared/client';
import { ErrorMessage, Loading } from '../../shared/components';
import { downloadText } from '../../shared/dashboard/csv-download';
import { loadEvidencePack, type LoadedPack, type PackProgress } from '../../shared/evidence/load-pack';
import { PackView, asCallError, peopleOf } from '../../shared/evidence/PackView';
import { PackError, PackProgressBar } from '../../shared/evidence/PackStatus';
import { PeriodPicker } from '../../shared/evidence/PeriodPicker';
import { useRemote } from '../../shared/use-remote';
import { useUserNames } from '../../shared/user-directory';

type State = { kind: 'idle' } | { kind: 'loading'; progress: PackProgress } | { kind: 'ready'; packs: LoadedPack[] } | { kind: 'error'; error: CallError; projectKey: string };

const loadProjects = (): Promise<EvidencePackProjects> => call('listEvidencePackProjects', {});

/**
 * R24 across projects, for the ISMS manager: the evidence pack of several incident projects at
 * once. The server names only the projects the caller browses and manages evidence for; the pack
 * is each project's own pack (the per-project resolvers, with the project's key — so each call is
 * checked, audited and paged exactly as on the project page), shown per project, and the records
 * of all of them merged for the combined logs. Figures depend on each project's settings, so
 * they are set side by side, never added up.
 */
export function GlobalEvidencePack({ today }: { today: string }) {
  const [remote, reload] = useRemote(loadProjects);
  return (
    <section className="card evidence-pack" aria-labelledby="global-evidence-heading">
      <div className="card-header">
        <h2 id="global-evidence-heading">Audit evidence pack across projects</h2>
      </div>
      <p className="subtle">
        The A 5.27 evidence of several incident projects for one period: each project’s ten audit questions, sample and exports as on its own page, and the corrective actions and risks of all
        of them in one log. For the projects where you are an approver or a project admin; producing and exporting is recorded in each project’s audit trail.
      </p>
      {remote.state === 'loading' ? (
        <Loading label="Finding the projects you manage evidence for" />
      ) : remote.state === 'error' ? (
        <ErrorMessage error={remote.error} onRetry={reload} />
      ) : remote.data.projects.length === 0 ? (
        <div className="section-message warning" role="note">
          <div>
            <strong>You cannot produce the evidence pack for any project</strong>
            Only the approvers of an incident project and its project admins can. {remote.data.notManaged === 1 ? 'The incident project you can browse is' : `The ${String(remote.data.notManaged)} incident projects you can browse are`} managed by
            others: ask them, or your Jira admin.
          </div>
        </div>
      ) : (
        <Producer choices={remote.data} today={today} />
      )}
    </section>
  );
}

function Producer({ choices, today }: { choices: EvidencePackProjects; today: string }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(() => new Set(choices.projects.map((project) => project.projectKey)));
  const [period, setPeriod] = useState<EvidencePeriod>({ kind: 'quarter' });
  const [state, setState] = useState<State>({ kind: 'idle' });
  const signal = useRef({ cancelled: false });
  useEffect(() => () => { signal.current.cancelled = true; }, []);
  const groupId = useId();
  const keys = choices.projects.map((project) => project.projectKey).filter((key) => chosen.has(key));

  const produce = () => {
    signal.current.cancelled = true;
    const mine = { cancelled: false };
    signal.current = mine;
    setState({ kind: 'loading', progress: { fraction: 0, label: 'Starting' } });
    // One project after the other: the same bounded pages as on a project page, never more calls at once.
    void (async () => {
      const packs: LoadedPack[] = [];
      for (const [index, projectKey] of keys.entries()) {
        try {
          const pack = await loadEvidencePack(projectKey, period, (progress) => {
            if (!mine.cancelled) setState({ kind: 'loading', progress: { fraction: (index + progress.fraction) / keys.length, label: `${projectKey}: ${progress.label}` } });
          }, mine);
          if (pack === undefined || mine.cancelled) return;
          packs.push(pack);
        } catch (error: unknown) {
          if (!mine.cancelled) setState({ kind: 'error', error: asCallError(error), projectKey });
          return;
        }
      }
      if (!mine.cancelled) setState({ kind: 'ready', packs });
    })();
  };

  const toggle = (projectKey: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(projectKey);
    else next.delete(projectKey);
    setChosen(next);
  };

  return (
    <>
      <fieldset className="fieldset" aria-describedby={`${groupId}-hint`}>
        <legend>Projects</legend>
        {choices.projects.map((project) => (
          <label key={project.projectKey} className="choice">
            <input type="checkbox" checked={chosen.has(project.projectKey)} disabled={state.kind === 'loading'} onChange={(event) => { toggle(project.projectKey, event.target.checked); }} />
            {project.name} <span className="subtlest">{project.projectKey}</span>
          </label>
        ))}
        <p className="subtlest" id={`${groupId}-hint`}>
          {choices.notManaged === 0
            ? 'Every incident project you can browse.'
            : `${String(choices.notManaged)} more incident project(s) you can browse are not listed: only their approvers and project admins can produce their pack.`}
        </p>
      </fieldset>
      <PeriodPicker value={period} onChange={setPeriod} today={today} disabled={state.kind === 'loading'} />
      <div className="evidence-produce">
        <button type="button" className="button primary" onClick={produce} disabled={state.kind === 'loading' || keys.length === 0}>
          {state.kind === 'loading' ? 'Producing…' : keys.length === 0 ? 'Choose at least one project' : `Produce the pack of ${keys.length === 1 ? '1 project' : `${String(keys.length)} projects`}`}
        </button>
        {state.kind === 'loading' ? <PackProgressBar progress={state.progress} /> : null}
      </div>
      {state.kind === 'error' ? <PackError error={state.error} refusedTitle={`You cannot produce the evidence pack of ${state.projectKey}`} onRetry={produce} /> : null}
      {state.kind === 'ready' ? <CombinedPack packs={state.packs} /> : null}
    </>
  );
}

const FIGURES: { key: keyof PeriodFigures; label: string }[] = [
  { key: 'incidents', label: 'Incidents with a review' },
  { key: 'reviewed', label: 'Reviews approved' },
  { key: 'actionsClosed', label: 'Actions completed' },
  { key: 'actionsOnTime', label: 'Completed on time' },
  { key: 'actionsVerified', label: 'Verified' },
  { key: 'actionsEffective', label: 'Judged effective' },
  { key: 'actionsNotEffective', label: 'Judged not effective' },
  { key: 'openActions', label: 'Open actions today' },
  { key: 'overdueActions', label: 'Overdue today' },
];

function CombinedPack({ packs }: { packs: LoadedPack[] }) {
  const records = useMemo(() => mergeEvidenceRecords(packs.map((pack) => pack.records)), [packs]);
  const people = useMemo(() => packs.flatMap(peopleOf), [packs]);
  const name = useUserNames(people);
  const first = packs[0];
  if (first === undefined) return null;
  return (
    <div className="evidence-result" data-testid="combined-pack">
      <header className="evidence-header">
        <h3>
          {packs.map((pack) => pack.overview.projectKey).join(' + ')} · {first.overview.period.label}
        </h3>
        <p className="subtlest">UTC months {first.overview.period.firstDay} to {first.overview.period.lastDay}</p>
      </header>
      <div className="table-scroll">
        <table className="data compact" aria-label="Figures per project">
          <caption className="subtle">Figures per project — each project counts with its own significance, targets and approvers, so they are set side by side and not added up.</caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              {packs.map((pack) => (
                <th key={pack.overview.projectKey} scope="col" className="numeric">
                  {pack.overview.projectKey}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FIGURES.map((figure) => (
              <tr key={figure.key}>
                <th scope="row">{figure.label}</th>
                {packs.map((pack) => (
                  <td key={pack.overview.projectKey} className="numeric">
                    {pack.overview.figures[figure.key]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CombinedExports packs={packs} records={records} name={name} />
      {packs.map((pack) => (
        <section key={pack.overview.projectKey} className="global-evidence-project" aria-label={`Evidence pack of ${pack.overview.projectKey}`} data-project={pack.overview.projectKey}>
          <PackView pack={pack} />
        </section>
      ))}
    </div>
  );
}

type CombinedFormat = 'csv-actions' | 'csv-risks';

const COMBINED: Record<CombinedFormat, { label: string; file: string; text: (pack: { records: EvidenceRecords; name: (accountId: string) => string }) => string }> = {
  'csv-actions': { label: 'Corrective actions log of all (CSV)', file: 'corrective-actions-log', text: actionLogCsv },
  'csv-risks': { label: 'Risk register of all (CSV)', file: 'risk-register', text: riskRegisterCsv },
};

function CombinedExports({ packs, records, name }: { packs: LoadedPack[]; records: EvidenceRecords; name: (accountId: string) => string }) {
  const [busy, setBusy] = useState<CombinedFormat | undefined>(undefined);
  const [error, setError] = useState<CallError | undefined>(undefined);
  const [done, setDone] = useState('');
  const exportAs = (format: CombinedFormat) => {
    setBusy(format);
    setError(undefined);
    setDone('');
    // Recorded first, in every project's own audit trail (each call checked for that project): a file the trail does not know about is never handed over.
    Promise.all(
      packs.map(({ overview, records: own }) =>
        call('recordEvidencePackExport', {
          projectKey: overview.projectKey,
          period: overview.period.spec,
          format,
          recordCounts: { incidents: own.incidents.length, actions: own.actions.length, risks: own.risks.length, communications: own.communications.length, processReviews: own.processReviews.length },
        }),
      ),
    ).then(
      () => {
        const { period } = packs[0]?.overview ?? { period: undefined };
        const keys = packs.map((pack) => pack.overview.projectKey).join('-');
        downloadText(`lessons-learned-${keys}-${COMBINED[format].file}-${period?.firstDay ?? ''}-to-${period?.lastDay ?? ''}.csv`, COMBINED[format].text({ records, name }), 'text/csv;charset=utf-8');
        setDone(`${COMBINED[format].label} exported and recorded in the audit trail of each project.`);
        setBusy(undefined);
      },
      (failure: unknown) => {
        setError(asCallError(failure));
        setBusy(undefined);
      },
    );
  };
  return (
    <div className="evidence-exports" role="group" aria-label="Export all chosen projects">
      {(Object.keys(COMBINED) as CombinedFormat[]).map((format) => (
        <button key={format} type="button" className="button" disabled={busy !== undefined} onClick={() => { exportAs(format); }}>
          {busy === format ? 'Exporting…' : COMBINED[format].label}
        </button>
      ))}
      <span className="subtlest" aria-live="polite">
        {done || 'One file over all chosen projects; each project’s own pack, sample and exports are below.'}
      </span>
      {error ? <ErrorMessage error={error} /> : null}
    </div>
  );
}
