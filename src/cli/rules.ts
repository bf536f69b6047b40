/**
 * The rules `k8s-udp lint` runs: every object rule of the catalog, plus the ExternalDNS (UDP430-UDP449) and AWS NLB
 * (UDP560-UDP599) rules until the catalog lists them itself. Deduplicated by id, in id order.
 */
import { AWS_NLB_RULES } from '../rules/aws-nlb';
import { OBJECT_RULES } from '../rules/catalog';
import { EXTERNAL_DNS_RULES } from '../rules/external-dns';
import { Rule } from '../rules/rule';

/** Every rule the linter runs, in id order. */
export const LINT_RULES: readonly Rule[] = (() => {
  const byId = new Map<string, Rule>();
  for (const rule of [...OBJECT_RULES, ...EXTERNAL_DNS_RULES, ...AWS_NLB_RULES]) if (!byId.has(rule.id)) byId.set(rule.id, rule);
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
})();

/** The linter's rule with `id` (any case), or `undefined`. */
export function findLintRule(id: string): Rule | undefined {
  const upper = id.toUpperCase();
  return LINT_RULES.find((rule) => rule.id === upper);
}
