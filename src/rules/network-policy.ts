import { annotationsOf, containerPorts, kindOf, KubeObject, list, nameOf, record, selectedPods, servicePorts, serviceType, specOf, str } from './manifest';
import { awsImplementationOf } from './mixed-protocol';
import { Rule } from './rule';
import { RULES } from '../core/catalog';
import { Violation } from '../core/finding';
import { AwsNlbAnnotations } from '../model/aws-load-balancer-controller';
import { clientAddressOf } from '../model/network-policy';

/**
 * The annotation of a NetworkPolicy that names the CIDRs of the cluster's nodes (comma-separated): an `ipBlock` of one
 * of them admits the nodes (the source of traffic kube-proxy source-NATs), not clients, and UDP803 leaves it alone.
 */
export const NODE_CIDRS_ANNOTATION = 'k8s-udp-constructs.io/node-cidrs';

const POLICY = ['NetworkPolicy'];
const SERVICE = ['Service'];
const DNS_PORT = 53;

/** A port the pods serve: its number and, when it is named, its name. */
interface PodPort {
  readonly protocol: string;
  readonly number?: number;
  readonly name?: string;
}

/** The policy types a NetworkPolicy applies: as given, else Ingress, and Egress when it has egress rules. */
function policyTypes(policy: KubeObject): string[] {
  const spec = specOf(policy);
  const given = list(spec.policyTypes).filter((t): t is string => typeof t === 'string');
  if (given.length > 0) return given;
  return list(spec.egress).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Whether a label selector (matchLabels and matchExpressions) matches a set of labels. */
function selectorMatches(selector: Record<string, unknown> | undefined, labels: Record<string, string>): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(record(selector.matchLabels) ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const raw of list(selector.matchExpressions)) {
    const e = record(raw) ?? {};
    const key = str(e.key) ?? '';
    const values = list(e.values).map(String);
    const has = key in labels;
    switch (e.operator) {
      case 'In': if (!has || !values.includes(labels[key])) return false; break;
      case 'NotIn': if (has && values.includes(labels[key])) return false; break;
      case 'Exists': if (!has) return false; break;
      case 'DoesNotExist': if (has) return false; break;
      default: break;
    }
  }
  return true;
}

/** The label sets of the pods a Service selects: those of the workloads found, else the selector itself. */
function podLabelsOf(service: KubeObject, objects: readonly KubeObject[]): Record<string, string>[] {
  const pods = selectedPods(service, objects);
  if (pods.length > 0) return pods.map((p) => p.labels);
  const selector = record(specOf(service).selector);
  if (!selector || Object.keys(selector).length === 0) return [];
  return [Object.fromEntries(Object.entries(selector).map(([k, v]) => [k, String(v)]))];
}

/** Whether a policy applies to (some of) the pods a Service selects. */
function policySelects(policy: KubeObject, service: KubeObject, objects: readonly KubeObject[]): boolean {
  const selector = record(specOf(policy).podSelector);
  return podLabelsOf(service, objects).some((labels) => selectorMatches(selector, labels));
}

/** The pod port a Service port entry sends to, with its number resolved from the pods' named container ports. */
function podPortOf(entry: Record<string, unknown>, protocol: string, service: KubeObject, objects: readonly KubeObject[]): PodPort {
  const target = entry.targetPort ?? entry.port;
  const declared = selectedPods(service, objects).flatMap((pod) => containerPorts(pod.spec)).filter((p) => p.protocol === protocol);
  if (typeof target === 'number') {
    // a policy may name the container port that has this number
    const named = declared.find((p) => p.port.containerPort === target && typeof p.port.name === 'string');
    return { protocol, number: target, name: named ? String(named.port.name) : undefined };
  }
  const name = String(target);
  const number = declared.find((p) => p.port.name === name)?.port.containerPort;
  return { protocol, name, number: typeof number === 'number' ? number : undefined };
}

/** Whether one NetworkPolicyPort entry covers a pod port. */
function portCovers(raw: unknown, port: PodPort): boolean {
  const entry = record(raw) ?? {};
  if ((str(entry.protocol) ?? 'TCP') !== port.protocol) return false;
  const value = entry.port;
  if (value === undefined) return true;
  if (typeof value === 'string') return value === port.name;
  if (typeof value !== 'number' || port.number === undefined) return false;
  const end = typeof entry.endPort === 'number' ? entry.endPort : value;
  return port.number >= value && port.number <= end;
}

/** Whether an ingress (or egress) rule admits a pod port: a rule without ports admits every port. */
function ruleAdmits(rule: Record<string, unknown>, port: PodPort): boolean {
  const ports = list(rule.ports);
  return ports.length === 0 || ports.some((p) => portCovers(p, port));
}

/** The NetworkPolicies among `objects` that isolate the pods of `service` for ingress. */
function isolatingPolicies(service: KubeObject, objects: readonly KubeObject[]): KubeObject[] {
  return objects.filter((o) => kindOf(o) === 'NetworkPolicy' && policyTypes(o).includes('Ingress') && policySelects(o, service, objects));
}

/** Whether some of `policies` admits a pod port (from any source). */
function admitted(policies: readonly KubeObject[], port: PodPort): boolean {
  return policies.some((policy) => list(specOf(policy).ingress).some((rule) => ruleAdmits(record(rule) ?? {}, port)));
}

/** The UDP pod ports of a Service. */
function udpPodPorts(service: KubeObject, objects: readonly KubeObject[]): Array<PodPort & { index: number; port: unknown }> {
  return servicePorts(service).filter((p) => p.protocol === 'UDP')
    .map((p) => ({ ...podPortOf(p.entry, 'UDP', service, objects), index: p.index, port: p.entry.port }));
}

/** How a port is written in a message: `UDP 53`, `UDP 53 (pod port 1053)`, `UDP dns`. */
function describe(port: PodPort & { port?: unknown }): string {
  const pod = port.number ?? port.name;
  return port.port !== undefined && port.port !== pod ? `${port.protocol} ${String(port.port)} (pod port ${String(pod)})` : `${port.protocol} ${String(pod)}`;
}

/** Each ingress and egress port entry of a policy, with its field path. */
function policyPorts(policy: KubeObject): Array<{ direction: 'ingress' | 'egress'; field: string; entry: Record<string, unknown> }> {
  const result: Array<{ direction: 'ingress' | 'egress'; field: string; entry: Record<string, unknown> }> = [];
  for (const direction of ['ingress', 'egress'] as const) {
    list(specOf(policy)[direction]).forEach((rule, i) => {
      list(record(rule)?.ports).forEach((entry, j) => {
        result.push({ direction, field: `spec.${direction}[${i}].ports[${j}]`, entry: record(entry) ?? {} });
      });
    });
  }
  return result;
}

/** UDP801: a NetworkPolicy port without protocol on 53, or on a port a UDP Service targets. */
export const NETWORK_POLICY_PORT_PROTOCOL: Rule = {
  ...RULES.UDP801,
  kinds: POLICY,
  check(policy, context) {
    const udpTargets = (objects: readonly KubeObject[], only?: (s: KubeObject) => boolean) => objects
      .filter((o) => kindOf(o) === 'Service' && (only?.(o) ?? true))
      .flatMap((service) => udpPodPorts(service, objects).map((port) => ({ service, port })));
    const result: Violation[] = [];
    for (const { direction, field, entry } of policyPorts(policy)) {
      if (entry.protocol !== undefined || entry.port === undefined) continue;
      const value = entry.port;
      let target: string | undefined;
      if (value === DNS_PORT) {
        target = 'DNS on port 53';
      } else {
        const candidates = direction === 'ingress'
          ? udpTargets(context.objects, (s) => policySelects(policy, s, context.objects))
          : udpTargets(context.clusterObjects);
        const hit = candidates.find(({ port }) => portCovers({ ...entry, protocol: 'UDP' }, port));
        if (hit) target = `UDP Service ${nameOf(hit.service) ?? '(unnamed)'} on ${describe(hit.port)}`;
      }
      if (!target) continue;
      result.push({
        field: `${field}.protocol`,
        value: undefined,
        message: `of port ${String(value)} is unset, which means TCP: ${target} gets no UDP through this ${direction} rule`,
        allowed: 'protocol: UDP (and a second entry with protocol: TCP where TCP is meant too)',
      });
    }
    return result;
  },
};

/** The protocols an egress rule allows to port 53. */
function dnsProtocols(rule: Record<string, unknown>): Set<string> {
  const found = new Set<string>();
  for (const protocol of ['UDP', 'TCP']) {
    if (ruleAdmits(rule, { protocol, number: DNS_PORT })) found.add(protocol);
  }
  return found;
}

/** UDP802: egress to DNS on only one of UDP and TCP 53. */
export const NETWORK_POLICY_DNS_EGRESS: Rule = {
  ...RULES.UDP802,
  kinds: POLICY,
  check(policy, context) {
    if (!policyTypes(policy).includes('Egress')) return [];
    const rules = list(specOf(policy).egress).map((r) => record(r) ?? {});
    // the first rule that names port 53 explicitly: where the finding points
    const index = rules.findIndex((rule) => list(rule.ports).some((p) => record(p)?.port === DNS_PORT));
    if (index < 0) return [];
    // policies add up: the egress of every policy with the same pod selector, or one for every pod, counts
    const selector = JSON.stringify(record(specOf(policy).podSelector) ?? {});
    const others = context.objects.filter((o) => o !== policy && kindOf(o) === 'NetworkPolicy' && policyTypes(o).includes('Egress'))
      .filter((o) => {
        const own = record(specOf(o).podSelector) ?? {};
        return Object.keys(own).length === 0 || JSON.stringify(own) === selector;
      });
    const allowed = new Set<string>();
    for (const rule of [...rules, ...others.flatMap((o) => list(specOf(o).egress).map((r) => record(r) ?? {}))]) {
      for (const p of dnsProtocols(rule)) allowed.add(p);
    }
    if (allowed.size !== 1) return [];
    const only = [...allowed][0];
    return [{
      field: `spec.egress[${index}].ports`,
      value: list(rules[index].ports),
      message: only === 'UDP'
        ? 'allow DNS on UDP 53 only: answers too large for UDP are retried over TCP and fail'
        : 'allow DNS on TCP 53 only: every ordinary DNS query, over UDP, is dropped',
      allowed: 'port 53 with protocol: UDP and with protocol: TCP',
    }];
  },
};

/** The CIDRs a policy names as the nodes'. */
function nodeCidrs(policy: KubeObject): Set<string> {
  const value = annotationsOf(policy)[NODE_CIDRS_ANNOTATION] ?? '';
  return new Set(value.split(',').map((c) => c.trim()).filter((c) => c.length > 0));
}

/** The NLB target type a Service asks the AWS Load Balancer Controller for, if any. */
function nlbTargetType(service: KubeObject): string | undefined {
  const annotations = annotationsOf(service);
  if (annotations[AwsNlbAnnotations.TYPE] === 'nlb-ip') return 'ip';
  return awsImplementationOf(service) === 'aws-load-balancer-controller' ? annotations[AwsNlbAnnotations.TARGET_TYPE] : undefined;
}

/** Whether the pods behind a Service see its clients' addresses (see `clientAddressOf`). */
export function serviceClientAddress(service: KubeObject): ReturnType<typeof clientAddressOf> {
  return clientAddressOf({
    type: serviceType(service),
    externalTrafficPolicy: str(specOf(service).externalTrafficPolicy),
    nlbTargetType: nlbTargetType(service),
    udp: servicePorts(service).some((p) => p.protocol === 'UDP'),
  });
}

/** UDP803: an ingress ipBlock of clients in front of a UDP Service whose pods see node addresses. */
export const NETWORK_POLICY_CLIENT_CIDRS: Rule = {
  ...RULES.UDP803,
  kinds: POLICY,
  check(policy, context) {
    const nodes = nodeCidrs(policy);
    const services = context.objects.filter((o) => kindOf(o) === 'Service' && policySelects(policy, o, context.objects))
      .filter((s) => {
        const address = serviceClientAddress(s);
        return address.external && !address.preserved;
      });
    const result: Violation[] = [];
    list(specOf(policy).ingress).forEach((raw, i) => {
      const rule = record(raw) ?? {};
      const hit = services.flatMap((service) => udpPodPorts(service, context.objects).map((port) => ({ service, port })))
        .find(({ port }) => ruleAdmits(rule, port));
      if (!hit) return;
      list(rule.from).forEach((peer, j) => {
        const cidr = str(record(record(peer)?.ipBlock)?.cidr);
        if (cidr === undefined || nodes.has(cidr)) return;
        result.push({
          field: `spec.ingress[${i}].from[${j}].ipBlock.cidr`,
          value: cidr,
          message: `admits clients to ${describe(hit.port)} of Service ${nameOf(hit.service) ?? '(unnamed)'}, but `
            + `${serviceClientAddress(hit.service).reason}: the CIDR matches the nodes, not the clients`,
          allowed: `externalTrafficPolicy: Local on the Service; or the nodes' CIDRs, named in the ${NODE_CIDRS_ANNOTATION} annotation, with clients filtered by loadBalancerSourceRanges`,
        });
      });
    });
    return result;
  },
};

/** UDP804: a UDP Service port no policy admits while policies isolate its pods. */
export const NETWORK_POLICY_UDP_PORT_ADMITTED: Rule = {
  ...RULES.UDP804,
  kinds: SERVICE,
  check(service, context) {
    if (servicePorts(service).every((p) => p.protocol !== 'UDP')) return [];
    const policies = isolatingPolicies(service, context.objects);
    if (policies.length === 0) return [];
    const names = policies.map((p) => nameOf(p) ?? '(unnamed)').join(', ');
    return udpPodPorts(service, context.objects).filter((port) => !admitted(policies, port)).map((port) => ({
      field: `spec.ports[${port.index}]`,
      value: describe(port),
      message: `is admitted by no NetworkPolicy, while ${names} isolate${policies.length === 1 ? 's' : ''} its pods: every packet is dropped`,
      allowed: 'an ingress rule for these pods with the pod port and protocol: UDP',
    }));
  },
};

/**
 * The pod ports on which an AWS NLB with ip targets checks the pods of a Service, over TCP: the health-check port
 * annotation's number, or the TCP traffic ports (the controller's default, `traffic-port`). None for other Services: an
 * NLB with instance targets checks the nodes.
 */
export function nlbPodHealthCheckPorts(service: KubeObject): Array<number | string> {
  if (serviceType(service) !== 'LoadBalancer' || nlbTargetType(service) !== 'ip') return [];
  const value = annotationsOf(service)[AwsNlbAnnotations.HEALTHCHECK_PORT];
  if (value !== undefined && /^\d+$/.test(value)) return [Number(value)];
  if (value !== undefined && value !== 'traffic-port') return [];
  const ports = servicePorts(service).filter((p) => p.protocol === 'TCP').map((p) => p.entry.targetPort ?? p.entry.port);
  return [...new Set(ports.filter((p): p is number | string => typeof p === 'number' || typeof p === 'string'))];
}

/** UDP805: the NLB's health-check port no policy admits while policies isolate the pods. */
export const NETWORK_POLICY_NLB_HEALTH_PORT: Rule = {
  ...RULES.UDP805,
  kinds: SERVICE,
  check(service, context) {
    const ports = nlbPodHealthCheckPorts(service);
    if (ports.length === 0) return [];
    const policies = isolatingPolicies(service, context.objects);
    if (policies.length === 0) return [];
    const key = AwsNlbAnnotations.HEALTHCHECK_PORT;
    const names = policies.map((p) => nameOf(p) ?? '(unnamed)').join(', ');
    return ports.filter((port) => {
      const target: PodPort = typeof port === 'number' ? { protocol: 'TCP', number: port } : podPortOf({ targetPort: port }, 'TCP', service, context.objects);
      return !admitted(policies, target);
    }).map((port) => ({
      field: `metadata.annotations["${key}"]`,
      value: annotationsOf(service)[key] ?? 'traffic-port',
      message: `is checked by the NLB over TCP on pod port ${String(port)} from its addresses in the VPC, but no NetworkPolicy that isolates the pods (${names}) admits TCP ${String(port)}: every target fails its health check`,
      allowed: `an ingress rule for these pods with port ${String(port)}, protocol TCP, from the VPC's CIDR`,
    }));
  },
};

/** The rules on NetworkPolicies in front of UDP Services. */
export const NETWORK_POLICY_RULES: readonly Rule[] = [
  NETWORK_POLICY_PORT_PROTOCOL,
  NETWORK_POLICY_DNS_EGRESS,
  NETWORK_POLICY_CLIENT_CIDRS,
  NETWORK_POLICY_UDP_PORT_ADMITTED,
  NETWORK_POLICY_NLB_HEALTH_PORT,
];
