// Medians of repeated runs, shared by the bench modules (the machine is noisy: report medians, not means).
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall time of `runs` calls of `fn`, in milliseconds. */
export function time(fn: () => void, runs: number): number {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

/** Median wall time of each function, run in alternating rounds: every row sees the same machine load. */
export function timeSideBySide<K extends string>(fns: Record<K, () => void>, runs: number): Record<K, number> {
  const entries = Object.entries(fns) as [K, () => void][];
  const samples = new Map<K, number[]>(entries.map(([k]) => [k, []]));
  for (let i = 0; i < runs; i++) {
    for (const [k, fn] of entries) {
      const t0 = performance.now();
      fn();
      samples.get(k)!.push(performance.now() - t0);
    }
  }
  return Object.fromEntries(entries.map(([k]) => [k, median(samples.get(k)!)])) as Record<K, number>;
}
