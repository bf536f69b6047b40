/**
 * Rules on Gateway API L4 objects: UDPRoute and TCPRoute, the Gateway listeners they attach to, the GatewayClass that
 * says which implementation serves them, and what ExternalDNS reads of them. Pure functions over plain objects: the
 * gateway constructs and `k8s-udp lint` run the same ones.
 */
import { EXTERNAL_DNS_PREFIXES } from './external-dns';
import { annotationsOf, kindOf, KubeObject, list, nameOf, namespaceOf, record, specOf, str } from './manifest';
import { Rule, RuleContext } from './rule';
import { RULES } from '../core/catalog';
import { Violation } from '../core/finding';
import {
  GATEWAY_API_GROUP, GatewayApiChannel, GatewayImplementation, L4RouteKind, L7_ROUTE_KINDS, RouteApiVersion,
} from '../model/gateway-implementation';

const L4_ROUTES: readonly string[] = [L4RouteKind.UDP, L4RouteKind.TCP];

/** The listener protocol each L4 route kind attaches to. */
const LISTENER_PROTOCOL: Readonly<Record<string, string>> = { UDPRoute: 'UDP', TCPRoute: 'TCP' };

/** The version of a Gateway API object (`v1`, `v1alpha2`, ...), or `undefined` when it is not of the Gateway API group. */
export function gatewayApiVersionOf(object: KubeObject): string | undefined {
  const apiVersion = str(object.apiVersion) ?? '';
  return apiVersion.startsWith(`${GATEWAY_API_GROUP}/`) ? apiVersion.slice(GATEWAY_API_GROUP.length + 1) : undefined;
}

/** Whether the object is a Gateway API UDPRoute or TCPRoute. */
function isL4Route(object: KubeObject): boolean {
  return L4_ROUTES.includes(kindOf(object)) && gatewayApiVersionOf(object) !== undefined;
}

/** A route's parentRef that names a Gateway, with where it is. */
interface ParentRef {
  readonly index: number;
  readonly name: string;
  readonly namespace: string | undefined;
  readonly sectionName: string | undefined;
}

/** The parentRefs of a route that point at Gateways (kind and group defaulted as the API does). */
function gatewayParents(route: KubeObject): ParentRef[] {
  const result: ParentRef[] = [];
  list(specOf(route).parentRefs).forEach((raw, index) => {
    const ref = record(raw);
    const name = str(ref?.name);
    if (!ref || !name) return;
    if ((str(ref.kind) ?? 'Gateway') !== 'Gateway' || (str(ref.group) ?? GATEWAY_API_GROUP) !== GATEWAY_API_GROUP) return;
    result.push({ index, name, namespace: str(ref.namespace) ?? namespaceOf(route), sectionName: str(ref.sectionName) });
  });
  return result;
}

/** The Gateway a parentRef names, among the objects checked, or `undefined` when it is not among them. */
function findGateway(ref: ParentRef, context: RuleContext): KubeObject | undefined {
  return context.clusterObjects.find((object) => kindOf(object) === 'Gateway' && gatewayApiVersionOf(object) !== undefined
    && nameOf(object) === ref.name && (ref.namespace === undefined || namespaceOf(object) === undefined || namespaceOf(object) === ref.namespace));
}

/** A Gateway's listeners with their index. */
function listenersOf(gateway: KubeObject): Array<{ readonly index: number; readonly listener: Record<string, unknown> }> {
  return list(specOf(gateway).listeners).map((raw, index) => ({ index, listener: record(raw) ?? {} }));
}

/** The implementation of a Gateway, from its GatewayClass among the objects checked (`undefined` when unknown). */
export function implementationOfGateway(gateway: KubeObject, context: RuleContext): GatewayImplementation | undefined {
  const className = str(specOf(gateway).gatewayClassName);
  const gatewayClass = context.clusterObjects.find((object) => kindOf(object) === 'GatewayClass' && nameOf(object) === className);
  const controllerName = str(specOf(gatewayClass ?? {}).controllerName);
  return controllerName === undefined ? undefined : GatewayImplementation.fromControllerName(controllerName);
}

/** The route kinds a listener allows: `allowedRoutes.kinds`, or by default the kind its protocol carries. */
function allowedKinds(listener: Record<string, unknown>): string[] {
  const kinds = list(record(listener.allowedRoutes)?.kinds)
    .map((raw) => record(raw))
    .filter((kind) => kind && (str(kind.group) ?? GATEWAY_API_GROUP) === GATEWAY_API_GROUP)
    .map((kind) => str(kind!.kind) ?? '');
  if (kinds.length > 0) return kinds;
  const protocol = str(listener.protocol);
  return Object.entries(LISTENER_PROTOCOL).filter(([, p]) => p === protocol).map(([kind]) => kind);
}

/** UDP701: a v1 UDPRoute or TCPRoute has exactly one rule. */
export const ROUTE_ONE_RULE: Rule = {
  ...RULES.UDP701,
  kinds: L4_ROUTES,
  check(object) {
    if (gatewayApiVersionOf(object) !== RouteApiVersion.V1) return [];
    const rules = specOf(object).rules;
    const count = Array.isArray(rules) ? rules.length : 0;
    if (count === 1) return [];
    return [{
      field: 'spec.rules',
      value: `${count} rule(s)`,
      message: `must hold exactly one rule in ${kindOf(object)} ${RouteApiVersion.V1} (the API server refuses ${count === 0 ? 'none' : 'more'})`,
      allowed: 'one rule with 1-16 backendRefs; a second set of backends goes into a route of its own',
    }];
  },
};

/** UDP702: a backendRef to a Service names its port. */
export const ROUTE_BACKEND_PORT: Rule = {
  ...RULES.UDP702,
  kinds: L4_ROUTES,
  check(object) {
    if (!isL4Route(object)) return [];
    const result: Violation[] = [];
    list(specOf(object).rules).forEach((rawRule, i) => {
      list(record(rawRule)?.backendRefs).forEach((rawRef, j) => {
        const ref = record(rawRef) ?? {};
        const isService = (str(ref.kind) ?? 'Service') === 'Service' && (str(ref.group) ?? '') === '';
        if (!isService || ref.port !== undefined) return;
        result.push({
          field: `spec.rules[${i}].backendRefs[${j}].port`,
          value: undefined,
          message: `backend Service ${JSON.stringify(str(ref.name) ?? '')} has no port: the API server refuses a Service backend without one`,
          allowed: 'the Service port the traffic goes to, such as 53',
        });
      });
    });
    return result;
  },
};

/** UDP703 and UDP704: the listener a route attaches to exists and allows the route's kind. */
function listenerViolations(object: KubeObject, context: RuleContext): { kind: Violation[]; section: Violation[] } {
  const result = { kind: [] as Violation[], section: [] as Violation[] };
  if (!isL4Route(object)) return result;
  const routeKind = kindOf(object);
  for (const ref of gatewayParents(object)) {
    const gateway = findGateway(ref, context);
    if (!gateway) continue;
    const listeners = listenersOf(gateway);
    const field = `spec.parentRefs[${ref.index}]`;
    if (ref.sectionName !== undefined) {
      const found = listeners.find(({ listener }) => listener.name === ref.sectionName);
      if (!found) {
        result.section.push({
          field: `${field}.sectionName`,
          value: ref.sectionName,
          message: `matches no listener of Gateway ${ref.name}: the route attaches nowhere`,
          allowed: listeners.length > 0 ? `one of ${listeners.map(({ listener }) => JSON.stringify(str(listener.name) ?? '')).join(', ')}` : 'the name of a listener of the Gateway',
        });
        continue;
      }
      if (!allowedKinds(found.listener).includes(routeKind)) {
        result.kind.push({
          field,
          value: ref.sectionName,
          message: `names listener ${ref.sectionName} of Gateway ${ref.name} (protocol ${str(found.listener.protocol) ?? '?'}), which does not allow ${routeKind}`,
          allowed: `a listener with protocol ${LISTENER_PROTOCOL[routeKind]} whose allowedRoutes.kinds include ${routeKind}`,
        });
      }
    } else if (listeners.length > 0 && !listeners.some(({ listener }) => allowedKinds(listener).includes(routeKind))) {
      result.kind.push({
        field,
        value: ref.name,
        message: `Gateway ${ref.name} has no listener that allows ${routeKind}`,
        allowed: `a listener with protocol ${LISTENER_PROTOCOL[routeKind]} (and ${routeKind} in its allowedRoutes.kinds)`,
      });
    }
  }
  return result;
}

/** UDP703: the listener allows the route's kind. */
export const ROUTE_KIND_ALLOWED: Rule = {
  ...RULES.UDP703,
  kinds: L4_ROUTES,
  check: (object, context) => listenerViolations(object, context).kind,
};

/** UDP704: a sectionName names a listener of the Gateway. */
export const ROUTE_SECTION_NAME: Rule = {
  ...RULES.UDP704,
  kinds: L4_ROUTES,
  check: (object, context) => listenerViolations(object, context).section,
};

/** UDP705: a UDPRoute attaches to a Gateway whose implementation has UDPRoute. */
export const ROUTE_UDP_IMPLEMENTATION: Rule = {
  ...RULES.UDP705,
  kinds: [L4RouteKind.UDP],
  check(object, context) {
    if (!isL4Route(object)) return [];
    const result: Violation[] = [];
    for (const ref of gatewayParents(object)) {
      const gateway = findGateway(ref, context);
      const implementation = gateway && implementationOfGateway(gateway, context);
      if (!implementation || implementation.supportsUdp) continue;
      result.push({
        field: `spec.parentRefs[${ref.index}]`,
        value: ref.name,
        message: `attaches a UDPRoute to Gateway ${ref.name} of ${implementation.displayName} (${implementation.controllerName}), which has no UDPRoute: nothing serves it`,
        allowed: 'a Gateway of an implementation with UDPRoute, or a UDP Service (UdpService, NlbUdpLoadBalancer)',
      });
    }
    return result;
  },
};

/** UDP706: no L7 route and no L7 listener on an AWS NLB gateway. */
export const NLB_GATEWAY_L7: Rule = {
  ...RULES.UDP706,
  kinds: ['Gateway', ...L7_ROUTE_KINDS],
  check(object, context) {
    if (gatewayApiVersionOf(object) === undefined) return [];
    if (kindOf(object) === 'Gateway') {
      if (!implementationOfGateway(object, context)?.isAwsNlb) return [];
      return listenersOf(object)
        .filter(({ listener }) => ['HTTP', 'HTTPS'].includes(str(listener.protocol) ?? ''))
        .map(({ index, listener }) => ({
          field: `spec.listeners[${index}].protocol`,
          value: listener.protocol,
          message: 'is an L7 listener on an NLB gateway of the AWS Load Balancer Controller, which serves L4 routes only',
          allowed: 'TCP, UDP or TLS listeners; HTTP goes to a Gateway of the ALB class (gateway.k8s.aws/alb)',
        }));
    }
    const result: Violation[] = [];
    for (const ref of gatewayParents(object)) {
      const gateway = findGateway(ref, context);
      if (!gateway || !implementationOfGateway(gateway, context)?.isAwsNlb) continue;
      result.push({
        field: `spec.parentRefs[${ref.index}]`,
        value: ref.name,
        message: `attaches a ${kindOf(object)} to Gateway ${ref.name}, an NLB gateway of the AWS Load Balancer Controller: L4 and L7 routes cannot share it`,
        allowed: 'a Gateway of the ALB class (gateway.k8s.aws/alb) for L7 routes',
      });
    }
    return result;
  },
};

/** UDP707: no v1alpha2 route on a cluster with the standard channel's CRDs. */
export const ROUTE_VERSION_CHANNEL: Rule = {
  ...RULES.UDP707,
  kinds: L4_ROUTES,
  check(object, context) {
    if (context.gatewayApiChannel !== GatewayApiChannel.STANDARD || gatewayApiVersionOf(object) !== RouteApiVersion.V1ALPHA2) return [];
    return [{
      field: 'apiVersion',
      value: object.apiVersion,
      message: `is not served by the Gateway API standard channel: the API server refuses the ${kindOf(object)}`,
      allowed: `${GATEWAY_API_GROUP}/${RouteApiVersion.V1} (Gateway API 1.6 or later)`,
    }];
  },
};

/** UDP708: an ExternalDNS hostname annotation on a v1 route does nothing. */
export const ROUTE_DNS_ANNOTATION: Rule = {
  ...RULES.UDP708,
  kinds: L4_ROUTES,
  check(object) {
    if (gatewayApiVersionOf(object) !== RouteApiVersion.V1) return [];
    const annotations = annotationsOf(object);
    return EXTERNAL_DNS_PREFIXES.map((prefix) => `${prefix}hostname`)
      .filter((key) => annotations[key] !== undefined)
      .map((key) => ({
        field: `metadata.annotations[${JSON.stringify(key)}]`,
        value: annotations[key],
        message: `does nothing on a ${kindOf(object)} ${RouteApiVersion.V1}: ExternalDNS (0.22) reads TCPRoute and UDPRoute as ${RouteApiVersion.V1ALPHA2} only`,
        allowed: `a DNSEndpoint (A or SRV records) for the Gateway's address, or a ${RouteApiVersion.V1ALPHA2} route on an experimental-channel cluster`,
      }));
  },
};

/** The rules on Gateway API L4 objects. */
export const GATEWAY_RULES: readonly Rule[] = [
  ROUTE_ONE_RULE, ROUTE_BACKEND_PORT, ROUTE_KIND_ALLOWED, ROUTE_SECTION_NAME, ROUTE_UDP_IMPLEMENTATION, NLB_GATEWAY_L7,
  ROUTE_VERSION_CHANNEL, ROUTE_DNS_ANNOTATION,
];
