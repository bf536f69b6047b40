import { METADATA_RULES } from './metadata';
import { Rule } from './rule';
import { SERVICE_PORT_RULES } from './service-ports';
import { SERVICE_SPEC_RULES } from './service-spec';
import { WORKLOAD_RULES } from './workload';

/**
 * Every rule over Kubernetes objects, in id order.
 *
 * Ids are grouped by hundreds: UDP1xx what the API server accepts for a Service and its metadata; UDP2xx the
 * workloads behind UDP Services (ports, probes, readiness).
 */
export const OBJECT_RULES: readonly Rule[] = [
  ...SERVICE_PORT_RULES,
  ...SERVICE_SPEC_RULES,
  ...METADATA_RULES,
  ...WORKLOAD_RULES,
];

/** The rule with `id`, or `undefined`. */
export function findRule(id: string): Rule | undefined {
  return OBJECT_RULES.find((rule) => rule.id === id.toUpperCase());
}
