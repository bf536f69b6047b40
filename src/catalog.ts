import { EXTERNAL_DNS_VALUE_RULES } from './k8s/external-dns';
import { DNS_RULES } from './model/dns';
import { PROVIDER_OPTION, PROVIDER_VERSION } from './model/load-balancer-provider';
import { NLB_VALUE_RULES } from './model/nlb-listeners';
import { OBJECT_RULES } from './rules/catalog';
import { ENDPOINT_VALUE_RULES } from './rules/endpoint-values';
import { NLB_CONSTRUCT_RULES } from './rules/nlb-values';
import { byRuleId, RuleInfo } from './rules/rule';
import { SERVICE_VALUE_RULES } from './rules/service-values';
import { SIDECAR_RULES } from './sidecar/rules';

/**
 * Every rule of the library, in id order: the object rules the constructs and the linter run on Kubernetes objects
 * (`OBJECT_RULES`), and the checks of construct props and Pulumi arguments that have no object field of their own.
 * Each id is stable and documented in the README's troubleshooting tables.
 */
export const RULE_CATALOG: readonly RuleInfo[] = [
  ...OBJECT_RULES,
  ...SERVICE_VALUE_RULES,
  ...ENDPOINT_VALUE_RULES,
  PROVIDER_OPTION,
  PROVIDER_VERSION,
  ...NLB_CONSTRUCT_RULES,
  ...DNS_RULES,
  ...EXTERNAL_DNS_VALUE_RULES,
  ...NLB_VALUE_RULES,
  ...SIDECAR_RULES,
].sort(byRuleId);

/** The rule with `id` (any case), or `undefined`. */
export function catalogEntry(id: string): RuleInfo | undefined {
  return RULE_CATALOG.find((rule) => rule.id === id.toUpperCase());
}
