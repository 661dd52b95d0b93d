/** Blameless-wording hints (R6): gentle, never blocking. */
export function BlamelessNote({ messages }: { messages: readonly string[] }) {
  return (
    <div className="section-message info blameless" role="note">
      <div>
        <strong>A note on blameless wording</strong>
        <ul className="problem-list">
          {[...new Set(messages)].slice(0, 4).map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
        <p className="subtlest">This is only a hint; your text was saved.</p>
      </div>
    </div>
  );
}
