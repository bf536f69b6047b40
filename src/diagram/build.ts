/**
 * From plain Kubernetes objects to the diagram's graph: who sends to whom, on which port and protocol, and who checks
 * whose health. Two passes over the objects (hops first, then the paths between them), with lookups by name and
 * label, so the cost grows linearly with the number of objects.
 */
import {
  DiagramEdge, DiagramGraph, DiagramGroup, DiagramMark, DiagramNode, GraphBuilder, HopKind, PathKind, shortField,
} from './graph';
import { Finding, Severity } from '../core/finding';
import { AwsNlbAnnotations, parseStringList, parseStringMap } from '../model/aws-load-balancer-controller';
import { healthCheckFromAnnotations, nlbOf, NlbService } from '../rules/aws-nlb';
import { EXTERNAL_DNS_PREFIXES } from '../rules/external-dns';
import {
  annotationsOf, containersOf, isHeadless, kindOf, KubeObject, list, nameOf, namespaceOf, PodTemplate, podTemplateOf,
  record, selectedPods, servicePorts, serviceType, specOf, str,
} from '../rules/manifest';

/** The environment variable that holds the probes of the UDP health-check sidecar, one per line. */
const SIDECAR_PROBES_ENV = 'UDP_HEALTH_PROBES';
const PROBES = ['startupProbe', 'readinessProbe', 'livenessProbe'] as const;
const PROBE_NAMES: Record<(typeof PROBES)[number], string> = { startupProbe: 'startup', readinessProbe: 'readiness', livenessProbe: 'liveness' };
const GATEWAY_GROUP = 'gateway.networking.k8s.io/';
/** The AWS Load Balancer Controller's Gateway settings: NLB (LoadBalancerConfiguration), target groups (TargetGroupConfiguration). */
const AWS_GATEWAY_GROUP = 'gateway.k8s.aws/';
const ROUTE_PROTOCOLS: Record<string, string> = { UDPRoute: 'UDP', TCPRoute: 'TCP' };
/** The most targets of one DNS record drawn, one per line. */
const MAX_TARGET_LINES = 4;

/** How much work a build did: one step per port, pod, container, probe, record and finding looked at. */
export interface BuildStats {
  /** The steps. */
  steps: number;
}

/** The graph and the findings that concern no hop drawn (objects that are no part of any exposure). */
export interface BuiltDiagram {
  /** The graph. */
  readonly graph: DiagramGraph;
  /** Findings that could not be placed on a hop. */
  readonly unplaced: readonly Finding[];
}

/** Where the findings of one Service go. */
interface ServicePlace {
  readonly object: KubeObject;
  readonly node: DiagramNode;
  readonly entry: Map<number, DiagramEdge[]>;
  readonly backend: Map<number, DiagramEdge[]>;
  readonly health: DiagramEdge[];
  readonly dns: DiagramNode[];
}

/** Where the findings of one workload go. */
interface WorkloadPlace {
  readonly group: DiagramGroup;
  readonly pod: PodTemplate;
  /** By container index. */
  readonly containers: DiagramNode[];
  readonly sidecars: Set<number>;
  /** `<container index>.<probe field>` to the probe's edge. */
  readonly probes: Map<string, DiagramEdge>;
}

interface Listener { readonly index: number; readonly name?: string; readonly port?: number; readonly protocol: string }

interface GatewayPlace { readonly node: DiagramNode; readonly listeners: Listener[]; readonly entry: Map<number, DiagramEdge> }

function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const found = map.get(key);
  if (found) found.push(value);
  else map.set(key, [value]);
}

function qualified(object: KubeObject): string {
  const namespace = namespaceOf(object);
  const name = nameOf(object) ?? '(unnamed)';
  return namespace ? `${namespace}/${name}` : name;
}

function portText(value: unknown): string {
  return typeof value === 'number' || typeof value === 'string' ? String(value) : '?';
}

/** The names an object asks ExternalDNS to publish, and the TTL it asks for. */
function externalDnsNames(object: KubeObject): { readonly names: string[]; readonly ttl?: string } {
  const annotations = annotationsOf(object);
  const names: string[] = [];
  let ttl: string | undefined;
  for (const prefix of EXTERNAL_DNS_PREFIXES) {
    for (const key of ['hostname', 'internal-hostname']) {
      for (const name of parseStringList(annotations[`${prefix}${key}`] ?? '')) {
        const bare = name.endsWith('.') ? name.slice(0, -1) : name;
        if (!names.includes(bare)) names.push(bare);
      }
    }
    ttl = ttl ?? annotations[`${prefix}ttl`];
  }
  return { names, ttl };
}

/** The lines of a load balancer's description: scheme, targets, subnets and addresses, cross-zone. */
function nlbLines(service: KubeObject, nlb: NlbService): string[] {
  const a = nlb.annotations;
  const A = AwsNlbAnnotations;
  const scheme = a[A.SCHEME]
    ?? (a[A.INTERNAL] === 'true' ? 'internal' : nlb.controller === 'aws-in-tree' ? 'internet-facing' : 'internal');
  const lines = [`NLB ${scheme}, ${nlb.targetType} targets${nlb.controller === 'aws-in-tree' ? ' (in-tree provider)' : ''}`];
  const subnets = parseStringList(a[A.SUBNETS] ?? '');
  const eips = parseStringList(a[A.EIP_ALLOCATIONS] ?? '');
  if (eips.length > 0) {
    for (let i = 0; i < Math.max(subnets.length, eips.length); i++) lines.push(`${subnets[i] ?? '(no subnet)'}: ${eips[i] ?? '(no EIP)'}`);
  } else if (subnets.length > 0) {
    lines.push(`subnets ${subnets.join(', ')}`);
  }
  let crossZone = false;
  if (a[A.CROSS_ZONE] !== undefined) crossZone = a[A.CROSS_ZONE].trim() === 'true';
  else if (a[A.ATTRIBUTES] !== undefined) crossZone = parseStringMap(a[A.ATTRIBUTES]).entries['load_balancing.cross_zone.enabled'] === 'true';
  lines.push(`cross-zone ${crossZone ? 'on' : 'off'}`);
  if (serviceType(service) === 'LoadBalancer' && nlb.externalTrafficPolicy === 'Local') lines.push('externalTrafficPolicy Local');
  return lines;
}

/** What one line of the sidecar's probe list checks: its kind, host and port. */
function sidecarProbe(line: string): { readonly kind: string; readonly host: string; readonly port: number } | undefined {
  const fields = line.trim().split(' ');
  if (fields[0] === 'bound' && /^\d+$/.test(fields[1] ?? '')) return { kind: 'bound', host: '127.0.0.1', port: Number(fields[1]) };
  if ((fields[0] === 'exchange' || fields[0] === 'dns') && /^\d+$/.test(fields[2] ?? '')) {
    return { kind: fields[0], host: fields[1], port: Number(fields[2]) };
  }
  return undefined;
}

/** The probes of the health-check sidecar, when `container` is one. */
function sidecarProbes(container: Record<string, unknown>): string[] | undefined {
  for (const raw of list(container.env)) {
    const env = record(raw);
    if (env?.name === SIDECAR_PROBES_ENV) return (str(env.value) ?? '').split('\n').filter((l) => l.trim().length > 0);
  }
  return undefined;
}

/** How a probe checks: `HTTP :8080 /healthz`, `TCP :53`, `exec`, `gRPC :9000`. */
function probeText(probe: Record<string, unknown>): string {
  const http = record(probe.httpGet);
  if (http) return `${str(http.scheme) ?? 'HTTP'} :${portText(http.port)} ${str(http.path) ?? '/'}`;
  const tcp = record(probe.tcpSocket);
  if (tcp) return `TCP :${portText(tcp.port)}`;
  const grpc = record(probe.grpc);
  if (grpc) return `gRPC :${portText(grpc.port)}`;
  return record(probe.exec) ? 'exec' : 'probe';
}

/** Builds the graph of `objects`, with `findings` (on those objects, by index) drawn on their hops. */
export function buildDiagram(objects: readonly KubeObject[], given: readonly Finding[], stats: BuildStats = { steps: 0 }): BuiltDiagram {
  // a picture shows what is wrong: notes (Severity.INFO) stay in the linter's report
  const findings = given.filter((f) => f.severity !== Severity.INFO);
  const g = new GraphBuilder();
  const client = g.node(HopKind.CLIENT, g.id('client'), ['client']);
  let kubelet: DiagramNode | undefined;
  let kubeProxy: DiagramNode | undefined;
  const workloads = new Map<KubeObject, WorkloadPlace>();
  const services = new Map<number, ServicePlace>();
  const servicesByName = new Map<string, ServicePlace>();
  const gateways = new Map<number, GatewayPlace>();
  const gatewaysByName = new Map<string, GatewayPlace>();
  const records = new Map<number, DiagramNode[]>();
  const others = new Map<number, DiagramNode>();
  const dnsNames = new Map<string, DiagramNode>();
  const resolved = new Set<string>();
  const missing = new Map<string, DiagramNode>();
  const gatewayChecks = new Set<string>();

  const dnsNode = (name: string, lines?: string[]): DiagramNode => {
    let node = dnsNames.get(name);
    if (!node) {
      node = g.node(HopKind.DNS, g.id('dns', name), lines ?? [`DNS ${name}`, '(published by no object here)']);
      dnsNames.set(name, node);
    }
    return node;
  };
  const missingNode = (key: string, lines: string[]): DiagramNode => {
    let node = missing.get(key);
    if (!node) {
      node = g.node(HopKind.MISSING, g.id('missing', key), lines);
      missing.set(key, node);
    }
    return node;
  };
  const byName = <T>(map: Map<string, T>, namespace: string | undefined, name: string): T | undefined =>
    map.get(`${namespace ?? ''}/${name}`) ?? map.get(`/${name}`);

  // The AWS Load Balancer Controller's settings for Gateways, by name and by the Service they configure.
  const lbConfigs = new Map<string, KubeObject>();
  const tgConfigs = new Map<string, KubeObject>();
  for (const object of objects) {
    stats.steps++;
    if (!str(object.apiVersion)?.startsWith(AWS_GATEWAY_GROUP)) continue;
    const kind = kindOf(object);
    const ns = namespaceOf(object) ?? '';
    if (kind === 'LoadBalancerConfiguration') lbConfigs.set(`${ns}/${nameOf(object) ?? ''}`, object);
    const target = record(specOf(object).targetReference);
    if (kind === 'TargetGroupConfiguration' && target && (str(target.kind) ?? 'Service') === 'Service' && str(target.name)) {
      tgConfigs.set(`${ns}/${str(target.name)}`, object);
    }
  }

  // Pass 1: the hops, in object order.
  objects.forEach((object, index) => {
    const kind = kindOf(object);
    const pod = podTemplateOf(object);
    if (pod) {
      const ns = namespaceOf(object);
      const name = nameOf(object) ?? '';
      const replicas = specOf(object).replicas;
      const group = g.group(g.id('wl', kind, ns, name), `${kind} ${qualified(object)}${typeof replicas === 'number' ? `, ${replicas} replicas` : ''}`);
      const place: WorkloadPlace = { group, pod, containers: [], sidecars: new Set(), probes: new Map() };
      containersOf(pod.spec).forEach((container, i) => {
        stats.steps++;
        const containerName = str(container.name) ?? `#${i}`;
        const sidecar = sidecarProbes(container) !== undefined;
        if (sidecar) place.sidecars.add(i);
        const ports = list(container.ports).map((raw) => {
          stats.steps++;
          const port = record(raw) ?? {};
          const portName = str(port.name);
          return `${portText(port.containerPort)}/${str(port.protocol) ?? 'TCP'}${portName ? ` (${portName})` : ''}`;
        });
        const lines = [sidecar ? `health sidecar ${containerName}` : `container ${containerName}`, ...ports];
        place.containers.push(g.node(sidecar ? HopKind.SIDECAR : HopKind.CONTAINER, g.id('ctr', ns, name, containerName), lines, group.id));
      });
      workloads.set(object, place);
      return;
    }
    if (kind === 'Service') {
      const ns = namespaceOf(object);
      const type = serviceType(object);
      const nlb = nlbOf(object);
      const lines = [`Service ${qualified(object)}`, `${type}${isHeadless(object) ? ', headless' : ''}`];
      if (nlb) lines.push(...nlbLines(object, nlb));
      else if (type === 'LoadBalancer' && str(specOf(object).loadBalancerClass)) lines.push(`class ${str(specOf(object).loadBalancerClass)}`);
      if (type === 'ExternalName') lines.push(`to ${str(specOf(object).externalName) ?? '?'}`);
      const node = g.node(HopKind.SERVICE, g.id('svc', ns, nameOf(object)), lines);
      const dns = externalDnsNames(object);
      const place: ServicePlace = {
        object,
        node,
        entry: new Map(),
        backend: new Map(),
        health: [],
        dns: dns.names.map((name) => dnsNode(name, [`DNS ${name}`, ...(dns.ttl ? [`TTL ${dns.ttl}`] : [])])),
      };
      services.set(index, place);
      servicesByName.set(`${ns ?? ''}/${nameOf(object) ?? ''}`, place);
      return;
    }
    if (kind === 'Gateway' && str(object.apiVersion)?.startsWith(GATEWAY_GROUP)) {
      const ns = namespaceOf(object);
      const spec = specOf(object);
      const listeners: Listener[] = list(spec.listeners).map((raw, i) => {
        stats.steps++;
        const listener = record(raw) ?? {};
        const port = listener.port;
        return { index: i, name: str(listener.name), port: typeof port === 'number' ? port : undefined, protocol: str(listener.protocol) ?? '?' };
      });
      const lines = [`Gateway ${qualified(object)}`, `class ${str(spec.gatewayClassName) ?? '?'}`,
        ...listeners.map((l) => `${l.name ?? `#${l.index}`}: ${portText(l.port)}/${l.protocol}`)];
      const parameters = record(record(spec.infrastructure)?.parametersRef);
      if (parameters && str(parameters.kind) === 'LoadBalancerConfiguration') {
        const config = byName(lbConfigs, ns, str(parameters.name) ?? '');
        if (config) {
          const configSpec = specOf(config);
          lines.push(`NLB ${str(configSpec.scheme) ?? '(scheme inferred)'}`);
          for (const raw of list(configSpec.loadBalancerSubnets)) {
            stats.steps++;
            const subnet = record(raw) ?? {};
            const eip = str(subnet.eipAllocation);
            lines.push(`${str(subnet.identifier) ?? '(subnet)'}${eip ? `: ${eip}` : ''}`);
          }
        } else {
          lines.push(`LoadBalancerConfiguration ${str(parameters.name) ?? '?'} (not in the input)`);
        }
      }
      const place: GatewayPlace = { node: g.node(HopKind.GATEWAY, g.id('gw', ns, nameOf(object)), lines), listeners, entry: new Map() };
      gateways.set(index, place);
      gatewaysByName.set(`${ns ?? ''}/${nameOf(object) ?? ''}`, place);
      return;
    }
    if (ROUTE_PROTOCOLS[kind] && str(object.apiVersion)?.startsWith(GATEWAY_GROUP)) {
      others.set(index, g.node(HopKind.ROUTE, g.id('route', kind, namespaceOf(object), nameOf(object)), [`${kind} ${qualified(object)}`]));
      return;
    }
    if (kind === 'DNSEndpoint') {
      const nodes = list(specOf(object).endpoints).map((raw, i) => {
        stats.steps++;
        const endpoint = record(raw) ?? {};
        const targets = list(endpoint.targets).map((t) => String(t));
        const shown = targets.length > MAX_TARGET_LINES ? [...targets.slice(0, MAX_TARGET_LINES - 1), `(and ${targets.length - MAX_TARGET_LINES + 1} more)`] : targets;
        const ttl = endpoint.recordTTL;
        const lines = [`${str(endpoint.recordType) ?? '?'} ${str(endpoint.dnsName) ?? '?'}`, ...shown, ...(ttl !== undefined ? [`TTL ${portText(ttl)}`] : [])];
        const node = g.node(HopKind.DNS, g.id('rec', namespaceOf(object), nameOf(object), i), lines);
        // An address record is where CNAME and SRV records that name it lead.
        const name = str(endpoint.dnsName);
        if (name && ['A', 'AAAA', 'CNAME'].includes(str(endpoint.recordType) ?? '')) {
          const bare = name.endsWith('.') ? name.slice(0, -1) : name;
          if (!dnsNames.has(bare)) dnsNames.set(bare, node);
        }
        return node;
      });
      records.set(index, nodes);
    }
  });

  const kubeletNode = (): DiagramNode => {
    kubelet = kubelet ?? g.node(HopKind.KUBELET, g.id('kubelet'), ['kubelet']);
    return kubelet;
  };

  /** The container of a pod that serves `port` over `protocol` (by number or name), else its first application container. */
  const containerFor = (place: WorkloadPlace, port: unknown, protocol: string | undefined): DiagramNode | undefined => {
    let byPort: number | undefined;
    let sameProtocol: number | undefined;
    containersOf(place.pod.spec).forEach((container, i) => {
      for (const raw of list(container.ports)) {
        stats.steps++;
        const declared = record(raw) ?? {};
        const matches = typeof port === 'string' ? declared.name === port : declared.containerPort === port;
        if (!matches) continue;
        byPort = byPort ?? i;
        if (protocol === undefined || (str(declared.protocol) ?? 'TCP') === protocol) sameProtocol = sameProtocol ?? i;
      }
    });
    const index = sameProtocol ?? byPort;
    if (index !== undefined) return place.containers[index];
    const app = place.containers.findIndex((_, i) => !place.sidecars.has(i));
    return place.containers[app >= 0 ? app : 0];
  };

  // Pass 2: the paths, in object order.
  objects.forEach((object, index) => {
    const workload = workloads.get(object);
    if (workload) {
      containersOf(workload.pod.spec).forEach((container, i) => {
        const node = workload.containers[i];
        for (const field of PROBES) {
          stats.steps++;
          const probe = record(container[field]);
          if (!probe) continue;
          workload.probes.set(`${i}.${field}`, g.edge(kubeletNode().id, node.id, `${PROBE_NAMES[field]} ${probeText(probe)}`, PathKind.HEALTH));
        }
        for (const line of sidecarProbes(container) ?? []) {
          stats.steps++;
          const probe = sidecarProbe(line);
          if (!probe) continue;
          const local = ['127.0.0.1', 'localhost', '::1'].includes(probe.host);
          const target = local
            ? containerFor(workload, probe.port, 'UDP')
            : missingNode(`udp ${probe.host} ${probe.port}`, [`${probe.host}:${probe.port}/UDP`]);
          if (target) g.edge(node.id, target.id, `probes ${probe.port}/UDP (${probe.kind})`, PathKind.HEALTH);
        }
      });
      return;
    }
    const service = services.get(index);
    if (service) {
      drawService(object, service);
      return;
    }
    const gateway = gateways.get(index);
    if (gateway) {
      for (const listener of gateway.listeners) {
        stats.steps++;
        gateway.entry.set(listener.index, g.edge(client.id, gateway.node.id, `${portText(listener.port)}/${listener.protocol}`));
      }
      return;
    }
    const kind = kindOf(object);
    const route = others.get(index);
    if (route && ROUTE_PROTOCOLS[kind]) {
      drawRoute(object, route, ROUTE_PROTOCOLS[kind]);
      return;
    }
    const endpoints = records.get(index);
    if (endpoints) {
      list(specOf(object).endpoints).forEach((raw, i) => {
        stats.steps++;
        const endpoint = record(raw) ?? {};
        const node = endpoints[i];
        const type = str(endpoint.recordType) ?? '?';
        if (!resolved.has(node.id)) {
          resolved.add(node.id);
          g.edge(client.id, node.id, `lookup ${type}`);
        }
        const dnsName = str(endpoint.dnsName) ?? '';
        const protocol = /(^|\.)_udp\./i.test(dnsName) ? '/UDP' : /(^|\.)_tcp\./i.test(dnsName) ? '/TCP' : '';
        for (const target of list(endpoint.targets)) {
          stats.steps++;
          const text = String(target).trim();
          if (type === 'SRV') {
            const fields = text.split(/\s+/);
            if (fields.length !== 4) continue;
            const host = fields[3].endsWith('.') ? fields[3].slice(0, -1) : fields[3];
            g.edge(node.id, dnsNode(host).id, `${fields[2]}${protocol}`);
          } else if (type === 'CNAME') {
            g.edge(node.id, dnsNode(text.endsWith('.') ? text.slice(0, -1) : text).id, 'alias');
          }
        }
      });
    }
  });

  function drawService(object: KubeObject, place: ServicePlace): void {
    const spec = specOf(object);
    const type = serviceType(object);
    const nlb = nlbOf(object);
    const pods = type === 'ExternalName' ? [] : selectedPods(object, objects);
    const sources = place.dns.length > 0 ? place.dns : [client];
    for (const dns of place.dns) {
      if (resolved.has(dns.id)) continue;
      resolved.add(dns.id);
      g.edge(client.id, dns.id, 'resolve');
    }
    const health = nlb ? healthCheckFromAnnotations(object, nlb) : undefined;
    const backendsOf = (from: DiagramNode, port: unknown, protocol: string, label: string): DiagramEdge[] => {
      if (type === 'ExternalName') return [];
      if (pods.length === 0) {
        const selector = Object.entries(record(spec.selector) ?? {}).map(([k, v]) => `${k}=${String(v)}`);
        const none = missingNode(`pods ${qualified(object)}`, selector.length > 0
          ? ['no pod matches', ...selector]
          : ['no selector', '(endpoints managed elsewhere)']);
        return [g.edge(from.id, none.id, label)];
      }
      return pods.map((pod) => {
        stats.steps++;
        const target = containerFor(workloads.get(pod.owner)!, port, protocol)!;
        return g.edge(from.id, target.id, label);
      });
    };
    // TCP and UDP on one port make one TCP_UDP listener and target group when the controller is told to merge them.
    const ports = servicePorts(object);
    const merging = nlb?.controller === 'aws-load-balancer-controller' && nlb.annotations[AwsNlbAnnotations.ENABLE_TCP_UDP_LISTENER]?.trim() === 'true';
    const protocolsByPort = new Map<unknown, Set<string>>();
    for (const p of ports) {
      stats.steps++;
      const found = protocolsByPort.get(p.entry.port) ?? new Set<string>();
      found.add(p.protocol);
      protocolsByPort.set(p.entry.port, found);
    }
    const mergedEdges = new Map<unknown, { readonly listener: DiagramEdge; readonly backend: DiagramEdge[] }>();
    for (const p of ports) {
      stats.steps++;
      const port = p.entry.port;
      const both = protocolsByPort.get(port)!;
      const merged = merging && both.has('TCP') && both.has('UDP') && (p.protocol === 'TCP' || p.protocol === 'UDP');
      const done = merged ? mergedEdges.get(port) : undefined;
      const targetPort = p.entry.targetPort ?? port;
      const nodePort = p.entry.nodePort;
      const viaNode = nodePort === undefined ? 'node port' : `node :${portText(nodePort)}`;
      const entryLabel = type === 'NodePort' ? `${viaNode} ${portText(port)}/${p.protocol}` : `${portText(port)}/${p.protocol}`;
      for (const source of sources) addTo(place.entry, p.index, g.edge(source.id, place.node.id, entryLabel));
      if (done) {
        addTo(place.entry, p.index, done.listener);
        for (const edge of done.backend) addTo(place.backend, p.index, edge);
        continue;
      }
      const protocol = merged ? 'TCP_UDP' : p.protocol;
      let from = place.node;
      let backendLabel = `${portText(targetPort)}/${protocol}`;
      if (nlb) {
        from = g.node(HopKind.TARGET_GROUP, g.id('tg', namespaceOf(object), nameOf(object), portText(port), protocol),
          [`target group ${portText(port)}/${protocol}`, `${nlb.targetType} targets`]);
        const listener = g.edge(place.node.id, from.id, `listener ${portText(port)}/${protocol}`);
        addTo(place.entry, p.index, listener);
        if (nlb.targetType === 'instance') backendLabel = `${viaNode} to ${backendLabel}`;
        const backend = backendsOf(from, targetPort, p.protocol, backendLabel);
        for (const edge of backend) addTo(place.backend, p.index, edge);
        if (merged) mergedEdges.set(port, { listener, backend });
      } else {
        for (const edge of backendsOf(from, targetPort, p.protocol, backendLabel)) addTo(place.backend, p.index, edge);
      }
      if (nlb && health) {
        const hc = health.healthCheck as { readonly path?: string };
        const a = nlb.annotations;
        const timing = [
          a[AwsNlbAnnotations.HEALTHCHECK_INTERVAL] !== undefined ? `every ${a[AwsNlbAnnotations.HEALTHCHECK_INTERVAL]}s` : undefined,
          a[AwsNlbAnnotations.HEALTHCHECK_TIMEOUT] !== undefined ? `timeout ${a[AwsNlbAnnotations.HEALTHCHECK_TIMEOUT]}s` : undefined,
          a[AwsNlbAnnotations.HEALTHCHECK_HEALTHY_THRESHOLD] !== undefined ? `healthy after ${a[AwsNlbAnnotations.HEALTHCHECK_HEALTHY_THRESHOLD]}` : undefined,
          a[AwsNlbAnnotations.HEALTHCHECK_UNHEALTHY_THRESHOLD] !== undefined ? `unhealthy after ${a[AwsNlbAnnotations.HEALTHCHECK_UNHEALTHY_THRESHOLD]}` : undefined,
        ].filter((t) => t !== undefined);
        const effective = health.effectivePort;
        const portShown = effective === 'traffic-port' ? 'traffic port' : effective === 'health-check-node-port'
          ? `healthCheckNodePort${spec.healthCheckNodePort === undefined ? '' : ` ${portText(spec.healthCheckNodePort)}`}` : `:${effective}`;
        const label = `health check ${health.effectiveProtocol} ${portShown}${hc.path ? ` ${hc.path}` : ''}`
          + (timing.length > 0 ? `, ${timing.join(', ')}` : '');
        if (effective === 'health-check-node-port') {
          kubeProxy = kubeProxy ?? g.node(HopKind.NODES, g.id('kube_proxy'), ['kube-proxy on each node', 'healthy while a ready pod runs there']);
          place.health.push(g.edge(from.id, kubeProxy.id, label, PathKind.HEALTH));
        } else if (pods.length === 0) {
          for (const edge of place.backend.get(p.index) ?? []) place.health.push(g.edge(from.id, edge.to, label, PathKind.HEALTH));
        } else {
          const checked = effective === 'traffic-port' ? targetPort : effective;
          for (const pod of pods) {
            stats.steps++;
            const target = containerFor(workloads.get(pod.owner)!, checked, effective === 'traffic-port' ? p.protocol : 'TCP')!;
            place.health.push(g.edge(from.id, target.id, label, PathKind.HEALTH));
          }
        }
      }
    }
  }

  function drawRoute(object: KubeObject, route: DiagramNode, protocol: string): void {
    const ns = namespaceOf(object);
    const spec = specOf(object);
    const parents: GatewayPlace[] = [];
    for (const raw of list(spec.parentRefs)) {
      stats.steps++;
      const ref = record(raw) ?? {};
      const name = str(ref.name) ?? '?';
      const gateway = byName(gatewaysByName, str(ref.namespace) ?? ns, name);
      if (!gateway) {
        g.edge(missingNode(`gateway ${str(ref.namespace) ?? ns ?? ''} ${name}`, [`Gateway ${name}`, '(not in the input)']).id, route.id, protocol);
        continue;
      }
      parents.push(gateway);
      const section = str(ref.sectionName);
      const listeners = gateway.listeners.filter((l) => section !== undefined ? l.name === section
        : typeof ref.port === 'number' ? l.port === ref.port : l.protocol === protocol);
      for (const listener of listeners) g.edge(gateway.node.id, route.id, `${listener.name ?? `#${listener.index}`} ${portText(listener.port)}/${listener.protocol}`);
    }
    for (const rule of list(spec.rules)) {
      for (const raw of list(record(rule)?.backendRefs)) {
        stats.steps++;
        const ref = record(raw) ?? {};
        const name = str(ref.name) ?? '?';
        const service = byName(servicesByName, str(ref.namespace) ?? ns, name);
        const target = service?.node
          ?? missingNode(`service ${str(ref.namespace) ?? ns ?? ''} ${name}`, [`Service ${name}`, '(not in the input)']);
        g.edge(route.id, target.id, `${portText(ref.port)}/${protocol}`);
        if (service) drawGatewayHealthCheck(parents, service, ref.port);
      }
    }
  }

  /** The health check a TargetGroupConfiguration sets for a Service behind NLB Gateways: from each Gateway to the pods. */
  function drawGatewayHealthCheck(parents: readonly GatewayPlace[], service: ServicePlace, port: unknown): void {
    const config = byName(tgConfigs, namespaceOf(service.object), nameOf(service.object) ?? '');
    if (!config || parents.length === 0) return;
    const defaults = record(specOf(config).defaultConfiguration) ?? {};
    const hc = record(defaults.healthCheckConfig) ?? {};
    const protocol = (str(hc.healthCheckProtocol) ?? 'TCP').toUpperCase();
    const rawPort = hc.healthCheckPort;
    const numeric = typeof rawPort === 'number' ? rawPort : typeof rawPort === 'string' && /^\d+$/.test(rawPort) ? Number(rawPort) : undefined;
    const entry = servicePorts(service.object).find((p) => p.entry.port === port);
    const checked = numeric ?? entry?.entry.targetPort ?? port;
    const label = `health check ${protocol} ${numeric !== undefined ? `:${numeric}` : 'traffic port'}${str(hc.healthCheckPath) ? ` ${str(hc.healthCheckPath)}` : ''}`
      + (hc.healthCheckInterval !== undefined ? `, every ${portText(hc.healthCheckInterval)}s` : '')
      + (str(defaults.targetType) ? `, ${str(defaults.targetType)} targets` : '');
    for (const pod of selectedPods(service.object, objects)) {
      stats.steps++;
      const target = containerFor(workloads.get(pod.owner)!, checked, numeric !== undefined ? 'TCP' : entry?.protocol)!;
      for (const gateway of parents) {
        const key = `${gateway.node.id} ${target.id} ${label}`;
        if (gatewayChecks.has(key)) continue;
        gatewayChecks.add(key);
        service.health.push(g.edge(gateway.node.id, target.id, label, PathKind.HEALTH));
      }
    }
  }

  const unplaced = placeFindings(findings, { services, workloads: (i) => workloads.get(objects[i]), gateways, records, others }, stats);
  return { graph: g.build(), unplaced };
}

interface Places {
  readonly services: Map<number, ServicePlace>;
  readonly workloads: (index: number) => WorkloadPlace | undefined;
  readonly gateways: Map<number, GatewayPlace>;
  readonly records: Map<number, DiagramNode[]>;
  readonly others: Map<number, DiagramNode>;
}

const PORT_FIELD = /^spec\.ports\[(\d+)\]/;
const CONTAINER_FIELD = /(?:^|\.)containers\[(\d+)\](?:\.(startupProbe|readinessProbe|livenessProbe))?/;
const ENDPOINT_FIELD = /^spec\.endpoints\[(\d+)\]/;
const LISTENER_FIELD = /^spec\.listeners\[(\d+)\]/;

/** Puts each finding on the hop or path it concerns; returns those that concern none drawn. */
function placeFindings(findings: readonly Finding[], places: Places, stats: BuildStats): Finding[] {
  const unplaced: Finding[] = [];
  for (const finding of findings) {
    stats.steps++;
    const mark: DiagramMark = { ruleId: finding.ruleId, severity: finding.severity, field: shortField(finding.field), message: finding.message };
    const targets = finding.object ? targetsOf(finding, finding.object.index, places) : [];
    if (targets.length === 0) unplaced.push(finding);
    for (const target of targets) target.marks.push(mark);
  }
  return unplaced;
}

function targetsOf(finding: Finding, index: number, places: Places): Array<{ readonly marks: DiagramMark[] }> {
  const field = finding.field;
  const service = places.services.get(index);
  if (service) {
    const port = PORT_FIELD.exec(field);
    if (port) {
      const i = Number(port[1]);
      const edges = (/^spec\.ports\[\d+\]\.targetPort/.test(field) ? service.backend.get(i) : undefined) ?? service.entry.get(i);
      return edges && edges.length > 0 ? edges : [service.node];
    }
    if (field.includes('aws-load-balancer-healthcheck') && service.health.length > 0) return service.health;
    if (field.includes('external-dns') && service.dns.length > 0) return service.dns;
    return [service.node];
  }
  const workload = places.workloads(index);
  if (workload) {
    const container = CONTAINER_FIELD.exec(field);
    if (container) {
      const i = Number(container[1]);
      const probe = container[2] ? workload.probes.get(`${i}.${container[2]}`) : undefined;
      const node = workload.containers[i];
      return probe ? [probe] : node ? [node] : [workload.group];
    }
    return [workload.group];
  }
  const gateway = places.gateways.get(index);
  if (gateway) {
    const listener = LISTENER_FIELD.exec(field);
    const edge = listener ? gateway.entry.get(Number(listener[1])) : undefined;
    return [edge ?? gateway.node];
  }
  const records = places.records.get(index);
  if (records) {
    const endpoint = ENDPOINT_FIELD.exec(field);
    const node = endpoint ? records[Number(endpoint[1])] : undefined;
    return node ? [node] : records.slice(0, 1);
  }
  const other = places.others.get(index);
  return other ? [other] : [];
}
