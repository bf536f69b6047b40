import { namespaceOf, record, specOf } from './manifest';
import { Rule } from './rule';
import { RULES } from '../core/catalog';
import { Violation } from '../core/finding';
import { checkDns1123Label, checkDns1123Subdomain, checkLabelValue, checkQualifiedName } from '../model/names';

const ANY_KIND = ['*'];
const ANNOTATIONS_LIMIT = 256 * 1024;

function checkLabels(labels: Record<string, unknown>, field: string): Violation[] {
  const result: Violation[] = [];
  for (const [key, value] of Object.entries(labels)) {
    const keyProblem = checkQualifiedName(key);
    if (keyProblem) {
      result.push({
        field: `${field} key`,
        value: key,
        message: keyProblem,
        allowed: 'an optional DNS subdomain prefix and "/", then a name of at most 63 characters',
      });
    }
    const valueProblem = typeof value === 'string' ? checkLabelValue(value) : 'must be a string';
    if (valueProblem) {
      result.push({
        field: `${field}[${JSON.stringify(key)}]`,
        value,
        message: valueProblem,
        allowed: 'empty, or at most 63 characters of [A-Za-z0-9-_.], alphanumeric at both ends',
      });
    }
  }
  return result;
}

/** UDP130: label keys and values (and a Service selector's) have the form Kubernetes accepts. */
export const LABELS: Rule = {
  ...RULES.UDP130,
  kinds: ANY_KIND,
  check(object) {
    const result = checkLabels(record(record(object.metadata)?.labels) ?? {}, 'metadata.labels');
    if (object.kind === 'Service') {
      result.push(...checkLabels(record(specOf(object).selector) ?? {}, 'spec.selector'));
    }
    return result;
  },
};

/** UDP131: annotation keys are qualified names, and all annotations fit in 256 KiB. */
export const ANNOTATIONS: Rule = {
  ...RULES.UDP131,
  kinds: ANY_KIND,
  check(object) {
    const annotations = record(record(object.metadata)?.annotations) ?? {};
    const result: Violation[] = [];
    let size = 0;
    for (const [key, value] of Object.entries(annotations)) {
      size += Buffer.byteLength(key) + Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value) ?? '');
      const problem = checkQualifiedName(key.toLowerCase());
      if (problem) {
        result.push({
          field: 'metadata.annotations key',
          value: key,
          message: problem,
          allowed: 'an optional DNS subdomain prefix and "/", then a name of at most 63 characters',
        });
      }
    }
    if (size > ANNOTATIONS_LIMIT) {
      result.push({
        field: 'metadata.annotations',
        value: `${size} bytes`,
        message: 'are too long: the total size of keys and values must not exceed 262144 bytes',
        allowed: 'at most 256 KiB of annotations',
      });
    }
    return result;
  },
};

/** UDP132: the namespace is a DNS-1123 label. */
export const NAMESPACE: Rule = {
  ...RULES.UDP132,
  kinds: ANY_KIND,
  check(object) {
    const namespace = namespaceOf(object);
    const problem = namespace === undefined ? undefined : checkDns1123Label(namespace);
    return problem
      ? [{ field: 'metadata.namespace', value: namespace, message: problem, allowed: 'a DNS-1123 label, at most 63 characters' }]
      : [];
  },
};

/** UDP133: the name of an object other than a Service is a DNS-1123 subdomain. */
export const OBJECT_NAME: Rule = {
  ...RULES.UDP133,
  kinds: ANY_KIND,
  check(object) {
    const name = record(object.metadata)?.name;
    if (name === undefined || object.kind === 'Service') return [];
    const problem = typeof name === 'string' ? checkDns1123Subdomain(name) : 'must be a string';
    return problem
      ? [{ field: 'metadata.name', value: name, message: problem, allowed: 'a DNS-1123 subdomain: lower case alphanumerics, \'-\' and \'.\', at most 253 characters' }]
      : [];
  },
};

/** The rules on any object's metadata. */
export const METADATA_RULES: readonly Rule[] = [LABELS, ANNOTATIONS, NAMESPACE, OBJECT_NAME];
