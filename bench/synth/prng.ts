/**
 * A seeded PRNG for the synthetic corpus.
 *
 * Hand-written rather than taken from a library on purpose: mulberry32 is a dozen lines of
 * 32-bit integer arithmetic (Math.imul, shifts), so the same seed yields the same corpus on
 * every Node version and platform. Math.random cannot be seeded, and seedable libraries have
 * changed their streams between major versions, which would silently change the ground truth.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max] (inclusive). */
  int(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(values: readonly T[]): T;
  /** A key of `weights`, chosen with probability proportional to its weight. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  /** A seeded Fisher–Yates shuffle (returns a copy). */
  shuffle<T>(values: readonly T[]): T[];
  /** An independent stream derived from this one, so sub-generators do not shift each other. */
  fork(): Random;
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (values) => {
      if (values.length === 0) throw new Error('synth/random: cannot pick from an empty list');
      return values[Math.floor(next() * values.length)]!;
    },
    weighted: (weights) => {
      const entries = Object.entries(weights) as [keyof typeof weights, number][];
      const total = entries.reduce((sum, [, w]) => sum + w, 0);
      let r = next() * total;
      for (const [key, w] of entries) {
        r -= w;
        if (r < 0) return key;
      }
      return entries[entries.length - 1]![0];
    },
    shuffle: (values) => {
      const copy = [...values];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy;
    },
    fork: () => createRandom(Math.floor(next() * 4294967296)),
  };
  return random;
}

/**
 * Samples indices 0..n-1 with P(i) ∝ 1/(i+1)^s (Zipf), by binary search over the cumulative
 * weights: a few units get most of the work, as in real plans where the lead department of the
 * plan's theme appears in most clauses.
 */
export function zipfSampler(n: number, exponent: number): (random: Random) => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 1, exponent);
    cumulative[i] = total;
  }
  return (random) => {
    const r = random.next() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}
