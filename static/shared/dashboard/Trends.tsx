import { useState } from 'react';
import type { DashboardSummary } from '../../../src/api/dashboard';
import type { Granularity } from '../../../src/domain/dashboard';
import { TrendChart } from './TrendChart';

type Measure = 'incidents' | 'rootCauses' | 'types';

const MEASURES: Record<Measure, string> = { incidents: 'Incidents by root-cause category', rootCauses: 'Root causes by category', types: 'Incidents by type' };

/** R18 recurrence trends over the last 12 months, by month or by quarter. */
export function Trends({ summary }: { summary: Pick<DashboardSummary, 'trends'> }) {
  const [granularity, setGranularity] = useState<Granularity>('month');
  const [measure, setMeasure] = useState<Measure>('incidents');
  const trend = summary.trends[granularity];
  const series = measure === 'incidents' ? trend.incidentsByCategory : measure === 'rootCauses' ? trend.rootCausesByCategory : trend.incidentsByType;
  const descriptions: Record<Measure, string> = {
    incidents: 'Each incident counts once per category of its root causes, in the month it occurred (UTC).',
    rootCauses: 'Every root cause counts once, in the month its incident occurred (UTC).',
    types: 'Incidents by type (accidental, malicious, environmental) in the month they occurred (UTC).',
  };
  return (
    <section className="card" aria-labelledby="trends-heading">
      <div className="card-header">
        <h2 id="trends-heading">Recurrence trends</h2>
        <div className="toolbar">
          <label className="inline-field">
            <span>Show</span>
            <select value={measure} onChange={(event) => { setMeasure(event.target.value as Measure); }}>
              {(Object.keys(MEASURES) as Measure[]).map((id) => <option key={id} value={id}>{MEASURES[id]}</option>)}
            </select>
          </label>
          <div className="segmented" role="radiogroup" aria-label="Group by">
            {(['month', 'quarter'] as const).map((id) => (
              <button key={id} type="button" role="radio" aria-checked={granularity === id} className={granularity === id ? 'selected' : ''} onClick={() => { setGranularity(id); }}>{id === 'month' ? 'Months' : 'Quarters'}</button>
            ))}
          </div>
        </div>
      </div>
      <TrendChart title={`${MEASURES[measure]}, last 12 months`} description={descriptions[measure]} buckets={trend.buckets} series={series} unit={measure === 'rootCauses' ? 'root causes' : 'incidents'} />
    </section>
  );
}
