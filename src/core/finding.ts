/** How much a finding matters. */
export enum Severity {
  /** The API server, a controller or the cloud would refuse it, or it cannot work: synth fails, lint exits 1. */
  ERROR = 'error',
  /** It works but is likely to hurt (lost traffic, no health signal): reported, never fails synth. */
  WARNING = 'warning',
  /** Nothing is wrong, but worth knowing (addresses that are not yours to keep): reported, never fails anything. */
  INFO = 'info',
}

/** The object a finding is about. */
export interface ObjectRef {
  /** `kind` of the object, for example `Service`. */
  readonly kind: string;
  /** `metadata.name`, when the object has one. */
  readonly name?: string;
  /** `metadata.namespace`, when the object has one. */
  readonly namespace?: string;
  /** Where the object comes from: an index into the checked objects. */
  readonly index: number;
}

/** What a rule reports about one field, before the engine adds the rule's identity. */
export interface Violation {
  /** The field, as a path into the object (`spec.ports[1].nodePort`) or a prop name for checks of values. */
  readonly field: string;
  /** The offending value, as the user wrote it. */
  readonly value: unknown;
  /** What is wrong, in a few words: `must be between 1 and 65535`. */
  readonly message: string;
  /** What is allowed instead, in a few words: `1..65535`. */
  readonly allowed?: string;
  /** How to fix it, when that is not obvious from `allowed`. */
  readonly hint?: string;
}

/** One problem found by one rule in one object. */
export interface Finding extends Violation {
  /** The rule's stable id, for example `UDP101`. */
  readonly ruleId: string;
  /** The effective severity, after overrides. */
  readonly severity: Severity;
  /** Where the rule's fact comes from (a URL). */
  readonly source: string;
  /** The object, when the finding is about one (checks of prop values have none). */
  readonly object?: ObjectRef;
}

/**
 * Renders a value the way it appears in a message: strings quoted, everything else as JSON.
 */
export function renderValue(value: unknown): string {
  if (value === undefined) return '(unset)';
  const path = (value as { node?: { path?: unknown } } | null)?.node?.path;
  if (typeof path === 'string') return `<${path}>`; // a construct: its path, not its (circular) fields
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  if (json === undefined) return String(value);
  return json.length > 120 ? `${json.slice(0, 117)}...` : json;
}

/**
 * The one message format of the library, shared by the constructs, the Pulumi components and the linter:
 *
 * `[RULE-ID] where: field value: what is wrong (what is allowed; source)`
 *
 * @param finding the finding to render
 * @param where the construct path, the Pulumi resource name, or the object and file position
 */
export function formatFinding(finding: Finding, where: string): string {
  const detail = [finding.allowed, finding.source].filter((x) => x !== undefined && x !== '').join('; ');
  const hint = finding.hint ? ` Fix: ${finding.hint}` : '';
  // (no `where` when the message is shown under its path already, as cdk8s shows validation errors)
  const at = where === '' ? '' : `${where}: `;
  return `[${finding.ruleId}] ${at}${finding.field} ${renderValue(finding.value)}: ${finding.message}` +
    (detail ? ` (${detail})` : '') + hint;
}
