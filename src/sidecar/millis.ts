import { isDuration } from '../model/duration';

export { isDuration };

/**
 * The milliseconds of a `Duration`, fractional ones included (`toMilliseconds()` throws on them), or `NaN` for anything
 * that is not a `Duration` (untyped input, which the sidecar's rules report at synth).
 */
export function millisOf(duration: unknown): number {
  return isDuration(duration) ? duration.toMilliseconds({ integral: false }) : NaN;
}
