import { ApiObjectMetadata } from 'cdk8s';
import { Construct } from 'constructs';
import { metadataFindings, metadataProp, objectMetadata } from './metadata';
import { ServiceBase } from './service-base';
import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';
import { KubeNetworkPolicy, KubeNetworkPolicyIngressRule, KubeNetworkPolicyPeer, KubeNetworkPolicyPort, KubeNetworkPolicySpec, networkPolicySpecJson } from '../kube/network-policy';
import { isCidr } from '../model/cidr';
import { ClientAddress, NetworkPolicyPeer } from '../model/network-policy';
import { KubeObject } from '../rules/manifest';
import { nlbPodHealthCheckPorts, NODE_CIDRS_ANNOTATION, serviceClientAddress } from '../rules/network-policy';
import { objectFindings, registerObjects } from '../validation/object-validation';
import { addRuleValidation } from '../validation/rule-validation';

/** The ingress NetworkPolicy of a construct that exposes pods (`networkPolicy` of UdpService, DualProtocolEndpoint, NlbUdpLoadBalancer). */
export interface UdpNetworkPolicyOptions {
  /**
   * Who may send to the Service's ports: client CIDRs, namespaces, pods (`NetworkPolicyPeer`). Client CIDRs only
   * where the pods see the client's address (ClusterIP, `externalTrafficPolicy: Local`, NLB ip targets for UDP):
   * behind `Cluster` they see a node's address after source NAT, and a CIDR of clients is an error (UDP811).
   * @default - any source: the policy admits the Service's ports (and the health check) from everywhere, and nothing else
   */
  readonly from?: NetworkPolicyPeer[];
  /**
   * The CIDRs of the nodes and of the load balancer's own addresses (on AWS, the VPC's CIDR). Admitted on the
   * health-check port when the load balancer checks the pods, and on the Service's ports when the pods see node
   * addresses (`externalTrafficPolicy: Cluster` on a NodePort or LoadBalancer Service).
   * @default - none: the health-check port is admitted from any source (UDP812)
   */
  readonly nodeCidrs?: string[];
  /**
   * Name, namespace, labels and annotations of the NetworkPolicy.
   * @default - `<Service name>-ingress`, in the Service's namespace
   */
  readonly metadata?: ApiObjectMetadata;
}

/** Props of a `UdpNetworkPolicy`. */
export interface UdpNetworkPolicyProps extends UdpNetworkPolicyOptions {
  /** The Services whose pods and ports the policy admits traffic to (they select the same pods). */
  readonly services: ServiceBase[];
  /**
   * More container ports (numbers or names) on which a load balancer health-checks the pods, over TCP (HTTP, HTTPS or
   * TCP). Those of an AWS NLB with ip targets are read from the Services' annotations.
   * @default - none besides an NLB's
   */
  readonly healthCheckPorts?: Array<number | string>;
}

/** How the construct's findings name its props when another construct made it from its own `networkPolicy`. */
const fieldPrefixes = new WeakMap<UdpNetworkPolicy, string>();

/** The health-check ports of a policy made by another construct, read at synthesis (ports may be added later). */
const healthProducers = new WeakMap<UdpNetworkPolicy, () => Array<number | string>>();

/**
 * The ingress NetworkPolicy (`networking.k8s.io/v1`) that a UDP Service's pods need in a namespace that isolates them:
 * the Service's ports with explicit protocols (a NetworkPolicy port without one means TCP), from the peers named in
 * `from`, and the load balancer's health-check path from `nodeCidrs`. Client CIDRs are written only where the pods see
 * the client's address: behind `externalTrafficPolicy: Cluster` they see a node's, and such a CIDR is an error.
 *
 * `UdpService`, `DualProtocolEndpoint` and `NlbUdpLoadBalancer` make one with their `networkPolicy` option.
 *
 * @example
 * new UdpNetworkPolicy(chart, 'dns-policy', {
 *   services: [dns],
 *   from: [NetworkPolicyPeer.namespace('clients'), NetworkPolicyPeer.cidr('10.20.0.0/16')],
 * });
 */
export class UdpNetworkPolicy extends Construct {
  /** The NetworkPolicy object. */
  public readonly apiObject: KubeNetworkPolicy;
  private readonly props: UdpNetworkPolicyProps;

  constructor(scope: Construct, id: string, props: UdpNetworkPolicyProps) {
    super(scope, id);
    this.props = props;
    const first = Array.isArray(props.services) ? props.services[0] : undefined;
    const given = metadataProp(props.metadata);
    const nodes = this.nodeCidrs();
    this.apiObject = new KubeNetworkPolicy(this, 'Resource', {
      metadata: objectMetadata({
        ...given,
        name: given?.name ?? (first ? `${first.name}-ingress` : undefined),
        namespace: given?.namespace ?? first?.apiObject.metadata.namespace,
        annotations: nodes.length > 0 ? { [NODE_CIDRS_ANNOTATION]: nodes.join(','), ...given?.annotations } : given?.annotations,
      }),
      spec: () => this.renderSpec(),
    });
    registerObjects(this, () => ({
      own: [{
        apiVersion: this.apiObject.apiVersion,
        kind: this.apiObject.kind,
        metadata: this.apiObject.metadata.toJson(),
        spec: networkPolicySpecJson(this.renderSpec()),
      }],
      options: {},
      related: [],
    }));
    addRuleValidation(this, () => [...this.findings(), ...objectFindings(this)]);
  }

  /** The problems of the props, fields named as the user wrote them. */
  public findings(): Finding[] {
    const prefix = fieldPrefixes.get(this) ?? '';
    return this.propFindings().map((f) => ({ ...f, field: f.field ? `${prefix}${f.field}` : prefix ? prefix.replace(/\.$/, '') : 'services' }));
  }

  private get services(): ServiceBase[] {
    return Array.isArray(this.props.services) ? this.props.services : [];
  }

  /** The peers of `from` that are peers with valid CIDRs (the others are reported, UDP814). */
  private peers(): NetworkPolicyPeer[] | undefined {
    const from: unknown = this.props.from;
    if (from === undefined) return undefined;
    return (Array.isArray(from) ? from : []).filter((p): p is NetworkPolicyPeer => NetworkPolicyPeer.isPeer(p) && p.problem() === undefined);
  }

  /** The valid CIDRs of `nodeCidrs`. */
  private nodeCidrs(): string[] {
    const given: unknown = this.props.nodeCidrs;
    return (Array.isArray(given) ? given : []).filter((c): c is string => typeof c === 'string' && isCidr(c));
  }

  /** The health-check ports that need a rule of their own: those the traffic rules do not already admit from anywhere. */
  private healthPorts(): Array<number | string> {
    const given: unknown = healthProducers.get(this)?.() ?? this.props.healthCheckPorts;
    const ports = [
      ...(Array.isArray(given) ? given : []).filter((p): p is number | string => typeof p === 'number' || typeof p === 'string'),
      // an NLB with ip targets checks the pods: its health-check port, or the TCP traffic ports
      ...this.services.flatMap((s) => nlbPodHealthCheckPorts(this.serviceObject(s))),
    ];
    if (this.props.from !== undefined) return [...new Set(ports)];
    const open = new Set(this.services.flatMap((s) => this.servicePorts(s)).filter((p) => p.protocol === 'TCP').map((p) => p.port));
    return [...new Set(ports)].filter((p) => !open.has(p));
  }

  /** A Service as the rules see it. */
  private serviceObject(service: ServiceBase): KubeObject {
    return service.apiObject.toJson() as KubeObject;
  }

  private address(service: ServiceBase): ClientAddress {
    return serviceClientAddress(this.serviceObject(service));
  }

  /** The pod ports a Service sends to, with their protocols. */
  private servicePorts(service: ServiceBase): KubeNetworkPolicyPort[] {
    return service.entries.map((e) => ({ port: e.targetPort ?? e.port, protocol: e.protocol }));
  }

  private renderSpec(): KubeNetworkPolicySpec {
    const selector = this.services[0] ? this.serviceObject(this.services[0]).spec as { selector?: Record<string, string> } | undefined : undefined;
    const peers = this.peers();
    const nodeBlocks: KubeNetworkPolicyPeer[] = this.nodeCidrs().map((cidr) => ({ ipBlock: { cidr } }));
    const ingress: KubeNetworkPolicyIngressRule[] = [];
    for (const service of this.services) {
      const ports = unique(this.servicePorts(service));
      if (ports.length === 0) continue;
      if (peers === undefined) {
        ingress.push({ ports });
        continue;
      }
      const address = this.address(service);
      const from = [
        ...peers.filter((p) => p.kind === 'selector' || address.preserved).map((p) => p.toJson() as KubeNetworkPolicyPeer),
        ...address.external && !address.preserved ? nodeBlocks : [],
      ];
      // an empty `from` would admit every source: a rule whose every peer is dropped (reported) admits nothing instead
      if (from.length > 0) ingress.push({ from, ports });
    }
    const health = this.healthPorts();
    if (health.length > 0) {
      ingress.push({ from: nodeBlocks.length > 0 ? nodeBlocks : undefined, ports: health.map((port) => ({ port, protocol: 'TCP' })) });
    }
    return { podSelector: { matchLabels: selector?.selector ?? {} }, policyTypes: ['Ingress'], ingress };
  }

  private propFindings(): Finding[] {
    const p = this.props as unknown as Record<string, unknown>;
    const findings: Finding[] = [...metadataFindings(p.metadata)];
    const wrong = (field: string, value: unknown, message: string, allowed: string) => findingOf(RULES.UDP814, { field, value, message, allowed });
    if (p.from !== undefined && !Array.isArray(p.from)) findings.push(wrong('from', p.from, 'must be a list of peers', 'a list such as [NetworkPolicyPeer.namespace(\'clients\')]'));
    if (p.nodeCidrs !== undefined && !Array.isArray(p.nodeCidrs)) findings.push(wrong('nodeCidrs', p.nodeCidrs, 'must be a list of CIDRs', 'a list such as [\'10.0.0.0/16\']'));
    (Array.isArray(p.nodeCidrs) ? p.nodeCidrs : []).forEach((cidr: unknown, i: number) => {
      if (typeof cidr !== 'string' || !isCidr(cidr)) findings.push(wrong(`nodeCidrs[${i}]`, cidr, 'is not a CIDR', 'an IPv4 or IPv6 CIDR such as 10.0.0.0/16'));
    });
    const from: unknown[] = Array.isArray(p.from) ? p.from : [];
    from.forEach((peer, i) => {
      if (!NetworkPolicyPeer.isPeer(peer)) {
        findings.push(wrong(`from[${i}]`, peer, 'is not a NetworkPolicyPeer', 'NetworkPolicyPeer.cidr(...), .namespace(...), .namespaces(...), .pods(...) or .podsInNamespaces(...)'));
      } else if (peer.problem() !== undefined) {
        findings.push(wrong(`from[${i}]`, peer.toJson(), peer.problem()!, 'an IPv4 or IPv6 CIDR such as 203.0.113.0/24'));
      }
    });
    for (const service of this.services) {
      const spec = this.serviceObject(service).spec as { selector?: Record<string, string> } | undefined;
      if (!spec?.selector || Object.keys(spec.selector).length === 0) {
        findings.push(wrong('', undefined, `needs pods to select, but Service ${service.name} has no selector`, 'a Service with a selector (labels or a workload)'));
      }
    }
    const hidden = this.services.map((s) => this.address(s)).find((a) => a.external && !a.preserved);
    const peers = this.peers() ?? [];
    if (hidden && this.props.from !== undefined) {
      from.forEach((peer, i) => {
        if (!NetworkPolicyPeer.isPeer(peer) || peer.kind !== 'cidr' || peer.problem() !== undefined) return;
        findings.push(findingOf(RULES.UDP811, {
          field: `from[${i}]`,
          value: peer.cidr,
          message: `names clients by address, but the pods never see ${peer.cidr}, so it is not written: ${hidden.reason}`,
          allowed: 'externalTrafficPolicy: TrafficPolicy.LOCAL (or NLB ip targets) with client CIDRs; or client CIDRs in loadBalancerSourceRanges and the nodes in nodeCidrs',
        }));
      });
      if (this.nodeCidrs().length === 0 && !peers.some((x) => x.kind === 'cidr')) {
        findings.push(findingOf(RULES.UDP813, {
          field: 'from',
          value: peers.map((x) => x.toJson()),
          message: `admits no client from outside the cluster while nodeCidrs is unset: ${hidden.reason}`,
          allowed: 'nodeCidrs with the nodes\' CIDRs, or externalTrafficPolicy: TrafficPolicy.LOCAL',
        }));
      }
    }
    const health = this.healthPorts();
    if (health.length > 0 && this.nodeCidrs().length === 0 && p.nodeCidrs === undefined) {
      findings.push(findingOf(RULES.UDP812, {
        field: 'nodeCidrs',
        value: undefined,
        message: `is unset, so the load balancer's health-check port ${health.join(', ')} (TCP) is admitted from any source`,
        allowed: 'the CIDRs of the nodes and the load balancer, on AWS the VPC\'s CIDR, such as [\'10.0.0.0/16\']',
      }));
    }
    return findings;
  }
}

/**
 * Makes the NetworkPolicy of a construct's `networkPolicy` option, whose findings name the option's fields
 * (`networkPolicy.from[0]`).
 */
export function networkPolicyFor(
  scope: Construct,
  options: UdpNetworkPolicyOptions,
  services: ServiceBase[],
  healthCheckPorts: () => Array<number | string> = () => [],
  name?: string,
): UdpNetworkPolicy {
  const given = metadataProp(options.metadata);
  const policy = new UdpNetworkPolicy(scope, 'network-policy', {
    ...options,
    metadata: given?.name === undefined && name !== undefined ? { ...given, name } : given,
    services,
  });
  fieldPrefixes.set(policy, 'networkPolicy.');
  healthProducers.set(policy, healthCheckPorts);
  return policy;
}

/** The ports without duplicates, in order. */
function unique(ports: KubeNetworkPolicyPort[]): KubeNetworkPolicyPort[] {
  const seen = new Set<string>();
  return ports.filter((p) => {
    const key = `${p.protocol}/${String(p.port)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
