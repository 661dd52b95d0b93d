import { TableScroll } from '../components';
import { useId, useState } from 'react';
import type { DashboardSummary } from '../../../src/api/dashboard';
import type { Kpi, PeriodId } from '../../../src/domain/dashboard';
import { monthLabel } from '../../../src/domain/dashboard/months';
import { csvName, downloadCsv } from './csv-download';
import { basisText, changeOf, formatKpi } from './format';
import { Sparkline } from './Sparkline';

const PERIOD_LABELS: Record<PeriodId, string> = { quarter: 'Last 3 months', year: 'Last 12 months' };

/** What the KPI table reads: a project's summary or the all-projects one. */
export type KpiSource = Pick<DashboardSummary, 'kpis' | 'periods' | 'trendMonths' | 'today'>;

/** R19 KPIs: this period against the previous one, each with its definition and 12-month trend. `scope` names the CSV (project key, or "all-projects"). */
export function KpiTable({ summary, scope, note }: { summary: KpiSource; scope: string; note?: string }) {
  const [period, setPeriod] = useState<PeriodId>('quarter');
  const kpis = summary.kpis[period];
  const labels = summary.periods[period];
  const exportCsv = () => {
    downloadCsv(
      csvName(scope, `kpis-${period}`, summary.today),
      ['KPI', `This period (${labels.current})`, 'Basis', `Previous period (${labels.previous})`, 'Basis', 'Change', 'Definition', ...summary.trendMonths.map(monthLabel)],
      kpis.map((kpi) => [kpi.label, formatKpi(kpi.unit, kpi.current.value), basisText(kpi, kpi.current), formatKpi(kpi.unit, kpi.previous.value), basisText(kpi, kpi.previous), changeOf(kpi).text, kpi.definition, ...kpi.monthly.map((value) => formatKpi(kpi.unit, value))]),
    );
  };
  return (
    <section className="card" aria-labelledby="kpi-heading">
      <div className="card-header">
        <h2 id="kpi-heading">Key performance indicators</h2>
        <div className="toolbar">
          <div className="segmented" role="radiogroup" aria-label="Period">
            {(Object.keys(PERIOD_LABELS) as PeriodId[]).map((id) => (
              <button key={id} type="button" role="radio" aria-checked={period === id} className={period === id ? 'selected' : ''} onClick={() => { setPeriod(id); }}>{PERIOD_LABELS[id]}</button>
            ))}
          </div>
          <button type="button" className="button" onClick={exportCsv}>Download CSV</button>
        </div>
      </div>
      <p className="subtlest">This period: {labels.current}. Previous period: {labels.previous}. Months are calendar months in UTC.{note === undefined ? '' : ` ${note}`}</p>
      <TableScroll labelledBy={'kpi-heading'}>
        <table className="data kpis">
          <thead>
            <tr>
              <th scope="col">KPI</th>
              <th scope="col" className="numeric">This period</th>
              <th scope="col" className="numeric">Previous</th>
              <th scope="col">Change</th>
              <th scope="col">Last 12 months</th>
            </tr>
          </thead>
          <tbody>
            {kpis.map((kpi) => <KpiRow key={kpi.id} kpi={kpi} months={summary.trendMonths} />)}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}

function KpiRow({ kpi, months }: { kpi: Kpi; months: readonly string[] }) {
  const [open, setOpen] = useState(false);
  const definitionId = useId();
  const change = changeOf(kpi);
  return (
    <tr>
      <th scope="row">
        <span className="kpi-name">
          {kpi.label}
          <button type="button" className="info-button" aria-expanded={open} aria-controls={definitionId} title={kpi.definition} onClick={() => { setOpen(!open); }} onKeyDown={(event) => { if (event.key === 'Escape') setOpen(false); }}>
            <span aria-hidden="true">i</span>
            <span className="visually-hidden">Definition of {kpi.label}</span>
          </button>
        </span>
        <p id={definitionId} className="kpi-definition" hidden={!open}>{kpi.definition}</p>
      </th>
      <td className="numeric">
        <strong>{formatKpi(kpi.unit, kpi.current.value)}</strong>
        {basisText(kpi, kpi.current) === '' ? null : <div className="subtlest">{basisText(kpi, kpi.current)}</div>}
      </td>
      <td className="numeric">
        {formatKpi(kpi.unit, kpi.previous.value)}
        {basisText(kpi, kpi.previous) === '' ? null : <div className="subtlest">{basisText(kpi, kpi.previous)}</div>}
      </td>
      <td><span className={`change ${change.tone}`}>{change.text}</span></td>
      <td><Sparkline values={kpi.monthly} label={`${kpi.label} by month: ${kpi.monthly.map((value, index) => `${monthLabel(months[index] ?? '')} ${formatKpi(kpi.unit, value)}`).join(', ')}`} /></td>
    </tr>
  );
}
