import type { Duration } from 'cdk8s';

/** Whether `value` is a cdk8s `Duration` (by shape, so that another copy of cdk8s counts too). */
export function isDuration(value: unknown): value is Duration {
  return typeof (value as Partial<Duration> | null | undefined)?.toMilliseconds === 'function';
}

/**
 * The seconds of a `Duration`, fractional ones included (the checks report them), or `undefined` for anything that is
 * not a `Duration` (untyped input, reported by whoever reads it).
 */
export function secondsOf(value: unknown): number | undefined {
  return isDuration(value) ? value.toMilliseconds({ integral: false }) / 1000 : undefined;
}
