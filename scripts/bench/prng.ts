/**
 * A small seeded PRNG (sfc32, seeded through splitmix32) so a benchmark catalogue is the
 * same byte for byte for a given seed, whatever the Node version: `Math.random` cannot be
 * seeded, and two runs must measure the same data to be comparable.
 */

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number
  /** True with probability p. */
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[]
  /** Standard normal (Box–Muller). */
  normal(): number
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0
    return (z ^ (z >>> 16)) >>> 0
  }
}

export function createRng(seed: number): Rng {
  const init = splitmix32(seed)
  let a = init()
  let b = init()
  let c = init()
  let d = init()
  const next = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) >>> 0
    return t / 4294967296
  }
  // The first outputs of sfc32 are correlated with the seed: discard a few.
  for (let i = 0; i < 12; i++) next()

  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)]!
    },
    sample: (items, count) => {
      const copy = [...items]
      const n = Math.min(count, copy.length)
      for (let i = 0; i < n; i++) {
        const j = i + Math.floor(next() * (copy.length - i))
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy.slice(0, n)
    },
    normal: () => {
      const u = 1 - next()
      const v = next()
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
    },
  }
  return rng
}

/**
 * Picks an index with probability proportional to its weight in O(log n), for the
 * thousands of communes weighted by population.
 */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array
  private readonly total: number

  constructor(
    private readonly items: readonly T[],
    weight: (item: T) => number
  ) {
    this.cumulative = new Float64Array(items.length)
    let sum = 0
    items.forEach((item, i) => {
      sum += Math.max(0, weight(item))
      this.cumulative[i] = sum
    })
    if (sum <= 0) throw new Error('weighted table with no weight')
    this.total = sum
  }

  pick(rng: Rng): T {
    const target = rng.next() * this.total
    let lo = 0
    let hi = this.cumulative.length - 1
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cumulative[mid]! > target) hi = mid
      else lo = mid + 1
    }
    return this.items[lo]!
  }
}
