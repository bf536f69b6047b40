import { annotationsOf, kindOf, KubeObject, namespaceOf, nameOf, servicePorts, serviceType, specOf, str } from './manifest';
import { loadBalancerProviderOf } from './provider-of';
import { Rule, RuleContext } from './rule';
import { RULES } from '../core/catalog';
import { Violation } from '../core/finding';
import { CiliumAnnotations } from '../model/providers/cilium';
import { compareGkeVersions, GKE_MIXED_PROTOCOL_EXTERNAL_SINCE, GKE_MIXED_PROTOCOL_GA_SINCE, isGkeVersion } from '../model/providers/gke';

const SERVICE = ['Service'];

function annotationField(key: string): string {
  return `metadata.annotations["${key}"]`;
}

/** A comma-separated annotation as a list of trimmed, non-empty items. */
function items(value: string | undefined): string[] {
  return (value ?? '').split(',').map((x) => x.trim()).filter((x) => x.length > 0);
}

/** `namespace/name` of a Service, as messages name it. */
function refOf(service: KubeObject): string {
  const namespace = namespaceOf(service);
  return `${namespace ? `${namespace}/` : ''}${nameOf(service) ?? '(unnamed)'}`;
}

/** The other LoadBalancer Services of the whole set that Cilium's LB IPAM handles (they carry its annotations). */
function ciliumPeers(service: KubeObject, context: RuleContext): KubeObject[] {
  return context.clusterObjects.filter((other) => other !== service && kindOf(other) === 'Service'
    && serviceType(other) === 'LoadBalancer'
    && Object.keys(annotationsOf(other)).some((key) => key.startsWith('lbipam.cilium.io/')));
}

/** UDP320: two Services that request the same Cilium LB IPAM address share one sharing key. */
export const CILIUM_IPS_WITHOUT_SHARING_KEY: Rule = {
  ...RULES.UDP320,
  kinds: SERVICE,
  check(service, context) {
    if (serviceType(service) !== 'LoadBalancer') return [];
    const own = annotationsOf(service);
    const ips = items(own[CiliumAnnotations.IPS]);
    if (ips.length === 0) return [];
    const key = own[CiliumAnnotations.SHARING_KEY];
    const result: Violation[] = [];
    for (const other of ciliumPeers(service, context)) {
      const theirs = annotationsOf(other);
      const common = items(theirs[CiliumAnnotations.IPS]).filter((ip) => ips.includes(ip));
      if (common.length === 0 || (key !== undefined && key === theirs[CiliumAnnotations.SHARING_KEY])) continue;
      result.push({
        field: annotationField(CiliumAnnotations.IPS),
        value: own[CiliumAnnotations.IPS],
        message: `requests ${common.join(', ')}, which Service "${refOf(other)}" requests too, without the same `
          + `${CiliumAnnotations.SHARING_KEY}: LB IPAM gives the address to one of them and leaves the other pending`,
        allowed: `the same ${CiliumAnnotations.SHARING_KEY} on both Services (with different ports), or different addresses`,
        hint: 'LoadBalancerProvider.cilium({ sharingKey, loadBalancerIps }) sets both annotations',
      });
    }
    return result;
  },
};

/** Whether a Service's cross-namespace annotation lets it share with a Service of `namespace`. */
function allowsNamespace(service: KubeObject, namespace: string): boolean {
  const allowed = items(annotationsOf(service)[CiliumAnnotations.SHARING_CROSS_NAMESPACE]);
  return allowed.includes('*') || allowed.includes(namespace);
}

/** UDP321: Services of two namespaces that share a Cilium sharing key both allow the other's namespace. */
export const CILIUM_CROSS_NAMESPACE_SHARING: Rule = {
  ...RULES.UDP321,
  kinds: SERVICE,
  check(service, context) {
    if (serviceType(service) !== 'LoadBalancer') return [];
    const own = annotationsOf(service);
    const key = own[CiliumAnnotations.SHARING_KEY];
    const namespace = namespaceOf(service);
    if (key === undefined || namespace === undefined) return [];
    const result: Violation[] = [];
    for (const other of ciliumPeers(service, context)) {
      const theirs = namespaceOf(other);
      if (theirs === undefined || theirs === namespace || annotationsOf(other)[CiliumAnnotations.SHARING_KEY] !== key) continue;
      if (allowsNamespace(service, theirs)) continue;
      result.push({
        field: annotationField(CiliumAnnotations.SHARING_CROSS_NAMESPACE),
        value: own[CiliumAnnotations.SHARING_CROSS_NAMESPACE],
        message: `does not list namespace "${theirs}", so this Service does not share the address of sharing key "${key}" `
          + `with Service "${refOf(other)}": LB IPAM shares across namespaces only when both Services allow it`,
        allowed: `"${theirs}" (or "*") here, and "${namespace}" (or "*") on Service "${refOf(other)}"`,
        hint: 'LoadBalancerProvider.cilium({ sharingCrossNamespace: [...] }) sets it',
      });
    }
    return result;
  },
};

/** UDP322: on AKS, a UDP port of a Cluster-policy LoadBalancer Service is covered by a health probe. */
export const AKS_UDP_WITHOUT_PROBE: Rule = {
  ...RULES.UDP322,
  kinds: SERVICE,
  check(service, context) {
    if (serviceType(service) !== 'LoadBalancer' || specOf(service).externalTrafficPolicy === 'Local') return [];
    const provider = loadBalancerProviderOf(service, context);
    if (provider?.id !== 'aks' || provider.optionValue('sharedHealthProbe') === true) return [];
    return servicePorts(service).filter((p) => p.protocol === 'UDP').map((p) => ({
      field: `spec.ports[${p.index}]`,
      value: `${str(p.entry.name) ?? p.entry.port}/UDP`,
      message: 'gets no health probe from the Azure load balancer (a UDP port under externalTrafficPolicy Cluster): '
        + 'it keeps sending datagrams to every node, whether or not the node can forward them',
      allowed: 'externalTrafficPolicy: Local (the load balancer probes kube-proxy\'s healthCheckNodePort), or the '
        + 'cluster\'s shared health probe (AksOptions.sharedHealthProbe, --provider aks:shared-probe)',
    }));
  },
};

/** UDP323: before GA, GKE carries TCP and UDP in one Service over IPv4 only. */
export const GKE_MIXED_PROTOCOL_IPV6: Rule = {
  ...RULES.UDP323,
  kinds: SERVICE,
  check(service, context) {
    if (serviceType(service) !== 'LoadBalancer') return [];
    const protocols = new Set(servicePorts(service).map((p) => p.protocol));
    if (!protocols.has('TCP') || !protocols.has('UDP')) return [];
    const provider = loadBalancerProviderOf(service, context);
    const version = provider?.id === 'gke' ? provider.version : undefined;
    if (version === undefined || !isGkeVersion(version)) return [];
    const ipv4Only = compareGkeVersions(version, GKE_MIXED_PROTOCOL_EXTERNAL_SINCE) >= 0
      && compareGkeVersions(version, GKE_MIXED_PROTOCOL_GA_SINCE) < 0;
    if (!ipv4Only) return [];
    const spec = specOf(service);
    const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies.map(String) : [];
    const policy = str(spec.ipFamilyPolicy);
    if (families.includes('IPv6')) {
      return [{
        field: 'spec.ipFamilies',
        value: families,
        message: `asks for IPv6 on a Service that mixes TCP and UDP, which GKE ${version} carries over IPv4 only`,
        allowed: `["IPv4"], or GKE ${GKE_MIXED_PROTOCOL_GA_SINCE} or later for IPv6 and dual-stack`,
      }];
    }
    if (policy === 'RequireDualStack' || policy === 'PreferDualStack') {
      return [{
        field: 'spec.ipFamilyPolicy',
        value: policy,
        message: `asks for dual-stack on a Service that mixes TCP and UDP, which GKE ${version} carries over IPv4 only`,
        allowed: `SingleStack (IPv4), or GKE ${GKE_MIXED_PROTOCOL_GA_SINCE} or later for IPv6 and dual-stack`,
      }];
    }
    return [];
  },
};

/** The rules on the pitfalls of particular load-balancer implementations. */
export const PROVIDER_RULES: readonly Rule[] = [
  CILIUM_IPS_WITHOUT_SHARING_KEY,
  CILIUM_CROSS_NAMESPACE_SHARING,
  AKS_UDP_WITHOUT_PROBE,
  GKE_MIXED_PROTOCOL_IPV6,
];
