/**
 * The shape checks of untyped input (JavaScript callers, parsed YAML and annotations, Pulumi arguments from config):
 * one definition each, shared by the model's checks, the rules, the constructs and the Pulumi component.
 */

/** Whether `value` is an object of named fields: not `null`, not a list, not a number or a string. */
export function isFieldObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A list as given: `undefined` and `null` are none, and anything but a list is none too (its check reports it). */
export function listOf(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Whether `value` is a whole number in `min..max`. */
export function isWholeNumberIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
