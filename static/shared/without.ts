/** A copy of the object without one key (no `delete`, so shapes stay predictable). */
export function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _removed, ...rest } = value;
  return rest;
}
