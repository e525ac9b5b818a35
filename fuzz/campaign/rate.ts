// Programs per second over a sliding window: the average since the start hides a
// campaign that slowed down (a queue of long programs, a machine now shared), which is
// what someone watching the progress line wants to see.

export class RecentRate {
  /** [ms, programs] samples, the oldest first; the first is at least `windowMs` old once there is one. */
  private samples: Array<readonly [number, number]> = [];

  constructor(private readonly windowMs: number) {}

  /** Records `programs` done at time `ms` (any monotonic clock); programs/s since the sample about `windowMs` ago. */
  at(ms: number, programs: number): number {
    this.samples.push([ms, programs]);
    while (this.samples.length > 2 && this.samples[1][0] <= ms - this.windowMs) this.samples.shift();
    const [t0, p0] = this.samples[0];
    return ms > t0 ? Math.round(((programs - p0) * 1000) / (ms - t0)) : 0;
  }
}
