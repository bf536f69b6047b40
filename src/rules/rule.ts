import { Finding, Severity, Violation } from './finding';
import { KubeObject } from './manifest';
import type { KubernetesVersion } from '../model/kubernetes-version';
import type { LoadBalancerProvider } from '../model/load-balancer-provider';
import { PortRange } from '../model/port-range';

/** What a rule knows besides the object it checks. */
export interface RuleContext {
  /** Every object checked together: the whole manifest set, or what the constructs of one chart emit with their workloads. */
  readonly objects: readonly KubeObject[];
  /** Every object checked, across namespaces (for cluster-wide resources such as NodePorts). */
  readonly clusterObjects: readonly KubeObject[];
  /** The cluster's `--service-node-port-range`. */
  readonly nodePortRange: PortRange;
  /** The cluster's Kubernetes version, when known. */
  readonly kubernetesVersion?: KubernetesVersion;
  /** The cluster's load-balancer implementation, when known. */
  readonly provider?: LoadBalancerProvider;
}

/** What every rule of the catalog states about itself. */
export interface RuleInfo {
  /** Stable id, for example `UDP101`. Never reused for another check. */
  readonly id: string;
  /** The severity unless overridden. */
  readonly severity: Severity;
  /** What it checks, in one line. */
  readonly title: string;
  /** Why it matters: what goes wrong when it is ignored. */
  readonly why: string;
  /** Where the fact comes from (a URL). */
  readonly source: string;
}

/**
 * One check, a pure function over plain Kubernetes objects. It knows nothing of constructs or Pulumi, so the
 * constructs (from `node.addValidation`) and the linter (on parsed YAML) run the very same implementation.
 */
export interface Rule extends RuleInfo {
  /** The `kind`s of object it checks. */
  readonly kinds: readonly string[];
  /** The violations in `object`; an empty array when it passes. */
  check(object: KubeObject, context: RuleContext): Violation[];
}

/**
 * Orders rules by id, code unit by code unit (ids are ASCII): the same order on every machine, and no collator to load
 * (`localeCompare` would load ICU's when the library is imported).
 */
export function byRuleId(a: RuleInfo, b: RuleInfo): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * A finding of a rule that checks a value rather than an object (a prop of a construct, an argument of a Pulumi
 * component): the same identity, severity and source as an object rule.
 */
export function findingOf(rule: RuleInfo, violation: Violation): Finding {
  return { ...violation, ruleId: rule.id, severity: rule.severity, source: rule.source };
}
