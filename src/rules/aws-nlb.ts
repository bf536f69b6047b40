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
import { annotationsOf, containerPorts, KubeObject, PodTemplate, selectedPods, ServicePortEntry, servicePorts, serviceType, specOf, str } from './manifest';
import { Rule, RuleContext } from './rule';
import { RULES } from '../core/catalog';
import { Finding, Violation } from '../core/finding';
import {
  AWS_LBC_LOAD_BALANCER_CLASS, AwsNlbAnnotations, controllerHealthCheckTiming, NlbControllerId, parseStringList, parseStringMap,
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

/** The target-group protocols of a Service: TCP_UDP for a same-port pair with the controller's opt-in. */
function targetGroupProtocols(service: KubeObject, nlb: NlbService): string[] {
  const ports = servicePorts(service);
  const tcpUdp = nlb.controller === 'aws-load-balancer-controller' && nlb.annotations[A.ENABLE_TCP_UDP_LISTENER] === 'true';
  const byPort = new Map<unknown, Set<string>>();
  for (const p of ports) byPort.set(p.entry.port, (byPort.get(p.entry.port) ?? new Set()).add(p.protocol));
  const result = new Set<string>();
  for (const found of byPort.values()) {
    if (tcpUdp && found.has('TCP') && found.has('UDP')) result.add('TCP_UDP');
    else found.forEach((p) => result.add(p));
  }
  return [...result];
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
    if (!dualstack || value === 'on' || !servicePorts(service).some((p) => p.protocol === 'UDP')) return [];
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
];
