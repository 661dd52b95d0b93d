/** The "at a glance" counters above the project and all-projects pages. */
export interface CountCard {
  label: string;
  value: number;
  tone: 'danger' | 'warning' | 'success' | 'neutral';
  hint: string;
}

export function CountCards({ cards }: { cards: readonly CountCard[] }) {
  return (
    <ul className="counts" aria-label="At a glance">
      {cards.map((card) => (
        <li key={card.label} className={`count-card ${card.tone}`}>
          <span className="count-value">{card.value}</span>
          <span className="count-label">{card.label}</span>
          <span className="subtlest">{card.hint}</span>
        </li>
      ))}
    </ul>
  );
}
