/**
 * The generated inputs of the DualProtocolEndpoint property tests (dual-protocol-endpoint.test.ts), shared with the API-server tests
 * (test/apiserver/properties.test.ts), which create a seeded sample of them on a real API server.
 */
import { Chart, Duration } from 'cdk8s';
import * as fc from 'fast-check';
import { distinct, dns1035Label, dns1123Label, freshChart, hostname, selectorFor, nodePort, port, SelectorKind, selectorKind, ttl } from './helpers';
import {
  decideMixedProtocol, DualProtocolDnsOptions, DualProtocolEndpoint, DualProtocolEndpointProps, DualProtocolPort, GkeLoadBalancerMode,
  KubernetesVersion, LoadBalancerProvider, MixedProtocolMode, ServiceType, TrafficPolicy,
} from '../../src';

export interface Spec {
  readonly props: Omit<DualProtocolEndpointProps, 'selector'>;
  readonly selector: SelectorKind;
  readonly containerPort?: number;
}

export function build(spec: Spec): Chart {
  const chart = freshChart();
  const selector = selectorFor(chart, spec.selector, spec.containerPort);
  new DualProtocolEndpoint(chart, 'endpoint', { ...spec.props, selector });
  return chart;
}

const providers = [
  LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
  LoadBalancerProvider.awsLoadBalancerController({ version: '2.12', scheme: undefined }),
  LoadBalancerProvider.awsLoadBalancerController(),
  LoadBalancerProvider.awsInTree(),
  LoadBalancerProvider.gke(),
  LoadBalancerProvider.gke({ reservedAddressName: 'shared-ip' }),
  LoadBalancerProvider.gke({ mode: GkeLoadBalancerMode.BACKEND_SERVICE }),
  LoadBalancerProvider.aks(),
  LoadBalancerProvider.aks({ ipv4Address: '10.0.0.53' }),
  LoadBalancerProvider.metalLb({ version: '0.14' }),
  LoadBalancerProvider.metalLb({ version: '0.13.5', sharingKey: 'shared' }),
  LoadBalancerProvider.metalLb(),
  LoadBalancerProvider.generic(),
  LoadBalancerProvider.generic({ mixedProtocol: true }),
];

/** An SRV service name (RFC 6335): a letter first, then letters and digits, at most 15. */
const srvService = fc.stringMatching(/^[a-z][a-z0-9]{0,14}$/);

export const validSpec: fc.Arbitrary<Spec> = fc.record({
  type: fc.constantFrom(...Object.values(ServiceType)),
  selector: selectorKind,
  containerPort: fc.option(port, { nil: undefined }),
  minor: fc.integer({ min: 18, max: 33 }),
  provider: fc.option(fc.constantFrom(...providers), { nil: undefined }),
  mode: fc.constantFrom(...Object.values(MixedProtocolMode)),
  count: fc.integer({ min: 1, max: 3 }),
  ports: distinct(port, 3, 3),
  names: distinct(dns1123Label, 3, 3),
  targets: fc.array(fc.option(port, { nil: undefined }), { minLength: 3, maxLength: 3 }),
  nodePorts: distinct(nodePort, 6, 6),
  pin: fc.constantFrom('none', 'udp', 'both'),
  // room for the -tcp / -udp suffix of a split endpoint
  name: fc.option(dns1035Label.filter((n) => n.length <= 59), { nil: undefined }),
  namespace: fc.option(dns1123Label, { nil: undefined }),
  externalTrafficPolicy: fc.option(fc.constantFrom(...Object.values(TrafficPolicy)), { nil: undefined }),
  hostname: fc.option(hostname, { nil: undefined }),
  ttl: fc.option(ttl, { nil: undefined }),
  dns: fc.option(fc.record({
    service: srvService,
    hostname: fc.option(hostname, { nil: undefined }),
    explicit: fc.option(fc.tuple(hostname, hostname), { nil: undefined }),
    domain: fc.option(hostname, { nil: undefined }),
    portIndex: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
    ttl: fc.option(fc.oneof(ttl, ttl.map((s) => Duration.seconds(s))), { nil: undefined }),
    priority: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }),
    weight: fc.option(fc.integer({ min: 0, max: 65535 }), { nil: undefined }),
  }), { nil: undefined }),
}).map((g): Spec => {
  const kubernetesVersion = KubernetesVersion.of(`1.${g.minor}`);
  const lb = g.type === ServiceType.LOAD_BALANCER;
  const provider = lb ? g.provider : undefined;
  const decision = decideMixedProtocol(g.type === ServiceType.HEADLESS ? 'ClusterIP' : g.type, kubernetesVersion, provider);
  // SINGLE only where the cluster can carry it
  const mode = g.mode === MixedProtocolMode.SINGLE && !decision.single ? MixedProtocolMode.AUTO : g.mode;
  const split = mode === MixedProtocolMode.SPLIT || (mode === MixedProtocolMode.AUTO && !decision.single);
  const name = g.name ?? 'endpoint';
  const shared = split && lb && provider?.sharedAddress(name) !== undefined;
  const ext = g.type === ServiceType.NODE_PORT || lb;
  const ports: DualProtocolPort[] = g.ports.slice(0, g.count).map((p, i) => ({
    port: p,
    name: g.count > 1 ? g.names[i] : undefined,
    targetPort: g.targets[i],
    nodePort: ext && g.pin !== 'none' ? g.nodePorts[i] : undefined,
    tcpNodePort: ext && split && g.pin === 'both' ? g.nodePorts[i + 3] : undefined,
  }));
  let dns: DualProtocolDnsOptions | undefined;
  if (g.dns) {
    const d = g.dns;
    dns = {
      service: d.service,
      // a record needs a host: the hostname, or both per-protocol names
      hostname: d.explicit ? d.hostname : d.hostname ?? 'dns.example.com',
      udpHostname: d.explicit?.[0],
      tcpHostname: d.explicit?.[1],
      domain: d.domain,
      port: d.portIndex === undefined ? undefined : ports[Math.min(d.portIndex, ports.length - 1)].port,
      ttl: d.ttl,
      priority: d.priority,
      weight: d.weight,
    };
    if (dns.hostname === undefined && dns.domain === undefined) dns = { ...dns, domain: 'example.com' };
  }
  return {
    selector: g.selector,
    containerPort: g.containerPort,
    props: {
      type: g.type,
      kubernetesVersion,
      provider,
      mixedProtocol: mode,
      ports,
      metadata: { name: g.name, namespace: g.namespace },
      externalTrafficPolicy: ext ? g.externalTrafficPolicy : undefined,
      // one name on two addresses is UDP409: only where both protocols share one
      hostname: !split || shared ? g.hostname : undefined,
      ttl: g.ttl,
      dns,
    },
  };
});

