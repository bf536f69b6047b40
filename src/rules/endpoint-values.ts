import { Finding, Severity } from './finding';
import { findingOf, RuleInfo } from './rule';
import { Sources } from './sources';
import type { KubernetesVersion } from '../model/kubernetes-version';

/** UDP310: the Kubernetes version is a Kubernetes version. */
export const KUBERNETES_VERSION: RuleInfo = {
  id: 'UDP310',
  severity: Severity.ERROR,
  title: 'kubernetesVersion must be a Kubernetes version',
  why: 'Whether TCP and UDP fit in one LoadBalancer Service depends on it.',
  source: Sources.MIXED_PROTOCOL_LB,
};

/**
 * UDP310 for a `kubernetesVersion` prop: given as something other than a `KubernetesVersion` (untyped input: a string
 * is read, and still reported), or a version that is not one. `version` is what `KubernetesVersion.ofProp` read.
 */
export function kubernetesVersionFindings(given: unknown, version: KubernetesVersion): Finding[] {
  if (given !== undefined && typeof given !== 'object') {
    return [findingOf(KUBERNETES_VERSION, {
      field: 'kubernetesVersion',
      value: given,
      message: `is a ${typeof given}, not a KubernetesVersion`,
      allowed: `KubernetesVersion.of(${JSON.stringify(String(given))})`,
    })];
  }
  if (version.valid) return [];
  return [findingOf(KUBERNETES_VERSION, {
    field: 'kubernetesVersion',
    value: version.text,
    message: 'is not a Kubernetes version',
    allowed: 'a version such as "1.28", "v1.28" or "1.28.3"',
  })];
}

/** UDP311: SINGLE asked where one Service cannot carry both protocols. */
export const SINGLE_UNSUPPORTED: RuleInfo = {
  id: 'UDP311',
  severity: Severity.ERROR,
  title: 'mixedProtocol SINGLE where the cluster cannot carry TCP and UDP in one Service',
  why: 'The API server refuses it (before 1.24), or the load balancer drops one protocol or is never built.',
  source: Sources.MIXED_PROTOCOL_LB,
};

/** UDP314: a TCP nodePort on an endpoint that is one Service. */
export const TCP_NODE_PORT_SINGLE: RuleInfo = {
  id: 'UDP314',
  severity: Severity.ERROR,
  title: 'tcpNodePort only on a split endpoint',
  why: 'In one Service the TCP and UDP entries of a port share one nodePort (the AWS TCP_UDP listener needs it); '
    + 'tcpNodePort names the TCP Service\'s own nodePort when the endpoint is split.',
  source: Sources.NODEPORT_ALLOCATOR,
};

/** The checks of `DualProtocolEndpoint` props. */
export const ENDPOINT_VALUE_RULES: readonly RuleInfo[] = [KUBERNETES_VERSION, SINGLE_UNSUPPORTED, TCP_NODE_PORT_SINGLE];
