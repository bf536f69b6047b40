import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { celMessages, expectValidCustomObjects } from './crd-schema';
import { GatewayEndpoint, GatewayImplementation, GatewayRef, NetworkPolicyPeer, Protocol, RouteApiVersion, UdpRules } from '../../src';
import { chart, objectsOf, only } from '../k8s/helpers';

const ROUTES = 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1/apis/v1/udproute_types.go';
const EXTERNALDNS = 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/sources/gateway-api.md';
const G = 'gateway.networking.k8s.io';

function gameServer(c = chart()) {
  return new kplus.Deployment(c, 'game-server', {
    replicas: 2,
    containers: [{
      name: 'game',
      image: 'example/game:1.0',
      ports: [{ number: 7777, protocol: kplus.Protocol.UDP, name: 'game' }],
      readiness: kplus.Probe.fromCommand(['/bin/true']),
      securityContext: { ensureNonRoot: false },
    }],
  });
}

test('a Gateway made here: Service, listeners, one route per port and protocol, the workload declares TCP too', () => {
  const c = Testing.chart();
  const endpoint = new GatewayEndpoint(c, 'dns', {
    metadata: { name: 'dns', namespace: 'dns' },
    selector: gameServer(c),
    gatewayClassName: 'eg',
    implementation: GatewayImplementation.envoyGateway(),
    ports: [{ port: 7777, name: 'game', tcp: true }],
  });
  const objects = Testing.synth(c);
  expect(objects.find((o) => o.kind === 'Service')).toEqual({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'dns', namespace: 'dns' },
    spec: {
      type: 'ClusterIP',
      selector: expect.any(Object),
      ports: [
        { name: 'game-udp', port: 7777, protocol: 'UDP', targetPort: 7777 },
        { name: 'game-tcp', port: 7777, protocol: 'TCP', targetPort: 7777 },
      ],
    },
  });
  expect(objects.find((o) => o.kind === 'Gateway').spec.listeners.map((l: any) => [l.name, l.port, l.protocol, l.allowedRoutes.kinds[0].kind]))
    .toEqual([['udp-7777', 7777, 'UDP', 'UDPRoute'], ['tcp-7777', 7777, 'TCP', 'TCPRoute']]);
  expect(objects.filter((o) => o.kind.endsWith('Route')).map((o) => [o.apiVersion, o.kind, o.metadata, o.spec])).toEqual([
    [`${G}/v1`, 'UDPRoute', { name: 'dns-udp-7777', namespace: 'dns' }, { parentRefs: [{ name: 'dns', sectionName: 'udp-7777' }], rules: [{ backendRefs: [{ name: 'dns', port: 7777 }] }] }],
    [`${G}/v1`, 'TCPRoute', { name: 'dns-tcp-7777', namespace: 'dns' }, { parentRefs: [{ name: 'dns', sectionName: 'tcp-7777' }], rules: [{ backendRefs: [{ name: 'dns', port: 7777 }] }] }],
  ]);
  expect(objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers[0].ports).toEqual([
    { containerPort: 7777, name: 'game', protocol: 'UDP' },
    { containerPort: 7777, protocol: 'TCP' },
  ]);
  expect(endpoint.routes.map((r) => r.name)).toEqual(['dns-udp-7777', 'dns-tcp-7777']);
  expect(UdpRules.findings(c)).toEqual([]);
  expect(expectValidCustomObjects(objects)).toEqual([`${G}/v1 Gateway`, `${G}/v1 UDPRoute`, `${G}/v1 TCPRoute`]);
});

test('a Gateway that exists: no Gateway emitted, routes on its listeners by port and protocol', () => {
  const c = chart();
  new GatewayEndpoint(c, 'game', {
    metadata: { name: 'game' },
    gateway: GatewayRef.fromName('edge', { namespace: 'gateways', listeners: [{ name: 'game', port: 7777, protocol: Protocol.UDP }] }),
    ports: [{ port: 7777 }],
  });
  expect(objectsOf(c, 'Gateway')).toEqual([]);
  expect(only(c, 'UDPRoute').spec.parentRefs).toEqual([{ name: 'edge', namespace: 'gateways', sectionName: 'game' }]);
});

test('DNS with a known address: an A record and SRV records, valid against the CRDs', () => {
  const c = chart();
  new GatewayEndpoint(c, 'game', {
    metadata: { name: 'game' },
    selector: gameServer(c),
    gatewayClassName: 'eg',
    ports: [{ port: 7777 }],
    dns: { hostname: 'game.example.com', address: '203.0.113.10', srvService: 'game', ttl: Duration.minutes(1) },
  });
  const endpoints = objectsOf(c, 'DNSEndpoint');
  expect(endpoints.map((e) => [e.metadata.name, e.spec.endpoints])).toEqual([
    ['game-address', [{ dnsName: 'game.example.com', recordType: 'A', targets: ['203.0.113.10'], recordTTL: 60 }]],
    ['game-srv-udp', [{ dnsName: '_game._udp.example.com', recordType: 'SRV', recordTTL: 60, targets: ['10 100 7777 game.example.com.'] }]],
  ]);
  expect(only(c, 'UDPRoute').metadata.annotations).toBeUndefined();
  expect(UdpRules.findings(c)).toEqual([]);
  expect(expectValidCustomObjects(Testing.synth(c))).toContain('externaldns.k8s.io/v1alpha1 DNSEndpoint');
});

test('DNS without an address: on v1 routes a finding and no annotation; on v1alpha2 routes the hostname annotation', () => {
  const c = chart();
  const v1 = new GatewayEndpoint(c, 'game', {
    metadata: { name: 'game' },
    selector: gameServer(c),
    gatewayClassName: 'eg',
    ports: [{ port: 7777 }],
    dns: { hostname: 'game.example.com' },
  });
  expect(UdpRules.messages(c)).toEqual([
    `[UDP708] test/game: dns.hostname "game.example.com": is not published: ExternalDNS (0.22) reads TCPRoute and UDPRoute as v1alpha2 only, and without dns.address nothing else publishes it (dns.address (the Gateway's static IP or DNS name: an A, AAAA or CNAME record), or routeApiVersion RouteApiVersion.V1ALPHA2 on an experimental-channel cluster; ${EXTERNALDNS})`,
  ]);
  expect(v1.routes[0].apiObject.toJson().metadata.annotations).toBeUndefined();

  const c2 = chart();
  new GatewayEndpoint(c2, 'game', {
    metadata: { name: 'game' },
    selector: gameServer(c2),
    gatewayClassName: 'eg',
    ports: [{ port: 7777 }],
    routeApiVersion: RouteApiVersion.V1ALPHA2,
    dns: { hostname: 'game.example.com' },
  });
  const route = only(c2, 'UDPRoute');
  expect([route.apiVersion, route.metadata.annotations]).toEqual([`${G}/v1alpha2`, {
    'external-dns.alpha.kubernetes.io/hostname': 'game.example.com', 'external-dns.kubernetes.io/hostname': 'game.example.com',
  }]);
  expect(UdpRules.findings(c2)).toEqual([]);
  expect(expectValidCustomObjects(Testing.synth(c2))).toContain(`${G}/v1alpha2 UDPRoute`);
});

test('no class and no ports', () => {
  const c = chart();
  new GatewayEndpoint(c, 'game', { metadata: { name: 'game' } });
  expect(UdpRules.messages(c)).toEqual([
    `[UDP710] test/game: ports []: must hold at least one port: without one there is no route (ports such as [{ port: 53, tcp: true }]; ${ROUTES})`,
    `[UDP711] test/game/gateway: gatewayClassName "": must name a GatewayClass (the name of a GatewayClass, such as eg or aws-nlb; ${ROUTES})`,
    `[UDP711] test/game/gateway: listeners []: must hold at least one listener (the API server refuses a Gateway without one) (a UDP or TCP listener, such as { name: 'dns-udp', port: 53, protocol: Protocol.UDP }; ${ROUTES})`,
  ]);
});

test('the CEL rules of the CRDs, and where each is checked before the API server sees the objects', () => {
  // each CEL rule of the schemas of the objects the constructs emit: the rule of the engine that checks it, or why
  // the constructs never meet it
  const handled: Record<string, string> = {
    'Must have port for Service reference': 'UDP702 (objects), UDP710 (L4Route backends)',
    'sectionName must be specified when parentRefs includes 2 or more references to the same parent': 'never met: one parentRef per route',
    'sectionName must be unique when parentRefs includes 2 or more references to the same parent': 'never met: one parentRef per route',
    'Listener name must be unique within the Gateway': 'UDP711 (L4Gateway listeners)',
    'Combination of port, protocol and hostname must be unique for each listener': 'UDP711 (one listener per port and protocol)',
    'hostname must not be specified for protocols [\'TCP\', \'UDP\']': 'never met: L4 listeners have no hostname',
    'tls must not be specified for protocols [\'HTTP\', \'TCP\', \'UDP\']': 'never met: L4 listeners have no tls',
  };
  const l4 = [...celMessages(`${G}/v1`, 'UDPRoute'), ...celMessages(`${G}/v1`, 'TCPRoute')];
  const gatewayListeners = celMessages(`${G}/v1`, 'Gateway').filter((m) => /listener|protocols \[/i.test(m));
  expect([...new Set([...l4, ...gatewayListeners])].sort()).toEqual(Object.keys(handled).sort());
  expect(celMessages(`${G}/v1beta1`, 'ReferenceGrant')).toEqual([]);
  expect(celMessages('gateway.k8s.aws/v1', 'TargetGroupConfiguration')).toEqual([]);
});

describe('networkPolicy: the ingress the pods behind the Gateway need', () => {
  test('Envoy Gateway: the endpoint\'s ports with explicit protocols, from the Gateway\'s data plane', () => {
    const c = Testing.chart();
    const endpoint = new GatewayEndpoint(c, 'game', {
      metadata: { name: 'game', namespace: 'games' },
      selector: gameServer(c),
      gatewayClassName: 'eg',
      implementation: GatewayImplementation.envoyGateway(),
      ports: [{ port: 7777, name: 'game', tcp: true }],
      networkPolicy: { from: [NetworkPolicyPeer.namespace('envoy-gateway-system')] },
    });
    const policy = Testing.synth(c).find((o) => o.kind === 'NetworkPolicy');
    expect(policy.metadata).toEqual({ name: 'game-ingress', namespace: 'games' });
    expect(policy.spec.policyTypes).toEqual(['Ingress']);
    expect(policy.spec.ingress).toEqual([{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' } } }],
      ports: [{ port: 7777, protocol: 'UDP' }, { port: 7777, protocol: 'TCP' }],
    }]);
    expect(endpoint.networkPolicy?.apiObject.kind).toBe('NetworkPolicy');
    expect(UdpRules.findings(c)).toEqual([]);
  });

  test('a policy that is no object is UDP146, and none is made', () => {
    const c = chart();
    const endpoint = new GatewayEndpoint(c, 'game', {
      metadata: { name: 'game' },
      selector: gameServer(c),
      gatewayClassName: 'eg',
      implementation: GatewayImplementation.envoyGateway(),
      ports: [{ port: 7777 }],
      networkPolicy: 'deny' as never,
    });
    expect(endpoint.networkPolicy).toBeUndefined();
    expect(UdpRules.messages(c).filter((m) => m.includes('UDP146'))).toEqual([
      '[UDP146] test/game: networkPolicy "deny": must be an object (an object such as { from: [NetworkPolicyPeer.namespace(\'envoy-gateway-system\')] }; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)',
    ]);
  });
});
