/**
 * KPI values in words, shared by the dashboard and the evidence pack so the same figure reads
 * the same in both (and in their exports).
 */
import type { Kpi, KpiValue } from './kpis';

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
