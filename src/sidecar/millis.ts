import { Duration } from 'cdk8s';

/** Whether `value` is a cdk8s `Duration` (by shape, so that another copy of cdk8s counts too). */
export function isDuration(value: unknown): value is Duration {
  return typeof (value as Partial<Duration> | null | undefined)?.toMilliseconds === 'function';
}

/**
 * The milliseconds of a `Duration`, fractional ones included (`toMilliseconds()` throws on them), or `NaN` for anything
 * that is not a `Duration` (untyped input, which the sidecar's rules report at synth).
 */
export function millisOf(duration: unknown): number {
  return isDuration(duration) ? duration.toMilliseconds({ integral: false }) : NaN;
}
