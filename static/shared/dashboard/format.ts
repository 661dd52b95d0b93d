import { formatKpi, type Kpi } from '../../../src/domain/dashboard';

export { basisText, formatKpi } from '../../../src/domain/dashboard';

export interface Change {
  text: string;
  tone: 'good' | 'bad' | 'neutral';
}

/** This period against the previous one, worded with the KPI's direction of improvement. */
export function changeOf(kpi: Kpi): Change {
  const { value: now } = kpi.current;
  const { value: before } = kpi.previous;
  if (now === null || before === null) return { text: 'no comparison', tone: 'neutral' };
  const delta = now - before;
  if (Math.abs(delta) < 0.05) return { text: 'no change', tone: 'neutral' };
  const arrow = delta > 0 ? '▲' : '▼';
  const amount = kpi.unit === 'percent' ? `${String(Math.round(Math.abs(delta)))} pts` : formatKpi(kpi.unit, Math.abs(delta));
  const tone = kpi.better === 'neither' ? 'neutral' : (delta > 0) === (kpi.better === 'higher') ? 'good' : 'bad';
  return { text: `${arrow} ${amount}`, tone };
}
