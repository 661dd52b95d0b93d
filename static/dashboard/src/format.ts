import type { Kpi, KpiValue } from '../../../src/domain/dashboard';

/** KPI values as managers read them: "—" when there is nothing to measure, never a made-up 0. */
export function formatKpi(unit: Kpi['unit'], value: number | null): string {
  if (value === null) return '—';
  switch (unit) {
    case 'count':
      return String(Math.round(value));
    case 'percent':
      return `${String(Math.round(value))}%`;
    case 'hours':
      return value >= 48 ? `${(value / 24).toFixed(1)} d` : `${value.toFixed(1)} h`;
    case 'days':
      return `${value.toFixed(1)} d`;
  }
}

/** What a value rests on — "13 of 26 actions", "over 39 incidents" — for the table and the CSV; empty when nothing was measured. */
export function basisText(kpi: Pick<Kpi, 'unit' | 'subject'>, value: KpiValue): string {
  const { numerator, denominator } = value;
  if (numerator === undefined || denominator === undefined || denominator === 0) return '';
  return kpi.unit === 'percent' ? `${String(numerator)} of ${String(denominator)} ${kpi.subject}` : `over ${String(denominator)} ${kpi.subject}`;
}

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
