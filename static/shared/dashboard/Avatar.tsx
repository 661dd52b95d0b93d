const initials = (name: string): string =>
  name
    .split(/\s+/)
    .filter((part) => part !== '')
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

/**
 * A person as the panel shows them: an initials avatar and the name. (Jira's avatar images live
 * on another origin, which the app's content security policy does not allow.)
 */
export function Person({ name }: { name: string }) {
  return (
    <span className="person">
      <span className="avatar" aria-hidden="true">{initials(name)}</span>
      <span>{name}</span>
    </span>
  );
}
