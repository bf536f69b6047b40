/**
 * The name formats the Kubernetes API server enforces (k8s.io/apimachinery `pkg/util/validation`).
 *
 * Each check returns `undefined` when the value is valid, or what is wrong with it in a short sentence.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const QUALIFIED_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const IANA_SVC_NAME = /^[-a-z0-9]+$/;

/** A lower-case RFC 1123 label: at most 63 characters of `a-z`, `0-9` and `-`, starting and ending alphanumeric. */
export function checkDns1123Label(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 63) return `must be no more than 63 characters (has ${value.length})`;
  if (!DNS1123_LABEL.test(value)) {
    return "must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** A lower-case RFC 1035 label: as a DNS-1123 label, but it must start with a letter. */
export function checkDns1035Label(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 63) return `must be no more than 63 characters (has ${value.length})`;
  if (!DNS1035_LABEL.test(value)) {
    return "must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character";
  }
  return undefined;
}

/** A lower-case RFC 1123 subdomain: dot-separated DNS-1123 labels, at most 253 characters in all. */
export function checkDns1123Subdomain(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 253) return `must be no more than 253 characters (has ${value.length})`;
  for (const label of value.split('.')) {
    if (!DNS1123_LABEL.test(label)) {
      return "must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    }
  }
  return undefined;
}

/**
 * An IANA service name (RFC 6335), the form of a named port: at most 15 characters of `a-z`, `0-9` and `-`,
 * at least one letter, no `--`, and no `-` at either end.
 */
export function checkIanaSvcName(value: string): string | undefined {
  if (value.length === 0) return 'must not be empty';
  if (value.length > 15) return `must be no more than 15 characters (has ${value.length})`;
  if (!IANA_SVC_NAME.test(value)) return "must contain only lower case alphanumeric characters (a-z, 0-9) and '-'";
  if (!/[a-z]/.test(value)) return 'must contain at least one letter (a-z)';
  if (value.includes('--')) return "must not contain consecutive hyphens ('--')";
  if (value.startsWith('-') || value.endsWith('-')) return "must not begin or end with a hyphen ('-')";
  return undefined;
}

/** A label or annotation key: an optional DNS-1123 subdomain prefix and `/`, then a name of at most 63 characters. */
export function checkQualifiedName(value: string): string | undefined {
  const parts = value.split('/');
  if (parts.length > 2) return "must be a name, optionally prefixed by a DNS subdomain and '/'";
  const [prefix, name] = parts.length === 2 ? parts : [undefined, parts[0]];
  if (prefix !== undefined) {
    if (prefix.length === 0) return 'prefix part must not be empty';
    const prefixProblem = checkDns1123Subdomain(prefix);
    if (prefixProblem) return `prefix part ${prefixProblem}`;
  }
  if (name.length === 0) return 'name part must not be empty';
  if (name.length > 63) return `name part must be no more than 63 characters (has ${name.length})`;
  if (!QUALIFIED_NAME.test(name)) {
    return "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}

/** A label value: empty, or at most 63 characters of alphanumerics, `-`, `_` and `.`, alphanumeric at both ends. */
export function checkLabelValue(value: string): string | undefined {
  if (value.length === 0) return undefined;
  if (value.length > 63) return `must be no more than 63 characters (has ${value.length})`;
  if (!QUALIFIED_NAME.test(value)) {
    return "must be empty or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character";
  }
  return undefined;
}
