/**
 * Seeding a year of history through the app's own resolvers needs the work to happen when it
 * happened: a review approved 9 days after the incident was resolved, an action completed after
 * its target date. `atTime` runs a step with the process clock (`Date.now()`, `new Date()`) moved
 * to that moment — the app, the KVS emulator and the Jira emulator all read it — and puts the real
 * clock back afterwards. Only for the seeders, which run before the server starts, one step at a time.
 */
const RealDate = Date;

export async function atTime<T>(epochMs: number, work: () => Promise<T>): Promise<T> {
  const offset = epochMs - RealDate.now();
  class SeedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number, number, number, number, number, number, number]));
    }

    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = SeedDate as DateConstructor;
  try {
    return await work();
  } finally {
    globalThis.Date = RealDate;
  }
}

/** Seeding time for one record: never backwards, never at or after the ceiling (the present). */
export class StepClock {
  private last = 0;

  constructor(private readonly ceiling: number) {}

  /** The moment for a step planned at `planned`: at least a minute after the previous step. */
  at(planned: number): number {
    this.last = Math.max(this.last + 60_000, Math.min(planned, this.ceiling));
    return this.last;
  }

  /** The moment of the latest step. */
  get latest(): number {
    return this.last;
  }
}
