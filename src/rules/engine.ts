import { annotationsOf, kindOf, KubeObject, namespaceOf, nameOf } from './manifest';
import { Rule, RuleContext } from './rule';
import { Finding, ObjectRef, Severity } from '../core/finding';
import type { GatewayApiChannel } from '../model/gateway-implementation';
import type { KubernetesVersion } from '../model/kubernetes-version';
import type { LoadBalancerProvider } from '../model/load-balancer-provider';
import { PortRange } from '../model/port-range';

/**
 * The annotation that silences rules for one object: a comma-separated list of rule ids,
 * for example `k8s-udp-constructs.io/disable-rules: "UDP204,UDP205"`.
 */
export const DISABLE_RULES_ANNOTATION = 'k8s-udp-constructs.io/disable-rules';

/**
 * Options that hold for one object of a run rather than the whole run: a set built by several constructs, each with
 * its own cluster settings, is checked in one run.
 */
export interface ObjectCheckOptions {
  /**
   * Rule ids skipped on this object.
   * @default - none besides the run's
   */
  readonly disabled?: Iterable<string>;
  /**
   * The cluster's `--service-node-port-range` for this object.
   * @default - the run's
   */
  readonly nodePortRange?: PortRange;
  /**
   * The cluster's Kubernetes version for this object.
   * @default - the run's
   */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * The load-balancer implementation for this object.
   * @default - the run's
   */
  readonly provider?: LoadBalancerProvider;
  /**
   * The ExternalDNS release that publishes this object's records.
   * @default - the run's
   */
  readonly externalDnsVersion?: string;
  /**
   * The cluster's Gateway API release channel for this object.
   * @default - the run's
   */
  readonly gatewayApiChannel?: GatewayApiChannel;
}

/** How to run the rules. */
export interface CheckOptions {
  /**
   * The rules to run.
   * @default - every object rule of the catalog
   */
  readonly rules?: readonly Rule[];
  /**
   * Rule ids to skip everywhere.
   * @default - none
   */
  readonly disabled?: Iterable<string>;
  /**
   * Severity overrides by rule id.
   * @default - each rule's own severity
   */
  readonly severities?: Readonly<Record<string, Severity>>;
  /**
   * The cluster's `--service-node-port-range`.
   * @default PortRange.DEFAULT_NODE_PORTS (30000-32767)
   */
  readonly nodePortRange?: PortRange;
  /**
   * The cluster's Kubernetes version, for the rules that depend on it (mixed-protocol LoadBalancers).
   * @default - unknown: those rules stay silent
   */
  readonly kubernetesVersion?: KubernetesVersion;
  /**
   * The cluster's load-balancer implementation.
   * @default - unknown: inferred per Service from its annotations where possible
   */
  readonly provider?: LoadBalancerProvider;
  /**
   * The ExternalDNS release that publishes the records (`0.20`, `v0.22.0`), for the SRV target form (UDP430).
   * @default - unknown: the current release line, v0.22.0 or later
   */
  readonly externalDnsVersion?: string;
  /**
   * The cluster's Gateway API release channel (the CRDs installed), for the rule on route versions.
   * @default - unknown: that rule stays silent
   */
  readonly gatewayApiChannel?: GatewayApiChannel;
  /**
   * Options of single objects, over the run's (the objects of several constructs checked together).
   * @default - every object is checked with the run's options
   */
  readonly perObject?: ReadonlyMap<KubeObject, ObjectCheckOptions>;
}

const NONE: ReadonlySet<string> = new Set<string>();

/** The ids listed in an object's disable annotation. */
export function disabledByAnnotation(object: KubeObject): ReadonlySet<string> {
  const annotations = (object.metadata as { annotations?: Record<string, unknown> } | undefined)?.annotations;
  if (!annotations || annotations[DISABLE_RULES_ANNOTATION] === undefined) return NONE;
  const value = annotationsOf(object)[DISABLE_RULES_ANNOTATION] ?? '';
  return new Set(value.split(',').map((id) => id.trim().toUpperCase()).filter((id) => id.length > 0));
}

/** The reference to an object that findings carry. */
export function objectRef(object: KubeObject, index: number): ObjectRef {
  return { kind: kindOf(object), name: nameOf(object), namespace: namespaceOf(object), index };
}

/**
 * Runs rules over a set of plain objects and returns every finding, in object order, then rule order.
 * Cost is linear in the number of objects for per-object rules; rules that relate objects (a Service and the pods it
 * selects) look only at the objects of the same namespace.
 */
export function checkObjects(objects: readonly KubeObject[], rules: readonly Rule[], options: CheckOptions = {}): Finding[] {
  const disabled = idSet(options.disabled);
  const index = ruleIndex(rules);
  const context = contextFor(objects, options);
  const findings: Finding[] = [];
  objects.forEach((object, index_) => {
    const silenced = disabledByAnnotation(object);
    const own = options.perObject?.get(object);
    const ownDisabled = own ? idSet(own.disabled) : NONE;
    const objectContext = own ? withObjectOptions(context.for(object), own) : context.for(object);
    for (const rule of index.forKind(kindOf(object))) {
      if (disabled.has(rule.id) || silenced.has(rule.id) || ownDisabled.has(rule.id)) continue;
      for (const violation of rule.check(object, objectContext)) {
        findings.push({
          ...violation,
          ruleId: rule.id,
          severity: options.severities?.[rule.id] ?? rule.severity,
          source: rule.sources[0],
          object: objectRef(object, index_),
        });
      }
    }
  });
  return findings;
}

function idSet(ids: Iterable<string> | undefined): ReadonlySet<string> {
  if (ids === undefined) return NONE;
  const result = new Set<string>();
  for (const id of ids) result.add(id.toUpperCase());
  return result;
}

/** A context with one object's options over the run's. */
function withObjectOptions(context: RuleContext, own: ObjectCheckOptions): RuleContext {
  return {
    ...context,
    nodePortRange: own.nodePortRange ?? context.nodePortRange,
    kubernetesVersion: own.kubernetesVersion ?? context.kubernetesVersion,
    provider: own.provider ?? context.provider,
    externalDnsVersion: own.externalDnsVersion ?? context.externalDnsVersion,
    gatewayApiChannel: own.gatewayApiChannel ?? context.gatewayApiChannel,
  };
}

/** The rules of a list by the kind they check (`*` rules last), built once per list. */
interface RuleIndex {
  forKind(kind: string): readonly Rule[];
}

const ruleIndexes = new WeakMap<readonly Rule[], RuleIndex>();

function ruleIndex(rules: readonly Rule[]): RuleIndex {
  const cached = ruleIndexes.get(rules);
  if (cached) return cached;
  const anyKind = rules.filter((rule) => rule.kinds.includes('*'));
  const byKind = new Map<string, Rule[]>();
  for (const rule of rules) {
    for (const kind of rule.kinds) {
      if (kind !== '*') byKind.set(kind, [...(byKind.get(kind) ?? []), rule]);
    }
  }
  const merged = new Map<string, readonly Rule[]>();
  const index: RuleIndex = {
    forKind(kind) {
      let found = merged.get(kind);
      if (!found) {
        found = [...(byKind.get(kind) ?? []), ...anyKind];
        merged.set(kind, found);
      }
      return found;
    },
  };
  ruleIndexes.set(rules, index);
  return index;
}

/**
 * Builds per-namespace contexts once, so that relating rules stay linear in the size of the set. An object without a
 * namespace (common in Helm and kustomize output, applied to the current namespace) may relate to any: it joins every
 * namespace's group, and its own group holds everything.
 */
function contextFor(objects: readonly KubeObject[], options: CheckOptions): { for(object: KubeObject): RuleContext } {
  const nodePortRange = options.nodePortRange ?? PortRange.DEFAULT_NODE_PORTS;
  const unscoped = objects.filter((object) => namespaceOf(object) === undefined);
  const byNamespace = new Map<string, KubeObject[]>();
  for (const object of objects) {
    const namespace = namespaceOf(object);
    if (namespace === undefined) continue;
    const group = byNamespace.get(namespace);
    if (group) group.push(object);
    else byNamespace.set(namespace, [object]);
  }
  const contexts = new Map<string | undefined, RuleContext>();
  return {
    for(object) {
      const namespace = namespaceOf(object);
      let context = contexts.get(namespace);
      if (!context) {
        const group = namespace === undefined ? objects : [...(byNamespace.get(namespace) ?? []), ...unscoped];
        context = {
          objects: group,
          clusterObjects: objects,
          nodePortRange,
          kubernetesVersion: options.kubernetesVersion,
          provider: options.provider,
          externalDnsVersion: options.externalDnsVersion,
          gatewayApiChannel: options.gatewayApiChannel,
        };
        contexts.set(namespace, context);
      }
      return context;
    },
  };
}
