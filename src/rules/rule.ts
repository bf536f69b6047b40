import { KubeObject } from './manifest';
import { Violation } from '../core/finding';
import { RuleInfo } from '../core/rule-info';
import type { GatewayApiChannel } from '../model/gateway-implementation';
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
  /** The ExternalDNS release that publishes the records, when known (`0.20`, `v0.22.0`). */
  readonly externalDnsVersion?: string;
  /** The cluster's Gateway API release channel, when known. */
  readonly gatewayApiChannel?: GatewayApiChannel;
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
