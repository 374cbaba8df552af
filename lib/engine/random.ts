// Seeded random numbers for the Monte Carlo: the same seed gives the same stream on every
// platform, so a report is reproducible byte for byte. Allocation-free: the hot loop calls
// these methods hundreds of thousands of times.

/** xorshift32 (Marsaglia 2003): tiny state, fast, and plenty for sampling weight vectors. */
export class Xorshift32 {
  private state: number;
  /** Second value of the last Box-Muller pair, used by the next call to `normal`. */
  private spareNormal = 0;
  private hasSpareNormal = false;

  constructor(seed: number) {
    // xorshift never leaves the all-zero state, and nearby seeds start nearly alike, so the seed
    // is scrambled first (murmur3's 32-bit finaliser) and zero mapped to a fixed non-zero value.
    let s = seed >>> 0;
    s = Math.imul(s ^ (s >>> 16), 0x85ebca6b) >>> 0;
    s = Math.imul(s ^ (s >>> 13), 0xc2b2ae35) >>> 0;
    s = (s ^ (s >>> 16)) >>> 0;
    this.state = s === 0 ? 0x9e3779b9 : s;
  }

  /** Uniform in the open interval (0, 1): never 0, so `Math.log` of it is always finite. */
  uniform(): number {
    let s = this.state;
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    this.state = s;
    return (s + 0.5) / 4294967296;
  }

  /** Standard normal by Box-Muller; both values of each pair are used. */
  normal(): number {
    if (this.hasSpareNormal) {
      this.hasSpareNormal = false;
      return this.spareNormal;
    }
    const radius = Math.sqrt(-2 * Math.log(this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spareNormal = radius * Math.sin(angle);
    this.hasSpareNormal = true;
    return radius * Math.cos(angle);
  }

  /**
   * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma
   * variables", ACM TOMS 26(3). Shapes below 1 use their boost: Gamma(a) = Gamma(a+1)·U^(1/a).
   */
  gamma(shape: number): number {
    if (shape < 1) return this.gamma(shape + 1) * Math.pow(this.uniform(), 1 / shape);
    const d = shape - 1 / 3;
    return this.gammaFromConstants(d, 1 / Math.sqrt(9 * d));
  }

  /**
   * The Marsaglia-Tsang loop for shape ≥ 1 with its constants d = shape − 1/3 and
   * c = 1/√(9d) precomputed by the caller, which draws many variates of the same shape.
   */
  gammaFromConstants(d: number, c: number): number {
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = this.uniform();
      const xx = x * x;
      // The squeeze accepts ~98% of candidates without computing a logarithm.
      if (u < 1 - 0.0331 * xx * xx) return d * v;
      if (Math.log(u) < 0.5 * xx + d * (1 - v + Math.log(v))) return d * v;
    }
  }
}
