/** A 12-month trend line; months without data leave a gap. Colours come from design tokens. */
export function Sparkline({ values, label }: { values: readonly (number | null)[]; label: string }) {
  const width = 120;
  const height = 28;
  const present = values.filter((value): value is number => value !== null);
  if (present.length === 0) return <span className="subtlest">no data</span>;
  const min = Math.min(...present);
  const max = Math.max(...present);
  const x = (index: number) => (values.length <= 1 ? width / 2 : 2 + (index * (width - 4)) / (values.length - 1));
  const y = (value: number) => (max === min ? height / 2 : height - 3 - ((value - min) * (height - 6)) / (max - min));
  const segments: [number, number][][] = [];
  let current: [number, number][] = [];
  values.forEach((value, index) => {
    if (value === null) {
      if (current.length > 0) segments.push(current);
      current = [];
    } else current.push([x(index), y(value)]);
  });
  if (current.length > 0) segments.push(current);
  const lastIndex = values.reduce<number>((last, value, index) => (value === null ? last : index), -1);
  const lastValue = values[lastIndex];
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${String(width)} ${String(height)}`} role="img" aria-label={label}>
      {segments.map((points) => {
        const [first] = points;
        if (first === undefined) return null;
        const key = first[0].toFixed(1);
        return points.length === 1 ? <circle key={key} className="dot" cx={first[0]} cy={first[1]} r={1.5} /> : <polyline key={key} points={points.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')} />;
      })}
      {lastValue === null || lastValue === undefined ? null : <circle cx={x(lastIndex)} cy={y(lastValue)} r={2.5} />}
    </svg>
  );
}
