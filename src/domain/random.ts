/**
 * mulberry32 (Tommy Ettinger, public domain): a 32-bit state, a uniform float in [0, 1) per call.
 * The one seeded generator of the project: the evidence pack's reproducible samples, and the
 * sandbox's seeded site and replayable faults.
 */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
