import { containerPorts, containersOf, kindOf, KubeObject, nameOf, PodTemplate, podTemplateOf, record, selectedPods, servicePorts, specOf, str, udpServicesSelecting } from './manifest';
import { readinessAdvice } from './provider-of';
import { Rule } from './rule';
import { RULES } from '../core/catalog';
import { Violation } from '../core/finding';

const WORKLOADS = ['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController'];
const PROBES = ['startupProbe', 'readinessProbe', 'livenessProbe'] as const;

function ref(object: KubeObject): string {
  return `${kindOf(object)}/${nameOf(object) ?? '(unnamed)'}`;
}

/** Whether a HorizontalPodAutoscaler of the set scales `owner` (it then owns the replica count). */
function isAutoscaled(owner: KubeObject, objects: readonly KubeObject[]): boolean {
  return objects.some((o) => {
    if (kindOf(o) !== 'HorizontalPodAutoscaler') return false;
    const target = record(specOf(o).scaleTargetRef);
    return target?.kind === kindOf(owner) && target?.name === nameOf(owner);
  });
}

/** UDP201: a named targetPort of a UDP port resolves to a UDP container port of the selected pods. */
export const NAMED_TARGET_PORT_UDP: Rule = {
  ...RULES.UDP201,
  kinds: ['Service'],
  check(service, context) {
    const pods = selectedPods(service, context.objects);
    if (pods.length === 0) return [];
    const result: Violation[] = [];
    for (const p of servicePorts(service)) {
      const target = p.entry.targetPort;
      if (p.protocol !== 'UDP' || typeof target !== 'string') continue;
      for (const pod of pods) {
        const ports = containerPorts(pod.spec).filter((c) => c.port.name === target);
        if (ports.some((c) => c.protocol === 'UDP')) continue;
        const declared = ports.length > 0 ? `declares "${target}" as ${ports[0].protocol}` : `declares no port named "${target}"`;
        result.push({
          field: `spec.ports[${p.index}].targetPort`,
          value: target,
          message: `${ref(pod.owner)} ${declared}, so this UDP port has no endpoints there`,
          allowed: `a container port named "${target}" with protocol UDP`,
          hint: 'declare the container port with protocol UDP (a TCP twin needs another name)',
        });
      }
    }
    return result;
  },
};

/** UDP202: pods behind a UDP Service declare its numeric target port as UDP, not only as TCP. */
export const TARGET_PORT_DECLARED_TCP: Rule = {
  ...RULES.UDP202,
  kinds: WORKLOADS,
  check(owner, context) {
    const pod = podTemplateOf(owner);
    if (!pod) return [];
    const result: Violation[] = [];
    for (const service of udpServicesSelecting(owner, context.objects)) {
      for (const p of servicePorts(service)) {
        const target = p.entry.targetPort ?? p.entry.port;
        if (p.protocol !== 'UDP' || typeof target !== 'number') continue;
        const declared = containerPorts(pod.spec).filter((c) => c.port.containerPort === target);
        if (declared.length === 0 || declared.some((c) => c.protocol === 'UDP')) continue;
        const first = declared[0];
        const index = (containersOf(pod.spec)[first.containerIndex].ports as unknown[]).indexOf(first.port);
        result.push({
          field: `${pod.specPath}.containers[${first.containerIndex}].ports[${index}].protocol`,
          value: str(first.port.protocol),
          message: `declares containerPort ${target} as ${first.protocol} only, but UDP Service "${nameOf(service)}" targets it over UDP`,
          allowed: 'protocol UDP (add a UDP entry if the port also serves TCP)',
        });
      }
    }
    return result;
  },
};

/** The probe actions that connect over TCP (HTTP and gRPC run over TCP too), none of which can reach a UDP socket. */
const TCP_ACTIONS = ['tcpSocket', 'httpGet', 'grpc'] as const;

/** The TCP connections a container's probes make: which probe, which action, the port as written. */
function tcpProbes(container: Record<string, unknown>): Array<{ probe: string; action: string; port: unknown }> {
  const result: Array<{ probe: string; action: string; port: unknown }> = [];
  for (const probe of PROBES) {
    for (const action of TCP_ACTIONS) {
      const target = record(record(container[probe])?.[action]);
      if (target) result.push({ probe, action, port: target.port });
    }
  }
  return result;
}

/** The port number a probe's `port` means in `container`. */
function probePortNumber(container: Record<string, unknown>, port: unknown): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port !== 'string') return undefined;
  if (/^\d+$/.test(port)) return Number(port);
  const named = (Array.isArray(container.ports) ? container.ports : [])
    .map((p) => record(p) ?? {})
    .find((p) => p.name === port);
  return typeof named?.containerPort === 'number' ? named.containerPort : undefined;
}

/** UDP203: no TCP, HTTP or gRPC probe on a port the container serves only over UDP. */
export const TCP_PROBE_ON_UDP_PORT: Rule = {
  ...RULES.UDP203,
  kinds: WORKLOADS,
  check(owner, context) {
    const pod = podTemplateOf(owner);
    if (!pod) return [];
    const result: Violation[] = [];
    const hint = () => readinessAdvice(udpServicesSelecting(owner, context.objects), context,
      'use the UDP health-check sidecar (UdpHealthCheck) and an httpGet readinessProbe on it, or an exec probe',
      'use an exec probe that fails when the UDP server is dead');
    containersOf(pod.spec).forEach((container, i) => {
      const ports = containerPorts({ containers: [container] });
      for (const { probe, action, port } of tcpProbes(container)) {
        const number = probePortNumber(container, port);
        const same = ports.filter((c) => c.port.containerPort === number);
        if (number === undefined || same.length === 0 || same.some((c) => c.protocol !== 'UDP')) continue;
        result.push({
          field: `${pod.specPath}.containers[${i}].${probe}.${action}.port`,
          value: port,
          message: `probes port ${number} over TCP, but container "${str(container.name) ?? i}" declares it only as UDP, so the probe never passes`,
          allowed: 'a probe on a TCP or HTTP port that reflects the UDP server\'s health',
          hint: hint(),
        });
      }
    });
    return result;
  },
};

/** UDP206: no TCP probe on a port only UDP Services reach, declared with no protocol (TCP by default). */
export const TCP_PROBE_ON_UDP_TARGET: Rule = {
  ...RULES.UDP206,
  kinds: WORKLOADS,
  check(owner, context) {
    const pod = podTemplateOf(owner);
    if (!pod) return [];
    const udpTargets = new Set<number>();
    for (const service of udpServicesSelecting(owner, context.objects)) {
      for (const p of servicePorts(service)) {
        const target = p.entry.targetPort ?? p.entry.port;
        if (p.protocol === 'UDP' && typeof target === 'number') udpTargets.add(target);
      }
    }
    if (udpTargets.size === 0) return [];
    const result: Violation[] = [];
    containersOf(pod.spec).forEach((container, i) => {
      const ports = containerPorts({ containers: [container] });
      for (const { probe, action, port } of tcpProbes(container)) {
        const number = probePortNumber(container, port);
        if (number === undefined || !udpTargets.has(number)) continue;
        const same = ports.filter((c) => c.port.containerPort === number);
        // declared UDP only: UDP203; declared TCP on purpose, or not at all: the server may well listen on TCP there
        if (same.length === 0 || same.some((c) => c.port.protocol !== undefined)) continue;
        if (tcpServiceTargets(owner, number, context.objects)) continue;
        result.push({
          field: `${pod.specPath}.containers[${i}].${probe}.${action}.port`,
          value: port,
          message: `probes port ${number} over TCP, but only UDP Services send traffic to it and container `
            + `"${str(container.name) ?? i}" declares it with no protocol, so a UDP-only server never passes the probe`,
          allowed: 'the port declared with protocol UDP, and a probe on a TCP or HTTP port that reflects the UDP server\'s health',
          hint: 'declare the port UDP and drop the TCP probe (k8s-udp-constructs does both for cdk8s-plus workloads); '
            + 'silence UDP206 if the server also listens on TCP there',
        });
      }
    });
    return result;
  },
};

/** Whether a Service selecting `owner` sends TCP to container port `number`. */
function tcpServiceTargets(owner: KubeObject, number: number, objects: readonly KubeObject[]): boolean {
  return objects.some((service) => kindOf(service) === 'Service'
    && servicePorts(service).some((p) => p.protocol === 'TCP' && (p.entry.targetPort ?? p.entry.port) === number)
    && selectedPods(service, objects).some((pod) => pod.owner === owner));
}

/** Whether any container of the pod has a readiness probe. */
function hasReadiness(pod: PodTemplate): boolean {
  return containersOf(pod.spec).some((c) => record(c.readinessProbe) !== undefined);
}

/** UDP204: pods behind a UDP Service have a readiness signal. */
export const UDP_WITHOUT_READINESS: Rule = {
  ...RULES.UDP204,
  kinds: WORKLOADS,
  check(owner, context) {
    const pod = podTemplateOf(owner);
    if (!pod || hasReadiness(pod)) return [];
    const services = udpServicesSelecting(owner, context.objects);
    if (services.length === 0) return [];
    return [{
      field: `${pod.specPath}.containers`,
      value: containersOf(pod.spec).map((c) => c.name),
      message: `no container has a readinessProbe, yet UDP Service "${nameOf(services[0])}" sends traffic to these pods`,
      allowed: 'a readinessProbe that fails when the UDP server is dead',
      hint: readinessAdvice(services, context, 'add the UDP health-check sidecar (UdpHealthCheck.addTo) or an exec readinessProbe',
        'add an exec readinessProbe that fails when the UDP server is dead'),
    }];
  },
};

/** UDP205: more than one replica behind a UDP Service. */
export const SINGLE_REPLICA: Rule = {
  ...RULES.UDP205,
  kinds: ['Deployment', 'StatefulSet', 'ReplicaSet', 'ReplicationController'],
  check(owner, context) {
    const replicas = specOf(owner).replicas;
    if (replicas !== undefined && replicas !== 1) return [];
    if (replicas === undefined && isAutoscaled(owner, context.objects)) return [];
    const services = udpServicesSelecting(owner, context.objects);
    if (services.length === 0) return [];
    return [{
      field: 'spec.replicas',
      value: replicas ?? 1,
      message: `only one pod serves UDP Service "${nameOf(services[0])}"`,
      allowed: '2 or more replicas (or silence UDP205 where one is meant)',
    }];
  },
};

/** The rules over workloads and the Services that select them. */
export const WORKLOAD_RULES: readonly Rule[] = [
  NAMED_TARGET_PORT_UDP,
  TARGET_PORT_DECLARED_TCP,
  TCP_PROBE_ON_UDP_PORT,
  TCP_PROBE_ON_UDP_TARGET,
  UDP_WITHOUT_READINESS,
  SINGLE_REPLICA,
];
