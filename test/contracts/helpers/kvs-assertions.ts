/** Assertions on what `@forge/kvs` raises, so tests state the exact class, code and status. */
import { ForgeKvsAPIError } from '@forge/kvs';

export async function expectKvsError(promise: Promise<unknown>, code: string, status?: number): Promise<ForgeKvsAPIError> {
  let caught: unknown;
  try {
    await promise;
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(ForgeKvsAPIError);
  const error = caught as ForgeKvsAPIError;
  expect(error.code).toBe(code);
  if (status !== undefined) expect(error.responseDetails.status).toBe(status);
  return error;
}
