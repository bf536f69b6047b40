import { Severity } from './finding';
import { RuleInfo } from './rule-info';
import { Sources as S } from './sources';

// The objects of the examples of the Gateway API rules: a GatewayClass of Envoy Gateway (UDPRoute) and one of Istio
// (no UDPRoute), a Gateway `dns` with a UDP and a TCP listener on 53, the routes that attach to them, the Service behind.
const GROUP = 'gateway.networking.k8s.io';
const UDP_LISTENER = { name: 'dns-udp', port: 53, protocol: 'UDP', allowedRoutes: { kinds: [{ kind: 'UDPRoute' }] } };
const TCP_LISTENER = { name: 'dns-tcp', port: 53, protocol: 'TCP', allowedRoutes: { kinds: [{ kind: 'TCPRoute' }] } };

function gatewayClass(name: string, controllerName: string): Readonly<Record<string, unknown>> {
  return { apiVersion: `${GROUP}/v1`, kind: 'GatewayClass', metadata: { name }, spec: { controllerName } };
}

function gateway(className: string, listeners: unknown[] = [UDP_LISTENER, TCP_LISTENER]): Readonly<Record<string, unknown>> {
  return { apiVersion: `${GROUP}/v1`, kind: 'Gateway', metadata: { name: 'dns' }, spec: { gatewayClassName: className, listeners } };
}

function route(kind: string, spec: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Readonly<Record<string, unknown>> {
  return {
    apiVersion: `${GROUP}/v1`,
    kind,
    metadata: { name: 'dns' },
    spec: {
      parentRefs: [{ name: 'dns', sectionName: kind === 'UDPRoute' ? 'dns-udp' : 'dns-tcp' }],
      rules: [{ backendRefs: [{ name: 'coredns', port: 53 }] }],
      ...spec,
    },
    ...extra,
  };
}

const ENVOY = gatewayClass('eg', 'gateway.envoyproxy.io/gatewayclass-controller');
const ISTIO = gatewayClass('istio', 'istio.io/gateway-controller');
const AWS_NLB = gatewayClass('aws-nlb', 'gateway.k8s.aws/nlb');

/**
 * The entries of the Gateway API L4 rules (UDP7xx) of the rule catalog: routes, listeners, implementations, the AWS
 * NLB gateway and what ExternalDNS reads of routes.
 */
export const GATEWAY_TABLE = {
  UDP701: {
    id: 'UDP701',
    severity: Severity.ERROR,
    title: 'A v1 UDPRoute or TCPRoute has exactly one rule',
    why: 'From Gateway API 1.6, `gateway.networking.k8s.io/v1` TCPRoute and UDPRoute hold one rule with 1-16 backendRefs '
      + '(no matches tell rules apart); the API server refuses more rules or none.',
    fix: 'Put every backend of the route into its one rule (with weights), or make a second route for a second listener.',
    sources: [S.GATEWAY_API_ROUTES],
    bad: { objects: [ENVOY, gateway('eg'), route('UDPRoute', { rules: [{ backendRefs: [{ name: 'coredns', port: 53 }] }, { backendRefs: [{ name: 'coredns-canary', port: 53 }] }] })] },
    good: { objects: [ENVOY, gateway('eg'), route('UDPRoute', { rules: [{ backendRefs: [{ name: 'coredns', port: 53, weight: 9 }, { name: 'coredns-canary', port: 53, weight: 1 }] }] })] },
  },
  UDP702: {
    id: 'UDP702',
    severity: Severity.ERROR,
    title: 'A route\'s backendRef to a Service names its port',
    why: 'The API server refuses a backendRef to a Service without a port ("Must have port for Service reference").',
    fix: 'Give each backendRef the Service port the traffic goes to.',
    sources: [S.GATEWAY_API_ROUTES],
    bad: { objects: [ENVOY, gateway('eg'), route('UDPRoute', { rules: [{ backendRefs: [{ name: 'coredns' }] }] })] },
    good: { objects: [ENVOY, gateway('eg'), route('UDPRoute')] },
  },
  UDP703: {
    id: 'UDP703',
    severity: Severity.ERROR,
    title: 'A route attaches only to a listener that allows its kind',
    why: 'A UDPRoute attaches to a UDP listener, a TCPRoute to a TCP listener, and only when the listener\'s '
      + '`allowedRoutes.kinds` include the kind: otherwise the Gateway refuses the route (NotAllowedByListeners) and no '
      + 'traffic flows.',
    fix: 'Point `sectionName` at a listener of the route\'s protocol, or add the route\'s kind to the listener\'s '
      + '`allowedRoutes.kinds`.',
    sources: [S.GATEWAY_API_ROUTES],
    bad: { objects: [ENVOY, gateway('eg'), route('UDPRoute', { parentRefs: [{ name: 'dns', sectionName: 'dns-tcp' }] })] },
    good: { objects: [ENVOY, gateway('eg'), route('UDPRoute')] },
  },
  UDP704: {
    id: 'UDP704',
    severity: Severity.ERROR,
    title: 'A route\'s sectionName names a listener of its Gateway',
    why: 'A sectionName that matches no listener attaches the route nowhere: the Gateway reports it not accepted and no '
      + 'traffic flows.',
    fix: 'Use the name of one of the Gateway\'s listeners, or drop sectionName to attach to every listener that allows '
      + 'the route.',
    sources: [S.GATEWAY_API_ROUTES],
    bad: { objects: [ENVOY, gateway('eg'), route('UDPRoute', { parentRefs: [{ name: 'dns', sectionName: 'dns' }] })] },
    good: { objects: [ENVOY, gateway('eg'), route('UDPRoute')] },
  },
  UDP705: {
    id: 'UDP705',
    severity: Severity.ERROR,
    title: 'A UDPRoute needs a Gateway implementation that has UDPRoute',
    why: 'Istio, Traefik and kgateway implement TCPRoute but not UDPRoute: a UDPRoute on their Gateways is never served.',
    fix: 'Use a Gateway of an implementation with UDPRoute (Envoy Gateway, Cilium, NGINX Gateway Fabric, Kong, the AWS '
      + 'Load Balancer Controller), or expose the UDP port with a Service (UdpService, NlbUdpLoadBalancer).',
    sources: [S.CONFORMANCE_V1_6, S.ISTIO, S.TRAEFIK, S.KGATEWAY],
    bad: { objects: [ISTIO, gateway('istio'), route('UDPRoute')] },
    good: { objects: [ISTIO, gateway('istio'), route('TCPRoute')] },
  },
  UDP706: {
    id: 'UDP706',
    severity: Severity.ERROR,
    title: 'L4 and L7 routes cannot share an NLB gateway of the AWS Load Balancer Controller',
    why: 'An NLB gateway (`gateway.k8s.aws/nlb`) serves TCPRoute, UDPRoute and TLSRoute only; HTTPRoute and GRPCRoute '
      + 'need an ALB gateway, and mixing layers on one Gateway is not supported.',
    fix: 'Attach HTTPRoute and GRPCRoute to a Gateway of the ALB class (`gateway.k8s.aws/alb`), and keep the NLB gateway '
      + 'for L4 listeners.',
    sources: [S.AWS_GATEWAY],
    bad: {
      objects: [AWS_NLB, gateway('aws-nlb'), route('UDPRoute'),
        { apiVersion: `${GROUP}/v1`, kind: 'HTTPRoute', metadata: { name: 'web' }, spec: { parentRefs: [{ name: 'dns' }], rules: [{ backendRefs: [{ name: 'web', port: 80 }] }] } }],
    },
    good: { objects: [AWS_NLB, gateway('aws-nlb'), route('UDPRoute')] },
  },
  UDP707: {
    id: 'UDP707',
    severity: Severity.ERROR,
    title: 'A v1alpha2 route needs the experimental channel\'s CRDs',
    why: 'The standard channel serves TCPRoute and UDPRoute as `v1` only (Gateway API 1.6 or later): on such a cluster '
      + 'the API server refuses a `v1alpha2` route.',
    fix: 'Emit `gateway.networking.k8s.io/v1` routes (`routeApiVersion: RouteApiVersion.V1`), or install the '
      + 'experimental channel\'s CRDs.',
    sources: [S.GATEWAY_API_ROUTES],
    bad: { objects: [ENVOY, gateway('eg'), { ...route('UDPRoute'), apiVersion: `${GROUP}/v1alpha2` }], gatewayApiChannel: 'standard' },
    good: { objects: [ENVOY, gateway('eg'), route('UDPRoute')], gatewayApiChannel: 'standard' },
  },
  UDP708: {
    id: 'UDP708',
    severity: Severity.WARNING,
    title: 'ExternalDNS does not read hostname annotations on v1 TCPRoute and UDPRoute',
    why: 'ExternalDNS (0.22) reads TCPRoute and UDPRoute as `v1alpha2` only (sources gateway-tcproute and '
      + 'gateway-udproute): on a `v1` route the hostname annotation publishes nothing.',
    fix: 'Publish the Gateway\'s address with a DNSEndpoint (A records, or SRV records with `SrvRecord`), or use '
      + '`v1alpha2` routes on an experimental-channel cluster where ExternalDNS reads them.',
    sources: [S.EXTERNALDNS_GATEWAY],
    bad: { objects: [ENVOY, gateway('eg'), route('UDPRoute', {}, { metadata: { name: 'dns', annotations: { 'external-dns.kubernetes.io/hostname': 'dns.example.com' } } })] },
    good: { objects: [ENVOY, gateway('eg'), route('UDPRoute')] },
  },
  UDP710: {
    id: 'UDP710',
    severity: Severity.ERROR,
    title: 'An L4 route needs 1 to 16 backends, each a Service port with a weight of 0..1000000',
    why: 'A route\'s one rule holds 1-16 backendRefs, each with a port 1..65535 and a weight 0..1000000: the API server '
      + 'refuses anything else, and a route without backends sends nothing anywhere.',
    fix: 'Give the route 1 to 16 backends (`backends` or `addBackend()`), each with its Service port and, for a split, '
      + 'weights such as 9 and 1.',
    sources: [S.GATEWAY_API_ROUTES],
    bad: {
      code: `
new L4Route(chart, 'dns', { protocol: Protocol.UDP, gateway: GatewayRef.fromName('edge'), port: 53, backends: [] });`,
    },
    good: {
      code: `
new L4Route(chart, 'dns', { protocol: Protocol.UDP, gateway: GatewayRef.fromName('edge'), port: 53, backends: [{ service: 'coredns', port: 53 }] });`,
    },
  },
  UDP711: {
    id: 'UDP711',
    severity: Severity.ERROR,
    title: 'An L4 Gateway needs a class and 1 to 64 UDP or TCP listeners, each with its own name and port',
    why: 'The API server refuses a Gateway without listeners, a listener name used twice or a port and protocol used '
      + 'twice ("Listener name must be unique within the Gateway", "Combination of port, protocol and hostname must '
      + 'be unique for each listener").',
    fix: 'Give the Gateway its GatewayClass and listeners with DNS-1123 names, ports 1..65535 and Protocol.UDP or '
      + 'Protocol.TCP, each (port, protocol) once.',
    sources: [S.GATEWAY_API_ROUTES],
    bad: {
      code: `
new L4Gateway(chart, 'edge', { gatewayClassName: 'eg', listeners: [{ name: 'dns', port: 53, protocol: Protocol.UDP }, { name: 'dns', port: 53, protocol: Protocol.TCP }] });`,
    },
    good: {
      code: `
new L4Gateway(chart, 'edge', { gatewayClassName: 'eg', listeners: [{ name: 'dns-udp', port: 53, protocol: Protocol.UDP }, { name: 'dns-tcp', port: 53, protocol: Protocol.TCP }] });`,
    },
  },
  UDP712: {
    id: 'UDP712',
    severity: Severity.ERROR,
    title: 'NLB options need an NLB gateway of the AWS Load Balancer Controller; NLB-wide ones a Gateway made here',
    why: 'LoadBalancerConfiguration and TargetGroupConfiguration are read by the AWS Load Balancer Controller\'s NLB '
      + 'gateway only; and the NLB belongs to its Gateway: a Gateway that exists keeps the settings its owner gave it.',
    fix: 'Give `implementation: GatewayImplementation.awsLoadBalancerController()` with the NLB GatewayClass, and set '
      + 'scheme, subnets, Elastic IPs, cross-zone, source ranges, IP address type and deletion protection only on a '
      + 'Gateway the endpoint makes (target-group options work on any NLB gateway).',
    sources: [S.AWS_LOAD_BALANCER_CONFIG, S.AWS_TARGET_GROUP_CONFIG],
    bad: {
      code: `
new GatewayEndpoint(chart, 'dns', { selector: deployment, gatewayClassName: 'eg', implementation: GatewayImplementation.envoyGateway(), ports: [{ port: 53 }], nlb: { crossZone: true } });`,
    },
    good: {
      code: `
new GatewayEndpoint(chart, 'dns', { selector: deployment, gatewayClassName: 'aws-nlb', implementation: GatewayImplementation.awsLoadBalancerController(), ports: [{ port: 53 }], nlb: { crossZone: true } });`,
    },
  },
  UDP713: {
    id: 'UDP713',
    severity: Severity.ERROR,
    title: 'The AWS Load Balancer Controller\'s version decides TCP_UDP listeners and the route version',
    why: 'The controller merges a TCP and a UDP listener of one port into one TCP_UDP listener from 2.17.0 on, and reads '
      + '`v1` TCPRoute and UDPRoute from 3.5.0 on (`v1alpha2` before): with an older controller one protocol of the port '
      + 'or the whole route is not served.',
    fix: 'Upgrade the controller, or match its version: TCP and UDP on different ports before 2.17.0, '
      + '`RouteApiVersion.V1ALPHA2` (experimental channel) before 3.5.0, `RouteApiVersion.V1` from 3.5.0.',
    sources: [S.AWS_L4_GATEWAY, S.AWS_GATEWAY],
    bad: {
      code: `
new GatewayEndpoint(chart, 'dns', { selector: deployment, gatewayClassName: 'aws-nlb', implementation: GatewayImplementation.awsLoadBalancerController({ version: '3.4.0' }), ports: [{ port: 53 }] });`,
    },
    good: {
      code: `
new GatewayEndpoint(chart, 'dns', { selector: deployment, gatewayClassName: 'aws-nlb', implementation: GatewayImplementation.awsLoadBalancerController({ version: '3.5.0' }), ports: [{ port: 53 }] });`,
    },
  },
} as const satisfies Record<string, RuleInfo>;
