import { TableScroll } from '../components';
import { useId, useState } from 'react';
import type { TrendBucket, TrendSeries } from '../../../src/domain/dashboard';

/** Up to seven series get their own colour; the rest are summed as "Other". */
const MAX_SERIES = 7;
const COLOURS = [
  'var(--ds-chart-categorical-1, #2898bd)',
  'var(--ds-chart-categorical-2, #5e4db2)',
  'var(--ds-chart-categorical-3, #e06c00)',
  'var(--ds-chart-categorical-4, #943d73)',
  'var(--ds-chart-categorical-5, #09326c)',
  'var(--ds-chart-categorical-6, #8f7ee7)',
  'var(--ds-chart-categorical-7, #50253f)',
];
const OTHER_COLOUR = 'var(--ds-chart-neutral, #8590a2)';

function grouped(series: readonly TrendSeries[], buckets: number): (TrendSeries & { colour: string })[] {
  const shown = series.slice(0, MAX_SERIES).map((entry, index) => ({ ...entry, colour: COLOURS[index] ?? OTHER_COLOUR }));
  const rest = series.slice(MAX_SERIES);
  if (rest.length === 0) return shown;
  const values = Array.from({ length: buckets }, (_, index) => rest.reduce((sum, entry) => sum + (entry.values[index] ?? 0), 0));
  return [...shown, { key: 'other', label: `Other (${String(rest.length)} categories)`, values, total: values.reduce((a, b) => a + b, 0), colour: OTHER_COLOUR }];
}

const niceMax = (value: number): number => {
  if (value <= 5) return Math.max(1, value);
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => value <= candidate * 5) ?? magnitude * 10;
  return Math.ceil(value / step) * step;
};

/**
 * A stacked bar chart drawn in SVG with design-token colours (light and dark), with the same
 * numbers as a table one click away for screen readers and for anyone who prefers figures.
 */
export function TrendChart({ title, description, buckets, series, unit }: { title: string; description: string; buckets: readonly TrendBucket[]; series: readonly TrendSeries[]; unit: string }) {
  const [asTable, setAsTable] = useState(false);
  const titleId = useId();
  const descId = useId();
  const data = grouped(series, buckets.length);
  const totals = buckets.map((_, index) => data.reduce((sum, entry) => sum + (entry.values[index] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  const width = 720;
  const height = 240;
  const left = 32;
  const bottom = 28;
  const plotHeight = height - bottom - 8;
  const slot = (width - left) / Math.max(1, buckets.length);
  const barWidth = Math.min(44, slot * 0.6);
  const y = (value: number) => 8 + plotHeight - (value / max) * plotHeight;
  const ticks = [0, max / 2, max].filter((tick, index, all) => all.indexOf(tick) === index && Number.isInteger(tick));
  const empty = totals.every((total) => total === 0);
  return (
    <figure className="chart">
      <figcaption className="chart-header">
        <h3 id={titleId}>{title}</h3>
        {/* With nothing to draw there is nothing to tabulate either: the empty message stands for both. */}
        {empty ? null : <button type="button" className="button subtle-button" aria-pressed={asTable} onClick={() => { setAsTable(!asTable); }}>{asTable ? 'Show chart' : 'Show as table'}</button>}
      </figcaption>
      <p id={descId} className="subtlest">{description}</p>
      {empty ? (
        <p className="inline-empty">No {unit} in this window yet.</p>
      ) : asTable ? (
        <TableScroll labelledBy={titleId}>
          <table className="data compact" aria-labelledby={titleId}>
            <thead>
              <tr>
                <th scope="col">{buckets.length > 0 && buckets[0]?.months.length === 1 ? 'Month' : 'Quarter'}</th>
                {data.map((entry) => <th key={entry.key} scope="col" className="numeric">{entry.label}</th>)}
                <th scope="col" className="numeric">Total</th>
              </tr>
            </thead>
            <tbody>
              {buckets.map((bucket, index) => (
                <tr key={bucket.id}>
                  <th scope="row">{bucket.label}</th>
                  {data.map((entry) => <td key={entry.key} className="numeric">{entry.values[index] ?? 0}</td>)}
                  <td className="numeric"><strong>{totals[index]}</strong></td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableScroll>
      ) : (
        <>
          <svg className="chart-svg" viewBox={`0 0 ${String(width)} ${String(height)}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
            {ticks.map((tick) => (
              <g key={tick}>
                <line className="chart-grid" x1={left} x2={width} y1={y(tick)} y2={y(tick)} />
                <text className="chart-axis" x={left - 6} y={y(tick) + 4} textAnchor="end">{tick}</text>
              </g>
            ))}
            {buckets.map((bucket, index) => {
              const x = left + slot * index + (slot - barWidth) / 2;
              let base = 0;
              return (
                <g key={bucket.id}>
                  <title>{`${bucket.label}: ${String(totals[index] ?? 0)} ${unit}`}</title>
                  {data.map((entry) => {
                    const value = entry.values[index] ?? 0;
                    if (value === 0) return null;
                    const top = y(base + value);
                    // Each segment names its series (colour is not the only signal); the table view has them all.
                    const rect = (
                      <rect key={entry.key} className="chart-segment" x={x} y={top} width={barWidth} height={Math.max(1, y(base) - top)} style={{ fill: entry.colour }}>
                        <title>{`${bucket.label}, ${entry.label}: ${String(value)}`}</title>
                      </rect>
                    );
                    base += value;
                    return rect;
                  })}
                  <text className="chart-axis" x={x + barWidth / 2} y={height - 10} textAnchor="middle">{bucket.label.replace(/ (\d{2})(\d{2})$/, " '$2")}</text>
                </g>
              );
            })}
          </svg>
          <ul className="legend" aria-label="Legend">
            {data.map((entry) => (
              <li key={entry.key}><span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />{entry.label} <span className="subtlest">({entry.total})</span></li>
            ))}
          </ul>
        </>
      )}
    </figure>
  );
}
