// One line of the `npm run bench` table (test/bench/runBench.mjs prints every module's rows together).
export interface BenchRow {
  name: string;
  value: string;
  target?: string;
  ok?: boolean;
}
