/** One row of BENCHMARKS.md: a figure measured side by side with its alternative, beside its goal. */
export interface BenchRow {
  /** The section the row belongs to, for example `Synthesis` or `Sidecar`. */
  readonly group: string;
  /** What was measured, for example `1,000 UdpService vs cdk8s-plus Service + JSON patches: time`. */
  readonly name: string;
  /** The figure as printed, for example `1.07x` or `812 KiB`. */
  readonly measured: string;
  /** The goal as printed, for example `<= 1.2x`. */
  readonly goal: string;
  /** Whether the figure meets its goal. */
  readonly met: boolean;
  /** How it was measured, or why it misses its goal. */
  readonly note?: string;
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
