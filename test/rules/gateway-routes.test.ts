import { formatFinding } from '../../src/core/finding';
import { GatewayApiChannel } from '../../src/model/gateway-implementation';
import { checkObjects } from '../../src/rules/engine';
import { GATEWAY_RULES } from '../../src/rules/gateway-routes';
import { KubeObject } from '../../src/rules/manifest';

const ROUTES = 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1/apis/v1/udproute_types.go';
const CONFORMANCE = 'https://github.com/kubernetes-sigs/gateway-api/tree/main/conformance/reports/v1.6';
const AWS_GATEWAY = 'https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/gateway/gateway/';
const EXTERNALDNS = 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/sources/gateway-api.md';
const G = 'gateway.networking.k8s.io';

function gatewayClass(name: string, controllerName: string): KubeObject {
  return { apiVersion: `${G}/v1`, kind: 'GatewayClass', metadata: { name }, spec: { controllerName } };
}

function gateway(className: string, listeners: unknown[], namespace = 'dns'): KubeObject {
  return { apiVersion: `${G}/v1`, kind: 'Gateway', metadata: { name: 'edge', namespace }, spec: { gatewayClassName: className, listeners } };
}

const UDP = { name: 'dns-udp', port: 53, protocol: 'UDP', allowedRoutes: { kinds: [{ kind: 'UDPRoute' }] } };
const TCP = { name: 'dns-tcp', port: 53, protocol: 'TCP' };

function route(kind: string, spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}, version = 'v1'): KubeObject {
  return {
    apiVersion: `${G}/${version}`,
    kind,
    metadata: { name: 'dns', namespace: 'dns', ...metadata },
    spec: { parentRefs: [{ name: 'edge', sectionName: 'dns-udp' }], rules: [{ backendRefs: [{ name: 'coredns', port: 53 }] }], ...spec },
  };
}

function lint(objects: KubeObject[], channel?: GatewayApiChannel): string[] {
  return checkObjects(objects, GATEWAY_RULES, { gatewayApiChannel: channel }).map((f) => `${f.severity} ${formatFinding(f, 'obj')}`);
}

const EG = gatewayClass('eg', 'gateway.envoyproxy.io/gatewayclass-controller');

test('a good UDPRoute and TCPRoute on Envoy Gateway pass', () => {
  const tcp = route('TCPRoute', { parentRefs: [{ name: 'edge', sectionName: 'dns-tcp' }] });
  expect(lint([EG, gateway('eg', [UDP, TCP]), route('UDPRoute'), tcp], GatewayApiChannel.STANDARD)).toEqual([]);
});

test('odd shapes are left alone without throwing', () => {
  const odd = [
    { apiVersion: `${G}/v1`, kind: 'UDPRoute', spec: { parentRefs: 'x', rules: [null, { backendRefs: [null] }] } },
    { apiVersion: `${G}/v1`, kind: 'Gateway', spec: { listeners: [null] } },
    { apiVersion: 'example.com/v1', kind: 'UDPRoute', spec: { rules: [] } },
  ] as unknown as KubeObject[];
  expect(() => checkObjects(odd, GATEWAY_RULES)).not.toThrow();
  expect(lint([odd[2]])).toEqual([]);
});

test('UDP701: a v1 route with two rules; a v1alpha2 route may have more', () => {
  const two = { rules: [{ backendRefs: [{ name: 'a', port: 53 }] }, { backendRefs: [{ name: 'b', port: 53 }] }] };
  expect(lint([EG, gateway('eg', [UDP]), route('UDPRoute', two)])).toEqual([
    `error [UDP701] obj: spec.rules "2 rule(s)": must hold exactly one rule in UDPRoute v1 (the API server refuses more) (one rule with 1-16 backendRefs; a second set of backends goes into a route of its own; ${ROUTES})`,
  ]);
  expect(lint([EG, gateway('eg', [UDP]), route('UDPRoute', two, {}, 'v1alpha2')])).toEqual([]);
});

test('UDP702: a backendRef to a Service without a port', () => {
  expect(lint([EG, gateway('eg', [UDP]), route('UDPRoute', { rules: [{ backendRefs: [{ name: 'coredns' }, { name: 'x', kind: 'Backend', group: 'example.com' }] }] })])).toEqual([
    `error [UDP702] obj: spec.rules[0].backendRefs[0].port (unset): backend Service "coredns" has no port: the API server refuses a Service backend without one (the Service port the traffic goes to, such as 53; ${ROUTES})`,
  ]);
});

test('UDP703: a UDPRoute on the TCP listener, and on a Gateway without a UDP listener', () => {
  expect(lint([EG, gateway('eg', [UDP, TCP]), route('UDPRoute', { parentRefs: [{ name: 'edge', sectionName: 'dns-tcp' }] })])).toEqual([
    `error [UDP703] obj: spec.parentRefs[0] "dns-tcp": names listener dns-tcp of Gateway edge (protocol TCP), which does not allow UDPRoute (a listener with protocol UDP whose allowedRoutes.kinds include UDPRoute; ${ROUTES})`,
  ]);
  expect(lint([EG, gateway('eg', [TCP]), route('UDPRoute', { parentRefs: [{ name: 'edge' }] })])).toEqual([
    `error [UDP703] obj: spec.parentRefs[0] "edge": Gateway edge has no listener that allows UDPRoute (a listener with protocol UDP (and UDPRoute in its allowedRoutes.kinds); ${ROUTES})`,
  ]);
});

test('UDP704: a sectionName that names no listener; a Gateway not among the objects is not judged', () => {
  expect(lint([EG, gateway('eg', [UDP, TCP]), route('UDPRoute', { parentRefs: [{ name: 'edge', sectionName: 'dns' }] })])).toEqual([
    `error [UDP704] obj: spec.parentRefs[0].sectionName "dns": matches no listener of Gateway edge: the route attaches nowhere (one of "dns-udp", "dns-tcp"; ${ROUTES})`,
  ]);
  expect(lint([route('UDPRoute', { parentRefs: [{ name: 'elsewhere', sectionName: 'dns' }] })])).toEqual([]);
  // a Gateway of another namespace is another Gateway
  expect(lint([EG, gateway('eg', [UDP], 'other'), route('UDPRoute', { parentRefs: [{ name: 'edge', sectionName: 'dns' }] })])).toEqual([]);
});

test('UDP705: a UDPRoute on Istio, Traefik or kgateway names the alternative', () => {
  for (const [controller, name] of [['istio.io/gateway-controller', 'Istio'], ['traefik.io/gateway-controller', 'Traefik'], ['kgateway.dev/kgateway', 'kgateway']]) {
    expect(lint([gatewayClass('c', controller), gateway('c', [UDP]), route('UDPRoute')])).toEqual([
      `error [UDP705] obj: spec.parentRefs[0] "edge": attaches a UDPRoute to Gateway edge of ${name} (${controller}), which has no UDPRoute: nothing serves it (a Gateway of an implementation with UDPRoute, or a UDP Service (UdpService, NlbUdpLoadBalancer); ${CONFORMANCE})`,
    ]);
  }
  expect(lint([gatewayClass('c', 'example.com/unknown'), gateway('c', [UDP]), route('UDPRoute')])).toEqual([]);
});

test('UDP706: an HTTPRoute and an HTTP listener on an NLB gateway', () => {
  const nlb = gatewayClass('aws-nlb', 'gateway.k8s.aws/nlb');
  const http = { apiVersion: `${G}/v1`, kind: 'HTTPRoute', metadata: { name: 'web', namespace: 'dns' }, spec: { parentRefs: [{ name: 'edge' }] } };
  expect(lint([nlb, gateway('aws-nlb', [UDP, { name: 'web', port: 80, protocol: 'HTTP' }]), route('UDPRoute'), http])).toEqual([
    `error [UDP706] obj: spec.listeners[1].protocol "HTTP": is an L7 listener on an NLB gateway of the AWS Load Balancer Controller, which serves L4 routes only (TCP, UDP or TLS listeners; HTTP goes to a Gateway of the ALB class (gateway.k8s.aws/alb); ${AWS_GATEWAY})`,
    `error [UDP706] obj: spec.parentRefs[0] "edge": attaches a HTTPRoute to Gateway edge, an NLB gateway of the AWS Load Balancer Controller: L4 and L7 routes cannot share it (a Gateway of the ALB class (gateway.k8s.aws/alb) for L7 routes; ${AWS_GATEWAY})`,
  ]);
  expect(lint([EG, gateway('eg', [UDP, { name: 'web', port: 80, protocol: 'HTTP' }]), http])).toEqual([]);
});

test('UDP707: a v1alpha2 route on a standard-channel cluster; silent when the channel is unknown or experimental', () => {
  const old = route('UDPRoute', {}, {}, 'v1alpha2');
  expect(lint([EG, gateway('eg', [UDP]), old], GatewayApiChannel.STANDARD)).toEqual([
    `error [UDP707] obj: apiVersion "gateway.networking.k8s.io/v1alpha2": is not served by the Gateway API standard channel: the API server refuses the UDPRoute (gateway.networking.k8s.io/v1 (Gateway API 1.6 or later); ${ROUTES})`,
  ]);
  expect(lint([EG, gateway('eg', [UDP]), old])).toEqual([]);
  expect(lint([EG, gateway('eg', [UDP]), old], GatewayApiChannel.EXPERIMENTAL)).toEqual([]);
});

test('UDP708: ExternalDNS hostname annotations on a v1 route, not on a v1alpha2 one', () => {
  const annotations = { 'external-dns.alpha.kubernetes.io/hostname': 'dns.example.com', 'external-dns.kubernetes.io/hostname': 'dns.example.com' };
  expect(lint([EG, gateway('eg', [UDP]), route('UDPRoute', {}, { annotations })])).toEqual([
    `warning [UDP708] obj: metadata.annotations["external-dns.alpha.kubernetes.io/hostname"] "dns.example.com": does nothing on a UDPRoute v1: ExternalDNS (0.22) reads TCPRoute and UDPRoute as v1alpha2 only (a DNSEndpoint (A or SRV records) for the Gateway's address, or a v1alpha2 route on an experimental-channel cluster; ${EXTERNALDNS})`,
    `warning [UDP708] obj: metadata.annotations["external-dns.kubernetes.io/hostname"] "dns.example.com": does nothing on a UDPRoute v1: ExternalDNS (0.22) reads TCPRoute and UDPRoute as v1alpha2 only (a DNSEndpoint (A or SRV records) for the Gateway's address, or a v1alpha2 route on an experimental-channel cluster; ${EXTERNALDNS})`,
  ]);
  expect(lint([EG, gateway('eg', [UDP]), route('UDPRoute', {}, { annotations }, 'v1alpha2')])).toEqual([]);
});
