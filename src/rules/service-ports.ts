import { Severity, Violation } from './finding';
import { isHeadless, KubeObject, nameOf, namespaceOf, servicePorts, serviceType, specOf, str } from './manifest';
import { Rule } from './rule';
import { Sources } from './sources';
import { checkDns1123Label, checkIanaSvcName } from '../model/names';
import { SERVICE_PROTOCOLS } from '../model/protocol';

const SERVICE = ['Service'];

function isPortNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** UDP101: a Service port is a whole number in 1..65535. */
export const SERVICE_PORT_RANGE: Rule = {
  id: 'UDP101',
  severity: Severity.ERROR,
  title: 'Service port must be between 1 and 65535',
  why: 'The API server rejects the Service.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    return servicePorts(service)
      .filter((p) => !isPortNumber(p.entry.port))
      .map((p) => ({
        field: `spec.ports[${p.index}].port`,
        value: p.entry.port,
        message: 'must be between 1 and 65535 inclusive',
        allowed: 'a whole number 1..65535',
      }));
  },
};

/** UDP102: a requested nodePort lies in the cluster's NodePort range. */
export const NODE_PORT_RANGE: Rule = {
  id: 'UDP102',
  severity: Severity.ERROR,
  title: "nodePort must be in the cluster's --service-node-port-range",
  why: 'The API server refuses the Service on create: "provided port is not in the valid range".',
  source: Sources.NODEPORT_ALLOCATOR,
  kinds: SERVICE,
  check(service, context) {
    const range = context.nodePortRange;
    return servicePorts(service)
      .filter((p) => p.entry.nodePort !== undefined && p.entry.nodePort !== 0)
      .filter((p) => typeof p.entry.nodePort !== 'number' || !range.includes(p.entry.nodePort))
      .map((p) => ({
        field: `spec.ports[${p.index}].nodePort`,
        value: p.entry.nodePort,
        message: 'is not in the valid NodePort range',
        allowed: `${range}, the cluster's --service-node-port-range: set nodePortRange if yours differs`,
      }));
  },
};

/** UDP103: no nodePort on a ClusterIP or headless Service. */
export const NODE_PORT_ON_CLUSTER_IP: Rule = {
  id: 'UDP103',
  severity: Severity.ERROR,
  title: 'nodePort only on NodePort and LoadBalancer Services',
  why: 'The API server rejects a nodePort on a ClusterIP Service.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const type = serviceType(service);
    if (type !== 'ClusterIP' && type !== 'ExternalName') return [];
    return servicePorts(service)
      .filter((p) => p.entry.nodePort !== undefined && p.entry.nodePort !== 0)
      .map((p) => ({
        field: `spec.ports[${p.index}].nodePort`,
        value: p.entry.nodePort,
        message: `may not be used when type is '${type}'${isHeadless(service) ? ' (headless)' : ''}`,
        allowed: 'type NodePort or LoadBalancer',
      }));
  },
};

/** UDP104: a nodePort is requested by one port number only, and once per protocol. */
export const NODE_PORT_CONFLICT: Rule = {
  id: 'UDP104',
  severity: Severity.ERROR,
  title: 'nodePort requested twice',
  why: 'Two entries with different ports cannot share a nodePort ("provided port is already allocated"), '
    + 'and (protocol, nodePort) must be unique. Only the TCP and UDP entries of one port may share it.',
  source: Sources.NODEPORT_ALLOCATOR,
  kinds: SERVICE,
  check(service) {
    const result: Violation[] = [];
    const seen = new Map<number, { port: unknown; protocols: Set<string>; index: number }>();
    for (const p of servicePorts(service)) {
      const nodePort = p.entry.nodePort;
      if (typeof nodePort !== 'number' || nodePort === 0) continue;
      const first = seen.get(nodePort);
      if (!first) {
        seen.set(nodePort, { port: p.entry.port, protocols: new Set([p.protocol]), index: p.index });
        continue;
      }
      if (first.port !== p.entry.port) {
        result.push({
          field: `spec.ports[${p.index}].nodePort`,
          value: nodePort,
          message: `is already requested by spec.ports[${first.index}] (port ${first.port}); `
            + 'entries with different ports cannot share a nodePort',
          allowed: 'a distinct nodePort per port number; only TCP and UDP of the same port may share one',
        });
      } else if (first.protocols.has(p.protocol)) {
        result.push({
          field: `spec.ports[${p.index}].nodePort`,
          value: nodePort,
          message: `duplicates spec.ports[${first.index}] with the same protocol ${p.protocol}`,
          allowed: 'each (protocol, nodePort) once',
        });
      } else {
        first.protocols.add(p.protocol);
      }
    }
    return result;
  },
};

/** UDP105: more than one port, so every port has a name. */
export const PORT_NAME_REQUIRED: Rule = {
  id: 'UDP105',
  severity: Severity.ERROR,
  title: 'Every port needs a name when a Service has more than one',
  why: 'The API server rejects a multi-port Service with an unnamed port.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const ports = servicePorts(service);
    if (ports.length < 2) return [];
    return ports
      .filter((p) => p.entry.name === undefined || p.entry.name === '')
      .map((p) => ({
        field: `spec.ports[${p.index}].name`,
        value: p.entry.name,
        message: `is required when a Service has more than one port (this one has ${ports.length})`,
        allowed: 'a unique DNS-1123 label such as "dns-udp"',
      }));
  },
};

/** UDP106: a port name is a DNS-1123 label. */
export const PORT_NAME_FORMAT: Rule = {
  id: 'UDP106',
  severity: Severity.ERROR,
  title: 'Port name must be a DNS-1123 label',
  why: 'The API server rejects the Service.',
  source: Sources.NAME_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const result: Violation[] = [];
    for (const p of servicePorts(service)) {
      const name = p.entry.name;
      if (name === undefined || name === '') continue;
      const problem = typeof name === 'string' ? checkDns1123Label(name) : 'must be a string';
      if (problem) {
        result.push({
          field: `spec.ports[${p.index}].name`,
          value: name,
          message: problem,
          allowed: 'a DNS-1123 label: [a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63 characters',
        });
      }
    }
    return result;
  },
};

/** UDP107: port names are unique within the Service. */
export const PORT_NAME_UNIQUE: Rule = {
  id: 'UDP107',
  severity: Severity.ERROR,
  title: 'Port names must be unique within a Service',
  why: 'The API server rejects the Service.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const result: Violation[] = [];
    const seen = new Map<string, number>();
    for (const p of servicePorts(service)) {
      const name = str(p.entry.name);
      if (!name) continue;
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, p.index);
      } else {
        result.push({
          field: `spec.ports[${p.index}].name`,
          value: name,
          message: `duplicates the name of spec.ports[${first}]`,
          allowed: 'a name used once per Service',
        });
      }
    }
    return result;
  },
};

/** UDP108: (port, protocol) is unique within the Service. */
export const PORT_PROTOCOL_UNIQUE: Rule = {
  id: 'UDP108',
  severity: Severity.ERROR,
  title: '(port, protocol) must be unique within a Service',
  why: 'The API server rejects the Service.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const result: Violation[] = [];
    const seen = new Map<string, number>();
    for (const p of servicePorts(service)) {
      const key = `${String(p.entry.port)}/${p.protocol}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, p.index);
      } else {
        result.push({
          field: `spec.ports[${p.index}].port`,
          value: p.entry.port,
          message: `duplicates spec.ports[${first}]: port ${String(p.entry.port)} with protocol ${p.protocol} is declared twice`,
          allowed: 'each (port, protocol) once',
        });
      }
    }
    return result;
  },
};

/** UDP109: targetPort is a port number or an IANA service name. */
export const TARGET_PORT_FORMAT: Rule = {
  id: 'UDP109',
  severity: Severity.ERROR,
  title: 'targetPort must be a port number or an IANA_SVC_NAME',
  why: 'The API server rejects the Service.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const result: Violation[] = [];
    for (const p of servicePorts(service)) {
      const target = p.entry.targetPort;
      if (target === undefined || target === 0) continue;
      if (typeof target === 'number') {
        // a targetPort copied from an invalid port is reported once, by UDP101
        if (!isPortNumber(target) && target !== p.entry.port) {
          result.push({
            field: `spec.ports[${p.index}].targetPort`,
            value: target,
            message: 'must be between 1 and 65535 inclusive',
            allowed: 'a whole number 1..65535 or a named container port',
          });
        }
        continue;
      }
      const problem = typeof target === 'string' ? checkIanaSvcName(target) : 'must be a number or a string';
      if (problem) {
        result.push({
          field: `spec.ports[${p.index}].targetPort`,
          value: target,
          message: `is not a valid named port: ${problem}`,
          allowed: 'an IANA_SVC_NAME: at most 15 characters of a-z, 0-9 and "-", with a letter, no "--", no "-" at either end',
        });
      }
    }
    return result;
  },
};

/** UDP110: protocol is TCP, UDP or SCTP. */
export const PORT_PROTOCOL_VALUE: Rule = {
  id: 'UDP110',
  severity: Severity.ERROR,
  title: 'Port protocol must be TCP, UDP or SCTP',
  why: 'The API server rejects the Service (values are case-sensitive).',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service: KubeObject) {
    return servicePorts(service)
      .filter((p) => p.entry.protocol !== undefined && !SERVICE_PROTOCOLS.includes(p.entry.protocol as string))
      .map((p) => ({
        field: `spec.ports[${p.index}].protocol`,
        value: p.entry.protocol,
        message: 'is not a supported protocol',
        allowed: SERVICE_PROTOCOLS.join(', '),
      }));
  },
};

/** UDP141: a nodePort is requested by one Service only, cluster-wide. */
export const NODE_PORT_ACROSS_SERVICES: Rule = {
  id: 'UDP141',
  severity: Severity.ERROR,
  title: 'A nodePort requested by two Services',
  why: 'NodePorts come from one cluster-wide allocator, whatever the protocol: the second Service is refused with '
    + '"provided port is already allocated". Only the TCP and UDP entries of one port in one Service may share a nodePort.',
  source: Sources.NODEPORT_ALLOCATOR,
  kinds: SERVICE,
  check(service, context) {
    const result: Violation[] = [];
    const byNodePort = nodePortIndex(context.clusterObjects);
    const self = `${namespaceOf(service) ?? ''}/${nameOf(service) ?? ''}`;
    for (const p of servicePorts(service)) {
      const nodePort = p.entry.nodePort;
      if (typeof nodePort !== 'number' || nodePort === 0) continue;
      const first = (byNodePort.get(nodePort) ?? []).find((o) => o !== service);
      if (!first) continue;
      const other = `${namespaceOf(first) ?? ''}/${nameOf(first) ?? ''}`;
      // report once, on the Service that comes second in name order
      if (other > self) continue;
      result.push({
        field: `spec.ports[${p.index}].nodePort`,
        value: nodePort,
        message: `is also requested by Service "${nameOf(first)}": NodePorts are allocated cluster-wide across protocols`,
        allowed: 'a nodePort used by one Service only',
      });
    }
    return result;
  },
};

/** Whether a Service is a health endpoint by its names: its own, a port's, or a named targetPort's. */
function isHealthService(service: KubeObject): boolean {
  const names = [nameOf(service), ...servicePorts(service).flatMap((p) => [p.entry.name, p.entry.targetPort])];
  return names.some((n) => typeof n === 'string' && n.toLowerCase().includes('health'));
}

/** A Service's selector as a comparable key, or `undefined` when it has none. */
function selectorKey(service: KubeObject): string | undefined {
  const selector = specOf(service).selector;
  if (typeof selector !== 'object' || selector === null || Object.keys(selector).length === 0) return undefined;
  return JSON.stringify(Object.entries(selector as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** UDP145: the health Service of a UDP endpoint has the UDP Service's externalTrafficPolicy. */
export const HEALTH_SERVICE_POLICY: Rule = {
  id: 'UDP145',
  severity: Severity.ERROR,
  title: 'A health NodePort with Cluster policy for a UDP Service with Local policy',
  why: 'With externalTrafficPolicy Local, a node without a ready pod drops the UDP Service\'s traffic; a health Service '
    + 'of the same pods with Cluster policy still answers on that node (kube-proxy forwards the check to another node), '
    + 'so the load balancer keeps sending UDP to a node that drops it.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(health, context) {
    const type = serviceType(health);
    if (type !== 'NodePort' && type !== 'LoadBalancer') return [];
    const ports = servicePorts(health);
    if (ports.length === 0 || ports.some((p) => p.protocol !== 'TCP') || !isHealthService(health)) return [];
    const key = selectorKey(health);
    if (key === undefined || specOf(health).externalTrafficPolicy === 'Local') return [];
    const vouched = context.objects.find((s) => s !== health && s.kind === 'Service'
      && namespaceOf(s) === namespaceOf(health) && selectorKey(s) === key
      && ['NodePort', 'LoadBalancer'].includes(serviceType(s)) && specOf(s).externalTrafficPolicy === 'Local'
      && servicePorts(s).some((p) => p.protocol === 'UDP'));
    if (!vouched) return [];
    return [{
      field: 'spec.externalTrafficPolicy',
      value: specOf(health).externalTrafficPolicy,
      message: `is Cluster, but UDP Service "${nameOf(vouched)}", whose pods it vouches for, is Local: a node without a `
        + 'ready pod passes the health check while it drops the UDP traffic',
      allowed: 'Local, as the UDP Service',
      hint: 'set externalTrafficPolicy: Local on the health Service, or let UdpService/DualProtocolEndpoint make it with healthNodePort',
    }];
  },
};

const nodePortIndexes = new WeakMap<readonly KubeObject[], Map<number, KubeObject[]>>();

/** The Services requesting each nodePort, built once per set of objects. */
function nodePortIndex(objects: readonly KubeObject[]): Map<number, KubeObject[]> {
  let index = nodePortIndexes.get(objects);
  if (index) return index;
  index = new Map();
  for (const object of objects) {
    if (object.kind !== 'Service') continue;
    for (const nodePort of new Set(servicePorts(object).map((p) => p.entry.nodePort))) {
      if (typeof nodePort !== 'number' || nodePort === 0) continue;
      index.set(nodePort, [...(index.get(nodePort) ?? []), object]);
    }
  }
  nodePortIndexes.set(objects, index);
  return index;
}

/** The rules on `spec.ports` of a Service. */
export const SERVICE_PORT_RULES: readonly Rule[] = [
  SERVICE_PORT_RANGE,
  NODE_PORT_RANGE,
  NODE_PORT_ON_CLUSTER_IP,
  NODE_PORT_CONFLICT,
  PORT_NAME_REQUIRED,
  PORT_NAME_FORMAT,
  PORT_NAME_UNIQUE,
  PORT_PROTOCOL_UNIQUE,
  TARGET_PORT_FORMAT,
  PORT_PROTOCOL_VALUE,
  NODE_PORT_ACROSS_SERVICES,
  HEALTH_SERVICE_POLICY,
];
