/**
 * Rules on Services that an AWS Network Load Balancer serves: the AWS Load Balancer Controller's annotations
 * (`service.beta.kubernetes.io/aws-load-balancer-*`) and the legacy in-tree provider's (`aws-load-balancer-type: nlb`).
 *
 * The value checks come from the shared model (health check, placement, target-group attributes), so that a Service
 * written by hand, one emitted by the cdk8s `NlbUdpLoadBalancer` and the Pulumi component are judged alike; here they
 * are fed from the annotations, and each finding names the annotation it comes from as its field, for example
 * `metadata.annotations["service.beta.kubernetes.io/aws-load-balancer-eip-allocations"]`.
 */
import { loadBalancerConfigurationPlacement, targetGroupConfigurationHealthCheck } from './aws-gateway';
import {
  annotationsOf, containerPorts, containersOf, kindOf, KubeObject, nameOf, namespaceOf, PodTemplate, record, selectedPods, ServicePortEntry,
  servicePorts, serviceType, specOf, str,
} from './manifest';
import { Rule, RuleContext } from './rule';
import { RULES } from '../core/catalog';
import { Finding, Violation } from '../core/finding';
import {
  AWS_LBC_LOAD_BALANCER_CLASS, AwsNlbAnnotations, controllerHealthCheckTiming, NlbControllerId, parseStringList, parseStringMap,
  QUIC_ENABLED_CONTAINERS_ANNOTATION, QUIC_SERVER_ID_INJECT_LABEL,
} from '../model/aws-load-balancer-controller';
import { checkHealthCheck, HealthCheck, TRAFFIC_PORT } from '../model/health-check';
import { checkAddressesKept, checkPlacement } from '../model/placement';
import { checkTargetGroupAttributes, TargetGroupAttributeKeys, TargetGroupAttributes } from '../model/target-group-attributes';

const A = AwsNlbAnnotations;

/** The field of an annotation in findings: `metadata.annotations["<key>"]`. */
export function annotationField(key: string): string {
  return `metadata.annotations[${JSON.stringify(key)}]`;
}

/** What the NLB rules need to know about a Service served by an AWS NLB. */
export interface NlbService {
  /** The implementation that builds the NLB. */
  readonly controller: NlbControllerId;
  /** How pods are registered: `ip` (pod addresses) or `instance` (NodePorts). */
  readonly targetType: 'ip' | 'instance';
  /** The Service's annotations (strings only). */
  readonly annotations: Readonly<Record<string, string>>;
  /** `spec.externalTrafficPolicy`, defaulted to Cluster. */
  readonly externalTrafficPolicy: string;
}

/**
 * The NLB a LoadBalancer Service asks for, or `undefined` when no AWS NLB serves it: the controller through
 * `aws-load-balancer-type: external|nlb-ip` or `spec.loadBalancerClass: service.k8s.aws/nlb`, the in-tree provider
 * through `aws-load-balancer-type: nlb`.
 */
export function nlbOf(service: KubeObject): NlbService | undefined {
  if (serviceType(service) !== 'LoadBalancer') return undefined;
  const annotations = annotationsOf(service);
  const type = annotations[A.TYPE];
  const spec = specOf(service);
  const externalTrafficPolicy = str(spec.externalTrafficPolicy) ?? 'Cluster';
  if (type === 'nlb' && spec.loadBalancerClass === undefined) {
    return { controller: 'aws-in-tree', targetType: 'instance', annotations, externalTrafficPolicy };
  }
  if (type === 'external' || type === 'nlb-ip' || spec.loadBalancerClass === AWS_LBC_LOAD_BALANCER_CLASS) {
    const targetType = type === 'nlb-ip' || annotations[A.TARGET_TYPE] === 'ip' ? 'ip' : 'instance';
    return { controller: 'aws-load-balancer-controller', targetType, annotations, externalTrafficPolicy };
  }
  return undefined;
}

/** The UDP ports of a Service that have no TCP twin on the same `port`: each is a UDP-only target group. */
function udpOnlyPorts(service: KubeObject): ServicePortEntry[] {
  const ports = servicePorts(service);
  const tcp = new Set(ports.filter((p) => p.protocol === 'TCP').map((p) => p.entry.port));
  return ports.filter((p) => p.protocol === 'UDP' && !tcp.has(p.entry.port));
}

/** A listener the controller builds for a Service: its port, protocol and the Service port entries it serves. */
interface ServiceListener {
  readonly port: unknown;
  readonly protocol: string;
  readonly entries: readonly ServicePortEntry[];
}

/**
 * The listeners the controller builds for a Service: one per port and protocol, TCP and UDP on one port as one TCP_UDP
 * listener with the opt-in; a UDP (TCP_UDP) listener whose port or port name `aws-load-balancer-quic-enabled-ports`
 * lists is QUIC (TCP_QUIC).
 */
function listenersOf(service: KubeObject, nlb: NlbService): ServiceListener[] {
  const ports = servicePorts(service).filter((p) => p.protocol === 'TCP' || p.protocol === 'UDP');
  const lbc = nlb.controller === 'aws-load-balancer-controller';
  const tcpUdp = lbc && nlb.annotations[A.ENABLE_TCP_UDP_LISTENER] === 'true';
  const quic = new Set(lbc && nlb.annotations[A.QUIC_ENABLED_PORTS] !== undefined ? parseStringList(nlb.annotations[A.QUIC_ENABLED_PORTS]) : []);
  const listed = (entries: readonly ServicePortEntry[]) => entries.some((p) => {
    const name = str(p.entry.name);
    return quic.has(String(p.entry.port)) || (name !== undefined && quic.has(name));
  });
  const byPort = new Map<unknown, ServicePortEntry[]>();
  for (const p of ports) byPort.set(p.entry.port, [...byPort.get(p.entry.port) ?? [], p]);
  const result: ServiceListener[] = [];
  for (const [port, entries] of byPort) {
    const protocols = new Set(entries.map((p) => p.protocol));
    const groups = tcpUdp && protocols.has('TCP') && protocols.has('UDP')
      ? [{ protocol: 'TCP_UDP', entries }]
      : [...protocols].map((protocol) => ({ protocol, entries: entries.filter((p) => p.protocol === protocol) }));
    for (const group of groups) {
      const upgraded = listed(group.entries) && (group.protocol === 'UDP' || group.protocol === 'TCP_UDP');
      result.push({ port, protocol: upgraded ? (group.protocol === 'UDP' ? 'QUIC' : 'TCP_QUIC') : group.protocol, entries: group.entries });
    }
  }
  return result;
}

/** The target-group protocols of a Service: TCP_UDP for a same-port pair with the controller's opt-in, QUIC upgrades. */
function targetGroupProtocols(service: KubeObject, nlb: NlbService): string[] {
  return [...new Set(listenersOf(service, nlb).map((l) => l.protocol))];
}

/** A Violation from a model finding, with the annotation as its field. */
function fromFinding(finding: Finding, field: string, value: unknown): Violation {
  return { field, value, message: finding.message, allowed: finding.allowed, hint: finding.hint };
}

// ---------------------------------------------------------------------------------------------------------------
// Scheme, subnets and Elastic IPs (UDP560, UDP561)
// ---------------------------------------------------------------------------------------------------------------

interface PlacementFindings { readonly scheme: Violation[]; readonly eips: Violation[] }

/** The model's placement findings for a Service's annotations, split by the rule that reports them. */
function placementFindings(service: KubeObject): PlacementFindings | undefined {
  const nlb = nlbOf(service);
  if (!nlb) return undefined;
  const a = nlb.annotations;
  const inTree = nlb.controller === 'aws-in-tree';
  const internalAnnotation = a[A.INTERNAL];
  const internal = internalAnnotation !== undefined && internalAnnotation !== '' && internalAnnotation !== 'false';
  let scheme: string | undefined;
  let schemeKey: string = A.SCHEME;
  if (inTree) {
    scheme = internal ? 'internal' : 'internet-facing';
    schemeKey = A.INTERNAL;
  } else if (a[A.SCHEME] !== undefined) {
    scheme = a[A.SCHEME];
  } else if (internalAnnotation !== undefined) {
    scheme = internal ? 'internal' : 'internet-facing';
    schemeKey = A.INTERNAL;
  }
  const rawEips = a[A.EIP_ALLOCATIONS];
  const fields = { scheme: annotationField(schemeKey), subnets: annotationField(A.SUBNETS), eips: annotationField(A.EIP_ALLOCATIONS) };
  const findings = checkPlacement({
    scheme,
    subnets: a[A.SUBNETS] === undefined ? undefined : parseStringList(a[A.SUBNETS]),
    eips: rawEips === undefined ? undefined : parseStringList(rawEips),
    eipsValue: rawEips,
    fields,
  });
  const result: PlacementFindings = { scheme: [], eips: [] };
  for (const f of findings) {
    if (f.ruleId === RULES.UDP520.id || f.ruleId === RULES.UDP521.id) {
      const violation = { field: f.field, value: f.value, message: f.message, allowed: f.allowed, hint: f.hint };
      if (f.ruleId === RULES.UDP521.id) {
        result.scheme.push(inTree
          ? { ...violation, message: `cannot be used on an internal load balancer (${fields.scheme} is ${JSON.stringify(internalAnnotation)})`, allowed: `an internet-facing NLB: remove ${fields.scheme}` }
          : { ...violation, hint: 'Elastic IPs are public addresses: make the NLB internet-facing, or drop the allocations' });
      } else {
        result.scheme.push(violation);
      }
    } else if ([RULES.UDP522.id, RULES.UDP523.id, RULES.UDP525.id].includes(f.ruleId)) {
      result.eips.push({ field: f.field, value: f.value, message: f.message, allowed: f.allowed, hint: f.hint });
    }
    // UDP524 (subnet ids) is left out: the annotation takes subnet names too.
  }
  return result;
}

/** UDP560: Elastic IPs only on an internet-facing NLB, and a scheme AWS knows. */
export const NLB_EIP_SCHEME: Rule = {
  ...RULES.UDP560,
  kinds: ['Service', 'LoadBalancerConfiguration'],
  check(service) {
    return (loadBalancerConfigurationPlacement(service) ?? placementFindings(service))?.scheme ?? [];
  },
};

/** UDP579 (a note): an internet-facing NLB without Elastic IPs, whose addresses change when it is replaced. */
export const NLB_ADDRESSES_KEPT: Rule = {
  ...RULES.UDP579,
  kinds: ['Service'],
  check(service) {
    const nlb = nlbOf(service);
    if (!nlb) return [];
    const a = nlb.annotations;
    const internal = a[A.INTERNAL] !== undefined && a[A.INTERNAL] !== '' && a[A.INTERNAL] !== 'false';
    const scheme = a[A.SCHEME] ?? (nlb.controller === 'aws-in-tree' && !internal ? 'internet-facing' : undefined);
    const eips = a[A.EIP_ALLOCATIONS] === undefined ? undefined : parseStringList(a[A.EIP_ALLOCATIONS]);
    return checkAddressesKept(scheme, eips, annotationField(A.EIP_ALLOCATIONS)).map((f) => fromFinding(f, f.field, f.value));
  },
};

/** UDP561: one Elastic IP per subnet, allocation ids of the form `eipalloc-...`, nothing twice. */
export const NLB_EIP_SUBNETS: Rule = {
  ...RULES.UDP561,
  kinds: ['Service', 'LoadBalancerConfiguration'],
  check(service) {
    return (loadBalancerConfigurationPlacement(service) ?? placementFindings(service))?.eips ?? [];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Health check (UDP562, UDP563, UDP564)
// ---------------------------------------------------------------------------------------------------------------

const HEALTH_CHECK_FIELDS: Record<string, string> = {
  protocol: A.HEALTHCHECK_PROTOCOL,
  port: A.HEALTHCHECK_PORT,
  path: A.HEALTHCHECK_PATH,
  interval: A.HEALTHCHECK_INTERVAL,
  timeout: A.HEALTHCHECK_TIMEOUT,
  healthyThreshold: A.HEALTHCHECK_HEALTHY_THRESHOLD,
  unhealthyThreshold: A.HEALTHCHECK_UNHEALTHY_THRESHOLD,
  successCodes: A.HEALTHCHECK_SUCCESS_CODES,
};

/** Whether the controller's defaults for this Service are kube-proxy's HTTP check on healthCheckNodePort. */
function checksHealthCheckNodePort(service: KubeObject, nlb: NlbService): boolean {
  return nlb.targetType === 'instance' && nlb.externalTrafficPolicy === 'Local' && serviceType(service) === 'LoadBalancer';
}

/** An integer annotation as a number, or the text itself so that the model reports it. */
function integerOf(text: string | undefined): number | string | undefined {
  if (text === undefined) return undefined;
  return /^[+-]?\d+$/.test(text.trim()) ? Number(text.trim()) : text;
}

/** What the health-check annotations say, translated into the model's {@link HealthCheck}. */
export interface AnnotatedHealthCheck {
  /** The health check as the model checks it (the controller's interval and timeout defaults filled in). */
  readonly healthCheck: HealthCheck;
  /** A named port that names no port of the Service, or that the controller cannot use. */
  readonly portProblem?: Violation;
  /** The effective port: a number, `traffic-port`, or `health-check-node-port` (kube-proxy's). */
  readonly effectivePort: number | 'traffic-port' | 'health-check-node-port';
  /** The effective protocol, upper case. */
  readonly effectiveProtocol: string;
}

/**
 * Translates a Service's `aws-load-balancer-healthcheck-*` annotations into the model's health check, with the
 * defaults the controller (not AWS) applies for what is not annotated. A path and success codes on a TCP check are
 * left out: the controller drops them rather than sending them to AWS.
 */
export function healthCheckFromAnnotations(service: KubeObject, nlb: NlbService): AnnotatedHealthCheck {
  const a = nlb.annotations;
  const local = checksHealthCheckNodePort(service, nlb);
  const rawProtocol = a[A.HEALTHCHECK_PROTOCOL];
  const protocol = (rawProtocol ?? (local ? 'HTTP' : 'TCP')).toUpperCase();
  const hc: Record<string, unknown> = { protocol };
  if (protocol !== 'TCP') {
    if (a[A.HEALTHCHECK_PATH] !== undefined) hc.path = a[A.HEALTHCHECK_PATH];
    if (a[A.HEALTHCHECK_SUCCESS_CODES] !== undefined) hc.successCodes = a[A.HEALTHCHECK_SUCCESS_CODES];
  }
  const timing = controllerHealthCheckTiming(nlb.targetType, nlb.externalTrafficPolicy);
  hc.interval = integerOf(a[A.HEALTHCHECK_INTERVAL]) ?? timing.interval;
  hc.timeout = integerOf(a[A.HEALTHCHECK_TIMEOUT]) ?? timing.timeout;
  for (const [name, key] of [['healthyThreshold', A.HEALTHCHECK_HEALTHY_THRESHOLD], ['unhealthyThreshold', A.HEALTHCHECK_UNHEALTHY_THRESHOLD]] as const) {
    if (a[key] !== undefined) hc[name] = integerOf(a[key]);
  }

  const rawPort = a[A.HEALTHCHECK_PORT];
  let effectivePort: AnnotatedHealthCheck['effectivePort'] = local ? 'health-check-node-port' : 'traffic-port';
  let portProblem: Violation | undefined;
  if (rawPort !== undefined) {
    const trimmed = rawPort.trim();
    if (trimmed === TRAFFIC_PORT) {
      hc.port = TRAFFIC_PORT;
      effectivePort = 'traffic-port';
    } else if (/^[+-]?\d+$/.test(trimmed)) {
      hc.port = Number(trimmed);
      effectivePort = Number(trimmed);
    } else {
      const named = servicePorts(service).find((p) => p.entry.name === trimmed);
      const field = annotationField(A.HEALTHCHECK_PORT);
      if (!named) {
        portProblem = {
          field,
          value: rawPort,
          message: 'names no port of this Service, so the controller fails with "failed to resolve healthCheckPort"',
          allowed: "'traffic-port', a port number, or the name of a port of this Service",
        };
      } else {
        const resolved = nlb.targetType === 'instance' ? named.entry.nodePort : named.entry.targetPort ?? named.entry.port;
        if (typeof resolved === 'number') {
          hc.port = resolved;
          effectivePort = resolved;
        } else if (nlb.targetType === 'ip' && typeof resolved === 'string') {
          portProblem = {
            field,
            value: rawPort,
            message: `names port "${trimmed}", whose targetPort is the named port "${resolved}": the controller refuses a named health-check port for ip targets then`,
            allowed: 'a port number, or a Service port whose targetPort is a number',
          };
        }
      }
    }
  }
  return { healthCheck: hc as HealthCheck, portProblem, effectivePort, effectiveProtocol: protocol };
}

interface HealthCheckFindings { readonly protocol: Violation[]; readonly values: Violation[] }

function healthCheckFindings(service: KubeObject): HealthCheckFindings | undefined {
  const nlb = nlbOf(service);
  if (!nlb) return undefined;
  const a = nlb.annotations;
  const translated = healthCheckFromAnnotations(service, nlb);
  const result: HealthCheckFindings = { protocol: [], values: translated.portProblem ? [translated.portProblem] : [] };
  // the interval and timeout as annotated; the controller's defaults fill the rest, and the messages say so
  const { interval, timeout, ...rest } = translated.healthCheck;
  const given: HealthCheck = {
    ...rest,
    ...(a[A.HEALTHCHECK_INTERVAL] !== undefined ? { interval } : {}),
    ...(a[A.HEALTHCHECK_TIMEOUT] !== undefined ? { timeout } : {}),
  };
  const timing = controllerHealthCheckTiming(nlb.targetType, nlb.externalTrafficPolicy);
  for (const finding of checkHealthCheck(given, 'hc', timing)) {
    const name = finding.field.slice('hc.'.length);
    const key = HEALTH_CHECK_FIELDS[name];
    const violation = fromFinding(finding, annotationField(key), a[key] ?? finding.value);
    if (finding.ruleId === RULES.UDP501.id) result.protocol.push({ ...violation, allowed: 'tcp, http or https' });
    else result.values.push(violation);
  }
  return result;
}

/** UDP562: the NLB health-check protocol is TCP, HTTP or HTTPS: never UDP. */
export const NLB_HEALTH_CHECK_PROTOCOL: Rule = {
  ...RULES.UDP562,
  kinds: ['Service', 'TargetGroupConfiguration'],
  check(service) {
    return (targetGroupConfigurationHealthCheck(service) ?? healthCheckFindings(service))?.protocol ?? [];
  },
};

/** UDP563: the NLB health-check port, path, interval, timeout, thresholds and success codes are what AWS accepts. */
export const NLB_HEALTH_CHECK_VALUES: Rule = {
  ...RULES.UDP563,
  kinds: ['Service', 'TargetGroupConfiguration'],
  check(service) {
    return (targetGroupConfigurationHealthCheck(service) ?? healthCheckFindings(service))?.values ?? [];
  },
};

/** Whether any of the pods declares `port` (a number or a name) as a TCP container port. */
function podsServeTcp(pods: readonly PodTemplate[], port: unknown): boolean {
  return pods.some((pod) => containerPorts(pod.spec).some((c) =>
    c.protocol === 'TCP' && (typeof port === 'number' ? c.port.containerPort === port : c.port.name === port)));
}

/** Whether some pod declares `port` as UDP and none as TCP. */
function podsServeOnlyUdp(pods: readonly PodTemplate[], port: number): boolean {
  const declared = pods.flatMap((pod) => containerPorts(pod.spec).filter((c) => c.port.containerPort === port));
  return declared.length > 0 && declared.every((c) => c.protocol === 'UDP');
}

/** UDP564: the NLB health check targets a port that a UDP-only target never answers. */
export const NLB_HEALTH_CHECK_UDP_PORT: Rule = {
  ...RULES.UDP564,
  kinds: ['Service'],
  check(service, context: RuleContext) {
    const nlb = nlbOf(service);
    if (!nlb) return [];
    const translated = healthCheckFromAnnotations(service, nlb);
    if (translated.portProblem) return [];
    const field = annotationField(A.HEALTHCHECK_PORT);
    const value = nlb.annotations[A.HEALTHCHECK_PORT];
    const protocol = translated.effectiveProtocol;
    if (!['TCP', 'HTTP', 'HTTPS'].includes(protocol)) return []; // UDP562 reports the protocol itself
    const pods = selectedPods(service, context.objects);
    const hint = `point ${field} (with ${annotationField(A.HEALTHCHECK_PROTOCOL)}: http) at a TCP or HTTP health endpoint `
      + 'in the pod, such as the UDP health-check sidecar (UdpHealthCheck)';
    // Instance targets are reported only when the annotation asks for the traffic port: with the controller's default
    // (TCP on the NodePort under Cluster policy) the NLB fails open, and the constructs leave that choice to the user.
    const explicitTrafficPort = value?.trim() === TRAFFIC_PORT;
    if (translated.effectivePort === 'traffic-port' && (nlb.targetType === 'ip' || explicitTrafficPort)) {
      const result: Violation[] = [];
      for (const p of udpOnlyPorts(service)) {
        const target = p.entry.targetPort ?? p.entry.port;
        if (nlb.targetType === 'ip' && podsServeTcp(pods, target)) continue;
        const what = nlb.targetType === 'ip' ? `target port ${JSON.stringify(target)} of the pods` : 'its NodePort';
        result.push({
          field,
          value,
          message: `makes the NLB check ${protocol} on the traffic port of UDP-only port ${str(p.entry.name) ?? String(p.entry.port)} `
            + `(${nlb.targetType} targets: ${what}), which never answers ${protocol}: every target stays unhealthy`,
          allowed: nlb.targetType === 'instance'
            ? 'externalTrafficPolicy Local (kube-proxy\'s healthCheckNodePort), or the port of a TCP or HTTP health endpoint'
            : 'the port of a TCP or HTTP health endpoint in the pod',
          hint,
        });
      }
      return result;
    }
    if (typeof translated.effectivePort === 'number' && nlb.targetType === 'ip' && podsServeOnlyUdp(pods, translated.effectivePort)) {
      return [{
        field,
        value,
        message: `makes the NLB check ${protocol} on port ${translated.effectivePort}, which the selected pods declare only as UDP: `
          + 'every target stays unhealthy',
        allowed: 'the port of a TCP or HTTP health endpoint in the pod',
        hint,
      }];
    }
    return [];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Cross-zone with Local (UDP565)
// ---------------------------------------------------------------------------------------------------------------

/** Whether cross-zone load balancing is on, and which annotation decides it. */
function crossZoneOf(nlb: NlbService): { readonly enabled: boolean; readonly key: string; readonly value?: string } {
  const a = nlb.annotations;
  if (a[A.CROSS_ZONE] !== undefined) return { enabled: a[A.CROSS_ZONE].trim() === 'true', key: A.CROSS_ZONE, value: a[A.CROSS_ZONE] };
  if (nlb.controller === 'aws-in-tree') return { enabled: false, key: A.CROSS_ZONE };
  const raw = a[A.ATTRIBUTES];
  if (raw === undefined) return { enabled: false, key: A.ATTRIBUTES };
  return { enabled: parseStringMap(raw).entries['load_balancing.cross_zone.enabled'] === 'true', key: A.ATTRIBUTES, value: raw };
}

/** UDP565: cross-zone load balancing on when externalTrafficPolicy is Local. */
export const NLB_CROSS_ZONE_LOCAL: Rule = {
  ...RULES.UDP565,
  kinds: ['Service'],
  check(service) {
    const nlb = nlbOf(service);
    if (!nlb || nlb.externalTrafficPolicy !== 'Local' || !servicePorts(service).some((p) => p.protocol === 'UDP')) return [];
    const crossZone = crossZoneOf(nlb);
    if (crossZone.enabled) return [];
    const fix = crossZone.key === A.ATTRIBUTES ? 'load_balancing.cross_zone.enabled=true' : '"true"';
    return [{
      field: annotationField(crossZone.key),
      value: crossZone.value,
      message: `leaves cross-zone load balancing off${crossZone.value === undefined ? ' (the NLB default)' : ''} with `
        + 'externalTrafficPolicy Local: an Availability Zone with no ready pod silently drops the datagrams sent to its NLB address',
      allowed: fix,
    }];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Target-group attributes (UDP566, UDP567)
// ---------------------------------------------------------------------------------------------------------------

interface AttributeFindings { readonly preserve: Violation[]; readonly others: Violation[] }

function attributeFindings(service: KubeObject): AttributeFindings | undefined {
  const nlb = nlbOf(service);
  const raw = nlb?.annotations[A.TARGET_GROUP_ATTRIBUTES];
  if (!nlb || raw === undefined || nlb.controller !== 'aws-load-balancer-controller') return undefined;
  const field = annotationField(A.TARGET_GROUP_ATTRIBUTES);
  const { entries, malformed } = parseStringMap(raw);
  const result: AttributeFindings = { preserve: [], others: [] };
  for (const part of malformed) {
    result.others.push({
      field,
      value: raw,
      message: `has "${part}", which is not key=value: the controller fails to parse the annotation`,
      allowed: 'key=value pairs separated by commas, for example deregistration_delay.timeout_seconds=30',
    });
  }
  const bool = (text: string | undefined): boolean | string | undefined =>
    text === undefined ? undefined : text === 'true' ? true : text === 'false' ? false : text;
  const K = TargetGroupAttributeKeys;
  const attributes: Record<string, unknown> = {
    deregistrationDelay: integerOf(entries[K.DEREGISTRATION_DELAY]),
    connectionTermination: bool(entries[K.CONNECTION_TERMINATION]),
    stickiness: bool(entries[K.STICKINESS_ENABLED]),
    preserveClientIp: bool(entries[K.PRESERVE_CLIENT_IP]),
  };
  const keyOf: Record<string, string> = {
    deregistrationDelay: K.DEREGISTRATION_DELAY,
    connectionTermination: K.CONNECTION_TERMINATION,
    stickiness: K.STICKINESS_ENABLED,
    preserveClientIp: K.PRESERVE_CLIENT_IP,
  };
  for (const finding of checkTargetGroupAttributes(attributes as TargetGroupAttributes, targetGroupProtocols(service, nlb), 'tg')) {
    const key = keyOf[finding.field.slice('tg.'.length)];
    const violation: Violation = {
      field,
      value: raw,
      message: `${key}=${entries[key]} ${finding.message}`,
      allowed: `${key}: ${finding.allowed}`,
      hint: finding.hint,
    };
    if (finding.ruleId === RULES.UDP551.id) result.preserve.push(violation);
    else result.others.push(violation);
  }
  return result;
}

/** UDP566: no `preserve_client_ip.enabled=false` on a Service with UDP ports. */
export const NLB_PRESERVE_CLIENT_IP_UDP: Rule = {
  ...RULES.UDP566,
  kinds: ['Service'],
  check(service) {
    return attributeFindings(service)?.preserve ?? [];
  },
};

/** UDP567: the other target-group attributes are well formed and in range. */
export const NLB_TARGET_GROUP_ATTRIBUTES: Rule = {
  ...RULES.UDP567,
  kinds: ['Service'],
  check(service) {
    return attributeFindings(service)?.others ?? [];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Dualstack UDP (UDP568)
// ---------------------------------------------------------------------------------------------------------------

/** UDP568: UDP on a dualstack NLB needs the IPv6 source-NAT prefix; the switch is on or off, for dualstack only. */
export const NLB_DUALSTACK_UDP: Rule = {
  ...RULES.UDP568,
  kinds: ['Service'],
  check(service) {
    const nlb = nlbOf(service);
    if (!nlb || nlb.controller !== 'aws-load-balancer-controller') return [];
    const a = nlb.annotations;
    const field = annotationField(A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT);
    const value = a[A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT];
    const dualstack = a[A.IP_ADDRESS_TYPE]?.trim() === 'dualstack';
    if (value !== undefined && value !== 'on' && value !== 'off') {
      return [{ field, value, message: 'is not a valid value: the controller refuses the Service', allowed: 'on or off' }];
    }
    if (value === 'on' && !dualstack) {
      return [{
        field,
        value,
        message: `applies only to a dualstack NLB, and ${annotationField(A.IP_ADDRESS_TYPE)} is ${a[A.IP_ADDRESS_TYPE] === undefined ? 'unset (ipv4)' : JSON.stringify(a[A.IP_ADDRESS_TYPE])}: the controller refuses the Service`,
        allowed: `${annotationField(A.IP_ADDRESS_TYPE)}: dualstack, or no source-NAT prefix`,
      }];
    }
    // (a QUIC listener on a dualstack NLB is UDP590's to report)
    if (!dualstack || value === 'on' || !listenersOf(service, nlb).some((l) => l.protocol === 'UDP' || l.protocol === 'TCP_UDP')) return [];
    return [{
      field,
      value,
      message: 'must be "on" for UDP ports on a dualstack NLB: AWS refuses a UDP listener without an IPv6 source-NAT prefix',
      allowed: 'on (controller 2.10 or later)',
    }];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// The legacy in-tree provider (UDP569)
// ---------------------------------------------------------------------------------------------------------------

/** Controller-only annotations the in-tree provider ignores, and what the user gets instead. */
const IGNORED_BY_IN_TREE: ReadonlyArray<readonly [string, string]> = [
  [A.TARGET_TYPE, 'it registers the nodes\' instances (NodePorts), never pod IPs'],
  [A.SCHEME, `the NLB is internet-facing unless ${annotationField(A.INTERNAL)} is "true"`],
  [A.ATTRIBUTES, 'load-balancer attributes are not applied'],
  [A.TARGET_GROUP_ATTRIBUTES, 'target-group attributes are not applied'],
  [A.IP_ADDRESS_TYPE, 'the NLB stays ipv4'],
  [A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT, 'no source-NAT prefix is set'],
  [A.ENABLE_TCP_UDP_LISTENER, 'it refuses TCP and UDP in one Service anyway'],
  [A.QUIC_ENABLED_PORTS, 'it builds UDP listeners, never QUIC'],
  [A.DISABLE_NLB_SG, 'it manages no NLB security group'],
];

/** UDP569: the in-tree provider (`aws-load-balancer-type: nlb`) ignores the controller's annotations. */
export const NLB_IN_TREE_IGNORED: Rule = {
  ...RULES.UDP569,
  kinds: ['Service'],
  check(service) {
    const nlb = nlbOf(service);
    if (!nlb || nlb.controller !== 'aws-in-tree') return [];
    const result: Violation[] = [];
    for (const [key, consequence] of IGNORED_BY_IN_TREE) {
      const value = nlb.annotations[key];
      if (value === undefined) continue;
      result.push({
        field: annotationField(key),
        value,
        message: `is ignored by the in-tree provider that ${A.TYPE}: nlb selects: ${consequence}`,
        allowed: `${annotationField(A.TYPE)}: external (the AWS Load Balancer Controller), or drop the annotation`,
      });
    }
    return result;
  },
};

// ---------------------------------------------------------------------------------------------------------------
// QUIC (UDP590..UDP594)
// ---------------------------------------------------------------------------------------------------------------

/** A Service's QUIC listeners, read from `aws-load-balancer-quic-enabled-ports` (the controller only). */
interface QuicService {
  readonly nlb: NlbService;
  /** The annotation's field and value. */
  readonly field: string;
  readonly value: string;
  /** Every listener, QUIC or not. */
  readonly listeners: readonly ServiceListener[];
  /** The QUIC and TCP_QUIC listeners. */
  readonly quic: readonly ServiceListener[];
}

function quicServiceOf(service: KubeObject): QuicService | undefined {
  const nlb = nlbOf(service);
  if (!nlb || nlb.controller !== 'aws-load-balancer-controller') return undefined;
  const value = nlb.annotations[A.QUIC_ENABLED_PORTS];
  if (value === undefined) return undefined;
  const listeners = listenersOf(service, nlb);
  const quic = listeners.filter((l) => l.protocol === 'QUIC' || l.protocol === 'TCP_QUIC');
  return { nlb, field: annotationField(A.QUIC_ENABLED_PORTS), value, listeners, quic };
}

/** How a listener is named in messages: `QUIC 443`. */
function shownListener(l: ServiceListener): string {
  return `${l.protocol} ${String(l.port)}`;
}

/** UDP590: no QUIC listener on a dualstack NLB. */
export const NLB_QUIC_DUALSTACK: Rule = {
  ...RULES.UDP590,
  kinds: ['Service'],
  check(service) {
    const q = quicServiceOf(service);
    if (!q || q.quic.length === 0 || q.nlb.annotations[A.IP_ADDRESS_TYPE]?.trim() !== 'dualstack') return [];
    return [{
      field: annotationField(A.IP_ADDRESS_TYPE),
      value: q.nlb.annotations[A.IP_ADDRESS_TYPE],
      message: `cannot carry the ${shownListener(q.quic[0])} listener that ${q.field} asks for: AWS refuses QUIC and TCP_QUIC listeners on a dualstack NLB`,
      allowed: 'ipv4 (drop the annotation), or the QUIC port on an ipv4 Service of its own',
    }];
  },
};

/** UDP591: no security group on an NLB with a QUIC listener. */
export const NLB_QUIC_SECURITY_GROUPS: Rule = {
  ...RULES.UDP591,
  kinds: ['Service'],
  check(service) {
    const q = quicServiceOf(service);
    if (!q || q.quic.length === 0) return [];
    const a = q.nlb.annotations;
    const listener = shownListener(q.quic[0]);
    const groups = a[A.SECURITY_GROUPS] === undefined ? [] : parseStringList(a[A.SECURITY_GROUPS]);
    if (groups.length > 0) {
      return [{
        field: annotationField(A.SECURITY_GROUPS),
        value: a[A.SECURITY_GROUPS],
        message: `gives the NLB security groups, with which AWS refuses the ${listener} listener`,
        allowed: `no security groups: drop the annotation and add ${annotationField(A.DISABLE_NLB_SG)}: "true"`,
      }];
    }
    if (a[A.DISABLE_NLB_SG]?.trim().toLowerCase() === 'true') return [];
    return [{
      field: annotationField(A.DISABLE_NLB_SG),
      value: a[A.DISABLE_NLB_SG],
      message: `${a[A.DISABLE_NLB_SG] === undefined ? 'is unset' : 'is not "true"'}, so the controller gives the NLB its managed security group, with which AWS refuses the ${listener} listener`,
      allowed: '"true" (controller 2.14 or later), before the NLB is first created: security groups cannot be removed later',
    }];
  },
};

/** UDP592: one QUIC listener, on a UDP port, and no UDP or TCP_UDP listener beside it. */
export const NLB_QUIC_LISTENERS: Rule = {
  ...RULES.UDP592,
  kinds: ['Service'],
  check(service) {
    const q = quicServiceOf(service);
    if (!q) return [];
    const result: Violation[] = [];
    const ports = q.listeners.flatMap((l) => l.entries);
    for (const listed of parseStringList(q.value)) {
      const entries = ports.filter((p) => String(p.entry.port) === listed || str(p.entry.name) === listed);
      if (entries.length === 0) {
        result.push({
          field: q.field,
          value: q.value,
          message: `lists "${listed}", which is no port number or port name of this Service: the controller ignores it`,
          allowed: 'the number or name of a UDP port of this Service',
        });
        continue;
      }
      const tcp = q.listeners.find((l) => l.protocol === 'TCP' && l.entries.some((p) => entries.includes(p)));
      if (tcp) {
        result.push({
          field: q.field,
          value: q.value,
          message: `lists "${listed}", a TCP listener: the controller upgrades only UDP and TCP_UDP listeners and fails on this Service ("Unsupported QUIC upgrade")`,
          allowed: 'UDP ports only (with the TCP_UDP opt-in, a TCP and UDP pair becomes TCP_QUIC)',
        });
      }
    }
    if (q.quic.length === 0) return result;
    for (const other of q.quic.slice(1)) {
      result.push({
        field: q.field,
        value: q.value,
        message: `makes ${shownListener(other)} a second QUIC listener beside ${shownListener(q.quic[0])}: an NLB takes one QUIC or TCP_QUIC listener`,
        allowed: 'one port; the others on Services of their own',
      });
    }
    for (const other of q.listeners.filter((l) => l.protocol === 'UDP' || l.protocol === 'TCP_UDP')) {
      result.push({
        field: `spec.ports[${other.entries[0].index}]`,
        value: other.entries[0].entry,
        message: `is a ${shownListener(other)} listener beside the ${shownListener(q.quic[0])} listener: AWS refuses QUIC listeners on an NLB with UDP or TCP_UDP listeners`,
        allowed: 'the UDP port on a Service of its own, or TCP ports only beside QUIC',
      });
    }
    return result;
  },
};

/** UDP593: QUIC targets are ip targets. */
export const NLB_QUIC_INSTANCE_TARGETS: Rule = {
  ...RULES.UDP593,
  kinds: ['Service'],
  check(service) {
    const q = quicServiceOf(service);
    if (!q || q.quic.length === 0 || q.nlb.targetType !== 'instance') return [];
    return [{
      field: annotationField(A.TARGET_TYPE),
      value: q.nlb.annotations[A.TARGET_TYPE],
      message: `registers instances, which the controller never registers on the ${shownListener(q.quic[0])} target group: QUIC targets need the server ids it injects into pods`,
      allowed: 'ip',
    }];
  },
};

/** The annotations of a pod template: the Pod's own, or the template's beside its spec. */
function podAnnotationsOf(pod: PodTemplate): Record<string, unknown> {
  let at: unknown = pod.owner;
  const path = pod.specPath.split('.').slice(0, -1);
  for (const key of path) at = record(at)?.[key];
  return record(record(path.length === 0 ? pod.owner.metadata : record(at)?.metadata)?.annotations) ?? {};
}

/** UDP594: the pods behind a QUIC listener ask for a server id, in a namespace where the controller injects it. */
export const NLB_QUIC_SERVER_IDS: Rule = {
  ...RULES.UDP594,
  kinds: ['Service'],
  check(service, context: RuleContext) {
    const q = quicServiceOf(service);
    if (!q || q.quic.length === 0 || q.nlb.targetType !== 'ip') return [];
    const result: Violation[] = [];
    const key = QUIC_ENABLED_CONTAINERS_ANNOTATION;
    for (const pod of selectedPods(service, context.objects)) {
      const owner = `${kindOf(pod.owner)} ${nameOf(pod.owner) ?? '(unnamed)'}`;
      const names = containersOf(pod.spec).map((c) => str(c.name)).filter((n): n is string => n !== undefined);
      const given = str(podAnnotationsOf(pod)[key]);
      const listed = given === undefined ? [] : parseStringList(given);
      if (listed.some((n) => names.includes(n))) continue;
      result.push({
        field: q.field,
        value: q.value,
        message: given === undefined
          ? `makes the NLB register only pods with a QUIC server id, and the pods of ${owner} do not ask for one (no ${key} annotation on ${pod.specPath.replace(/\.spec$/, '.metadata') || 'metadata'}): none is registered`
          : `makes the NLB register only pods with a QUIC server id, and the ${key} annotation of ${owner}, ${JSON.stringify(given)}, names none of its containers (${names.join(', ')}): none is registered`,
        allowed: `${key}: the names of the containers that serve QUIC`,
      });
    }
    const namespace = namespaceOf(service) ?? 'default';
    const ns = context.objects.find((o) => kindOf(o) === 'Namespace' && nameOf(o) === namespace);
    const labels = record(record(ns?.metadata)?.labels) ?? {};
    if (ns && labels[QUIC_SERVER_ID_INJECT_LABEL.key] !== QUIC_SERVER_ID_INJECT_LABEL.value) {
      result.push({
        field: q.field,
        value: q.value,
        message: `makes the NLB register only pods with a QUIC server id, and namespace ${namespace} lacks the label ${QUIC_SERVER_ID_INJECT_LABEL.key}: ${QUIC_SERVER_ID_INJECT_LABEL.value}, without which the controller injects none`,
        allowed: `the label ${QUIC_SERVER_ID_INJECT_LABEL.key}: ${QUIC_SERVER_ID_INJECT_LABEL.value} on the namespace`,
      });
    }
    return result;
  },
};

/** The rules on Services served by an AWS Network Load Balancer, in id order (UDP560..UDP599). */
export const AWS_NLB_RULES: readonly Rule[] = [
  NLB_EIP_SCHEME,
  NLB_EIP_SUBNETS,
  NLB_HEALTH_CHECK_PROTOCOL,
  NLB_HEALTH_CHECK_VALUES,
  NLB_HEALTH_CHECK_UDP_PORT,
  NLB_CROSS_ZONE_LOCAL,
  NLB_PRESERVE_CLIENT_IP_UDP,
  NLB_TARGET_GROUP_ATTRIBUTES,
  NLB_DUALSTACK_UDP,
  NLB_IN_TREE_IGNORED,
  NLB_ADDRESSES_KEPT,
  NLB_QUIC_DUALSTACK,
  NLB_QUIC_SECURITY_GROUPS,
  NLB_QUIC_LISTENERS,
  NLB_QUIC_INSTANCE_TARGETS,
  NLB_QUIC_SERVER_IDS,
];
