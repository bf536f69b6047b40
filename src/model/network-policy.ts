import { isCidr } from './cidr';

/** The label every namespace carries with its own name (Kubernetes 1.22 and later). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** A peer of a NetworkPolicy rule as the API writes it. */
export interface NetworkPolicyPeerJson {
  readonly ipBlock?: { readonly cidr: string; readonly except?: readonly string[] };
  readonly namespaceSelector?: { readonly matchLabels?: Readonly<Record<string, string>> };
  readonly podSelector?: { readonly matchLabels?: Readonly<Record<string, string>> };
}

/**
 * Who may send to the pods: client addresses (a CIDR), every pod of some namespaces, or some pods.
 *
 * A CIDR means something only where the pods see the client's own address: in front of a Service with
 * `externalTrafficPolicy: Cluster` the source is a node's address after source NAT, and a CIDR of clients matches
 * nothing. Namespaces and pods are matched by their labels, whatever the Service's traffic policy.
 */
export class NetworkPolicyPeer {
  /**
   * Clients whose address is in `cidr` (an IPv4 or IPv6 CIDR), except the CIDRs of `except` (inside `cidr`).
   */
  public static cidr(cidr: string, except?: string[]): NetworkPolicyPeer {
    return new NetworkPolicyPeer('cidr', { ipBlock: { cidr, except: except && except.length > 0 ? [...except] : undefined } });
  }

  /** Every pod of the namespaces with these labels (`{}`: every namespace). */
  public static namespaces(labels: Record<string, string>): NetworkPolicyPeer {
    return new NetworkPolicyPeer('selector', { namespaceSelector: { matchLabels: { ...labels } } });
  }

  /** Every pod of the namespace named `name` (by the `kubernetes.io/metadata.name` label). */
  public static namespace(name: string): NetworkPolicyPeer {
    return NetworkPolicyPeer.namespaces({ [NAMESPACE_NAME_LABEL]: name });
  }

  /** The pods with these labels in the policy's own namespace. */
  public static pods(labels: Record<string, string>): NetworkPolicyPeer {
    return new NetworkPolicyPeer('selector', { podSelector: { matchLabels: { ...labels } } });
  }

  /** The pods with `podLabels` in the namespaces with `namespaceLabels`. */
  public static podsInNamespaces(namespaceLabels: Record<string, string>, podLabels: Record<string, string>): NetworkPolicyPeer {
    return new NetworkPolicyPeer('selector', {
      namespaceSelector: { matchLabels: { ...namespaceLabels } },
      podSelector: { matchLabels: { ...podLabels } },
    });
  }

  /** Whether a value is a `NetworkPolicyPeer` (of this copy of the library or another). */
  public static isPeer(value: unknown): value is NetworkPolicyPeer {
    if (value instanceof NetworkPolicyPeer) return true;
    const v = value as Partial<NetworkPolicyPeer> | null;
    return typeof v === 'object' && v !== null && (v.kind === 'cidr' || v.kind === 'selector') && typeof v.toJson === 'function';
  }

  private constructor(
    /** A CIDR of client addresses, or a selector of namespaces and pods. */
    public readonly kind: 'cidr' | 'selector',
    private readonly json: NetworkPolicyPeerJson,
  ) {}

  /** The CIDR of a `cidr` peer. */
  public get cidr(): string | undefined {
    return this.json.ipBlock?.cidr;
  }

  /** The peer as a NetworkPolicy writes it. */
  public toJson(): NetworkPolicyPeerJson {
    return this.json;
  }

  /** What is wrong with the peer's CIDRs, if anything (`undefined` when it is right). */
  public problem(): string | undefined {
    const block = this.json.ipBlock;
    if (!block) return undefined;
    if (typeof block.cidr !== 'string' || !isCidr(block.cidr)) return `${JSON.stringify(block.cidr)} is not a CIDR`;
    const wrong = (block.except ?? []).find((c) => typeof c !== 'string' || !isCidr(c));
    return wrong === undefined ? undefined : `except ${JSON.stringify(wrong)} is not a CIDR`;
  }
}

/** What decides the source address the pods behind a Service see. */
export interface ServiceExposure {
  /** The Service's `type` (ClusterIP when unset). */
  readonly type?: string;
  /** The Service's `externalTrafficPolicy` (Cluster when unset). */
  readonly externalTrafficPolicy?: string;
  /** The AWS NLB target type the Service asks for (`ip` or `instance`), when an NLB builds it. */
  readonly nlbTargetType?: string;
  /** Whether the Service carries UDP (an NLB keeps the client's address for UDP and TCP_UDP target groups). */
  readonly udp: boolean;
}

/** Whether the pods behind a Service see the client's own address, and why. */
export interface ClientAddress {
  /** Whether an `ipBlock` of client addresses can match the packets the pods receive. */
  readonly preserved: boolean;
  /** Why, in a clause: "externalTrafficPolicy is Cluster: ...". */
  readonly reason: string;
  /** Whether clients outside the cluster reach the pods (NodePort and LoadBalancer Services). */
  readonly external: boolean;
}

/**
 * Where the packets of a Service's clients come from, as the pods see them (and as NetworkPolicy matches them):
 *
 * - ClusterIP: clients are pods (or routed networks) and keep their address (kube-proxy only rewrites the destination);
 * - an AWS NLB with ip targets sends UDP straight to the pod IPs with the client's address (client IP preservation
 *   cannot be turned off for UDP and TCP_UDP target groups);
 * - `externalTrafficPolicy: Local`: kube-proxy delivers to a pod on the node that received the packet, keeping the
 *   client's address;
 * - `externalTrafficPolicy: Cluster` (the default): kube-proxy may forward to another node and replaces the client's
 *   address with a node's (source NAT).
 */
export function clientAddressOf(exposure: ServiceExposure): ClientAddress {
  const type = exposure.type ?? 'ClusterIP';
  const external = type === 'NodePort' || type === 'LoadBalancer';
  if (!external) {
    return { preserved: true, external, reason: `the Service is ${type}: in-cluster clients reach the pods with their own address` };
  }
  if (type === 'LoadBalancer' && exposure.nlbTargetType === 'ip') {
    return exposure.udp
      ? { preserved: true, external, reason: 'the NLB sends UDP to the pod addresses with the client\'s address (client IP preservation cannot be turned off for UDP)' }
      : { preserved: false, external, reason: 'the NLB sends TCP to ip targets from its own private addresses (client IP preservation is off for TCP ip targets)' };
  }
  if (exposure.externalTrafficPolicy === 'Local') {
    return { preserved: true, external, reason: 'externalTrafficPolicy is Local: the pods see the client\'s address' };
  }
  return {
    preserved: false,
    external,
    reason: 'externalTrafficPolicy is Cluster: kube-proxy replaces the client\'s address with a node\'s (source NAT) before the pod sees it',
  };
}
