import { Testing } from 'cdk8s';
import {
  GatewayImplementation, GatewayRef, L4Gateway, L4Route, Protocol, RouteApiVersion, RouteNamespaces, UdpRules, UdpService,
} from '../../src';
import { chart, only } from '../k8s/helpers';

const ROUTES = 'https://github.com/kubernetes-sigs/gateway-api/blob/v1.6.1/apis/v1/udproute_types.go';
const CONFORMANCE = 'https://github.com/kubernetes-sigs/gateway-api/tree/main/conformance/reports/v1.6';
const EXTERNALDNS = 'https://github.com/kubernetes-sigs/external-dns/blob/master/docs/sources/gateway-api.md';

describe('L4Gateway', () => {
  test('UDP and TCP listeners, each allowing its route kind', () => {
    const c = chart();
    const gateway = new L4Gateway(c, 'edge', {
      metadata: { name: 'edge', namespace: 'dns' },
      gatewayClassName: 'eg',
      implementation: GatewayImplementation.envoyGateway(),
      listeners: [{ name: 'dns-udp', port: 53, protocol: Protocol.UDP }],
      allowedRoutes: RouteNamespaces.ALL,
    });
    gateway.addListener({ name: 'dns-tcp', port: 53, protocol: Protocol.TCP });
    expect(only(c, 'Gateway')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'Gateway',
      metadata: { name: 'edge', namespace: 'dns' },
      spec: {
        gatewayClassName: 'eg',
        listeners: [
          { name: 'dns-udp', port: 53, protocol: 'UDP', allowedRoutes: { kinds: [{ group: 'gateway.networking.k8s.io', kind: 'UDPRoute' }], namespaces: { from: 'All' } } },
          { name: 'dns-tcp', port: 53, protocol: 'TCP', allowedRoutes: { kinds: [{ group: 'gateway.networking.k8s.io', kind: 'TCPRoute' }], namespaces: { from: 'All' } } },
        ],
      },
    });
    expect(gateway.listenerFor(53, Protocol.TCP)?.name).toBe('dns-tcp');
    expect(UdpRules.findings(c)).toEqual([]);
  });

  test('bad listeners are reported together, each with its field', () => {
    const c = chart();
    new L4Gateway(c, 'edge', {
      gatewayClassName: '',
      implementation: GatewayImplementation.istio(),
      listeners: [
        { name: 'dns', port: 53, protocol: Protocol.UDP },
        { name: 'dns', port: 70000, protocol: Protocol.TCP },
        { name: 'DNS_2', port: 53, protocol: Protocol.SCTP },
        { name: 'dns-3', port: 53, protocol: Protocol.UDP },
      ],
    });
    const source = ROUTES;
    expect(UdpRules.messages(c)).toEqual([
      `[UDP711] test/edge: gatewayClassName "": must name a GatewayClass (the name of a GatewayClass, such as eg or aws-nlb; ${source})`,
      `[UDP705] test/edge: listeners[0].protocol "UDP": is UDP on a Gateway of Istio (istio.io/gateway-controller), which has no UDPRoute: nothing serves it (a Gateway of an implementation with UDPRoute, or a UDP Service (UdpService, NlbUdpLoadBalancer); ${CONFORMANCE})`,
      `[UDP711] test/edge: listeners[1].name "dns": is used by another listener of the Gateway (a name unique within the Gateway; ${source})`,
      `[UDP711] test/edge: listeners[1].port 70000: must be a port number (an integer 1..65535; ${source})`,
      `[UDP711] test/edge: listeners[2].name "DNS_2": must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (a DNS-1123 label such as dns-udp; ${source})`,
      `[UDP711] test/edge: listeners[2].protocol "SCTP": must be UDP or TCP on an L4 Gateway (Protocol.UDP or Protocol.TCP; ${source})`,
      `[UDP711] test/edge: listeners[3].port 53: is taken by another UDP listener of the Gateway (one listener per port and protocol; ${source})`,
      `[UDP705] test/edge: listeners[3].protocol "UDP": is UDP on a Gateway of Istio (istio.io/gateway-controller), which has no UDPRoute: nothing serves it (a Gateway of an implementation with UDPRoute, or a UDP Service (UdpService, NlbUdpLoadBalancer); ${CONFORMANCE})`,
    ]);
  });

  test('a Gateway without listeners', () => {
    const c = chart();
    new L4Gateway(c, 'edge', { gatewayClassName: 'eg' });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP711] test/edge: listeners []: must hold at least one listener (the API server refuses a Gateway without one) (a UDP or TCP listener, such as { name: 'dns-udp', port: 53, protocol: Protocol.UDP }; ${ROUTES})`,
    ]);
  });
});

describe('L4Route', () => {
  function gateway(c = chart()) {
    return new L4Gateway(c, 'edge', {
      metadata: { name: 'edge' },
      gatewayClassName: 'eg',
      listeners: [{ name: 'dns-udp', port: 53, protocol: Protocol.UDP }, { name: 'dns-tcp', port: 53, protocol: Protocol.TCP }],
    });
  }

  test('a UDPRoute v1 on the listener of its port and protocol, weighted backends', () => {
    const c = chart();
    const route = new L4Route(c, 'dns', {
      metadata: { name: 'dns' },
      protocol: Protocol.UDP,
      gateway: gateway(c),
      backends: [{ service: 'coredns', port: 53, weight: 9 }],
    });
    route.addBackend({ service: 'coredns-canary', port: 53, weight: 1 });
    expect(only(c, 'UDPRoute')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'UDPRoute',
      metadata: { name: 'dns' },
      spec: {
        parentRefs: [{ name: 'edge', sectionName: 'dns-udp' }],
        rules: [{ backendRefs: [{ name: 'coredns', port: 53, weight: 9 }, { name: 'coredns-canary', port: 53, weight: 1 }] }],
      },
    });
    expect(route.sectionName).toBe('dns-udp');
    expect(UdpRules.findings(c)).toEqual([]);
  });

  test('a TCPRoute v1alpha2 to a Service construct, with the ExternalDNS hostname (both prefixes)', () => {
    const c = chart();
    const service = new UdpService(c, 'svc', { metadata: { name: 'coredns' }, ports: [{ port: 53 }] });
    new L4Route(c, 'dns', {
      metadata: { name: 'dns' },
      protocol: Protocol.TCP,
      gateway: gateway(c),
      routeApiVersion: RouteApiVersion.V1ALPHA2,
      hostname: 'dns.example.com',
      backends: [{ service, port: 53 }],
    });
    expect(only(c, 'TCPRoute')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1alpha2',
      kind: 'TCPRoute',
      metadata: {
        name: 'dns',
        annotations: { 'external-dns.alpha.kubernetes.io/hostname': 'dns.example.com', 'external-dns.kubernetes.io/hostname': 'dns.example.com' },
      },
      spec: { parentRefs: [{ name: 'edge', sectionName: 'dns-tcp' }], rules: [{ backendRefs: [{ name: 'coredns', port: 53 }] }] },
    });
  });

  test('a Gateway of another namespace by reference, without known listeners: attached by port; a backend elsewhere gets a ReferenceGrant', () => {
    const c = Testing.chart();
    new L4Route(c, 'dns', {
      metadata: { name: 'dns', namespace: 'apps' },
      protocol: Protocol.UDP,
      gateway: GatewayRef.fromName('shared', { namespace: 'gateways' }),
      port: 5353,
      backends: [{ service: 'coredns', namespace: 'dns', port: 53 }],
    });
    expect(only(c, 'UDPRoute').spec).toEqual({
      parentRefs: [{ name: 'shared', namespace: 'gateways', port: 5353 }],
      rules: [{ backendRefs: [{ name: 'coredns', namespace: 'dns', port: 53 }] }],
    });
    expect(only(c, 'ReferenceGrant')).toEqual({
      apiVersion: 'gateway.networking.k8s.io/v1beta1',
      kind: 'ReferenceGrant',
      metadata: { name: 'dns-apps', namespace: 'dns' },
      spec: { from: [{ group: 'gateway.networking.k8s.io', kind: 'UDPRoute', namespace: 'apps' }], to: [{ group: '', kind: 'Service', name: 'coredns' }] },
    });
  });

  test('bad backends, a UDPRoute on an implementation without UDPRoute, an unknown listener, a hostname on a v1 route', () => {
    const c = chart();
    const route = new L4Route(c, 'dns', {
      protocol: Protocol.UDP,
      gateway: GatewayRef.fromName('mesh', { implementation: GatewayImplementation.traefik(), listeners: [{ name: 'web', port: 443, protocol: Protocol.TCP }] }),
      sectionName: 'dns',
      hostname: 'dns.example.com',
      backends: [{ service: 'coredns', port: 0, weight: 1.5 }],
    });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP710] test/dns: backends[0].port 0: must be a Service port number (an integer 1..65535; ${ROUTES})`,
      `[UDP710] test/dns: backends[0].weight 1.5: must be a whole number 0..1000000 (a weight 0..1000000 (0 sends nothing); ${ROUTES})`,
      `[UDP705] test/dns: gateway "mesh": is a Gateway of Traefik (traefik.io/gateway-controller), which has no UDPRoute: nothing serves the route (a Gateway of an implementation with UDPRoute, or a UDP Service (UdpService, NlbUdpLoadBalancer); ${CONFORMANCE})`,
      `[UDP704] test/dns: sectionName "dns": matches no listener of Gateway mesh: the route attaches nowhere (one of "web"; ${ROUTES})`,
      `[UDP708] test/dns: hostname "dns.example.com": is not published: ExternalDNS (0.22) reads UDPRoute as v1alpha2 only, so the annotation is left out of this v1 route (a DNSEndpoint for the Gateway's address (GatewayEndpoint dns.address), or routeApiVersion RouteApiVersion.V1ALPHA2 on an experimental-channel cluster; ${EXTERNALDNS})`,
    ]);
    expect(route.apiObject.toJson().metadata.annotations).toBeUndefined();
  });

  test('no backends, and a sectionName that matches no listener of a Gateway of this app (the object rule)', () => {
    const c = chart();
    new L4Route(c, 'dns', { protocol: Protocol.UDP, gateway: gateway(c), sectionName: 'dns' });
    expect(UdpRules.messages(c)).toEqual([
      `[UDP710] test/dns: backends "0 backend(s)": must hold at least one backend (1..16 Service ports; ${ROUTES})`,
      `[UDP704] test/dns: spec.parentRefs[0].sectionName "dns": matches no listener of Gateway edge: the route attaches nowhere (one of "dns-udp", "dns-tcp"; ${ROUTES})`,
    ]);
  });
});
