import { useId } from 'react';
import type { EvidencePeriod } from '../../../src/domain/evidence';

const KINDS: { kind: EvidencePeriod['kind']; label: string }[] = [
  { kind: 'quarter', label: 'Last 3 months' },
  { kind: 'year', label: 'Last 12 months' },
  { kind: 'custom', label: 'Custom months' },
];

/** The dashboard's periods (so the figures match it) or any whole UTC months. */
export function PeriodPicker({ value, onChange, today, disabled }: { value: EvidencePeriod; onChange: (value: EvidencePeriod) => void; today: string; disabled: boolean }) {
  const id = useId();
  const thisMonth = today.slice(0, 7);
  const custom = value.kind === 'custom' ? value : { kind: 'custom' as const, from: `${String(Number(thisMonth.slice(0, 4)) - 1)}${thisMonth.slice(4)}`, to: thisMonth };
  return (
    <div className="toolbar">
      <div className="inline-field">
        <span id={`${id}-period`}>Period</span>
        <div className="segmented" role="group" aria-labelledby={`${id}-period`}>
          {KINDS.map((kind) => (
            <button
              key={kind.kind}
              type="button"
              className={value.kind === kind.kind ? 'selected' : ''}
              aria-pressed={value.kind === kind.kind}
              disabled={disabled}
              onClick={() => { onChange(kind.kind === 'custom' ? custom : { kind: kind.kind }); }}
            >
              {kind.label}
            </button>
          ))}
        </div>
      </div>
      {value.kind === 'custom' ? (
        <>
          <label className="inline-field">
            From month
            <input type="month" value={value.from} max={thisMonth} disabled={disabled} onChange={(event) => { onChange({ ...value, from: event.target.value }); }} />
          </label>
          <label className="inline-field">
            To month
            <input type="month" value={value.to} max={thisMonth} disabled={disabled} onChange={(event) => { onChange({ ...value, to: event.target.value }); }} />
          </label>
        </>
      ) : null}
    </div>
  );
}
