/**
 * The generated inputs of the UdpService property tests (udp-service.test.ts), shared with the API-server tests
 * (test/apiserver/properties.test.ts), which create a seeded sample of them on a real API server.
 */
import { Chart, Duration } from 'cdk8s';
import * as fc from 'fast-check';
import {
  cidr, distinct, dns1035Label, dns1123Label, freshChart, selectorFor, ianaSvcName, nodePort, port, SelectorKind, selectorKind,
  serviceHostname, ttl,
} from './helpers';
import {
  ExternalDnsPrefix, IpFamily, IpFamilyPolicy, LoadBalancerProvider, ServiceType, SessionAffinity, TrafficPolicy, UdpService,
  UdpServicePort, UdpServiceProps,
} from '../../src';

/** Props of a UdpService, with the selector described (a Deployment is built in each fresh chart). */
export interface Spec {
  readonly props: Omit<UdpServiceProps, 'selector'>;
  readonly selector: SelectorKind;
  /** The container's own port (a TCP port cdk8s-plus declares), when it has one. */
  readonly containerPort?: number;
}

export function build(spec: Spec): Chart {
  const chart = freshChart();
  const selector = selectorFor(chart, spec.selector, spec.containerPort);
  new UdpService(chart, 'svc', { ...spec.props, selector });
  return chart;
}

const external = (type: ServiceType) => type === ServiceType.NODE_PORT || type === ServiceType.LOAD_BALANCER;

const provider = fc.constantFrom(
  LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
  LoadBalancerProvider.awsLoadBalancerController(),
  LoadBalancerProvider.awsInTree(),
  LoadBalancerProvider.gke(),
  LoadBalancerProvider.aks(),
  LoadBalancerProvider.metalLb({ version: '0.14', addressPool: 'public' }),
  LoadBalancerProvider.generic({ annotations: { 'example.com/lb': 'yes' } }),
);

const ipFamilies: fc.Arbitrary<{ ipFamilyPolicy?: IpFamilyPolicy; ipFamilies?: IpFamily[] }> = fc.oneof(
  fc.constant({}),
  fc.record({
    ipFamilyPolicy: fc.constantFrom(...Object.values(IpFamilyPolicy)),
    ipFamilies: fc.constantFrom([IpFamily.IPV4], [IpFamily.IPV6]).map((f) => [...f]),
  }),
  fc.record({
    ipFamilyPolicy: fc.constantFrom(IpFamilyPolicy.PREFER_DUAL_STACK, IpFamilyPolicy.REQUIRE_DUAL_STACK),
    ipFamilies: fc.constantFrom([IpFamily.IPV4, IpFamily.IPV6], [IpFamily.IPV6, IpFamily.IPV4]).map((f) => [...f]),
  }),
);

/** Valid props: every field in range and allowed for the type. */
export const validSpec: fc.Arbitrary<Spec> = fc.record({
  type: fc.constantFrom(...Object.values(ServiceType)),
  selector: selectorKind,
  count: fc.integer({ min: 1, max: 4 }),
  ports: distinct(port, 4, 4),
  names: distinct(dns1123Label, 4, 4),
  targets: fc.array(fc.option(port, { nil: undefined }), { minLength: 4, maxLength: 4 }),
  namedTarget: fc.option(ianaSvcName, { nil: undefined }),
  nodePorts: distinct(nodePort, 4, 4),
  pinNodePorts: fc.boolean(),
  containerPort: fc.option(port, { nil: undefined }),
  name: fc.option(dns1035Label, { nil: undefined }),
  namespace: fc.option(dns1123Label, { nil: undefined }),
  label: fc.option(dns1123Label, { nil: undefined }),
  externalTrafficPolicy: fc.option(fc.constantFrom(...Object.values(TrafficPolicy)), { nil: undefined }),
  internalTrafficPolicy: fc.option(fc.constantFrom(...Object.values(TrafficPolicy)), { nil: undefined }),
  affinity: fc.option(fc.option(fc.integer({ min: 1, max: 86400 }), { nil: undefined }), { nil: null }),
  loadBalancerClass: fc.option(fc.constantFrom('service.k8s.aws/nlb', 'example.com/lb'), { nil: undefined }),
  loadBalancerSourceRanges: fc.option(fc.array(cidr, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  allocate: fc.option(fc.boolean(), { nil: undefined }),
  families: ipFamilies,
  publishNotReadyAddresses: fc.option(fc.boolean(), { nil: undefined }),
  hostnames: fc.option(fc.oneof(serviceHostname, fc.array(serviceHostname, { minLength: 1, maxLength: 3 })), { nil: undefined }),
  ttl: fc.option(fc.oneof(ttl, ttl.map((s) => Duration.seconds(s))), { nil: undefined }),
  prefix: fc.option(fc.constantFrom(...Object.values(ExternalDnsPrefix)), { nil: undefined }),
  provider: fc.option(provider, { nil: undefined }),
}).map((g): Spec => {
  const ext = external(g.type);
  const lb = g.type === ServiceType.LOAD_BALANCER;
  const ports: UdpServicePort[] = g.ports.slice(0, g.count).map((p, i) => ({
    port: p,
    name: g.count > 1 ? g.names[i] : undefined,
    // a named target needs a container port of that name: only without a cdk8s-plus workload
    targetPort: i === 0 && g.namedTarget && g.selector !== 'deployment' ? g.namedTarget : g.targets[i],
    nodePort: ext && g.pinNodePorts ? g.nodePorts[i] : undefined,
  }));
  return {
    selector: g.selector,
    containerPort: g.containerPort,
    props: {
      type: g.type,
      ports,
      metadata: { name: g.name, namespace: g.namespace, labels: g.label ? { 'app.kubernetes.io/name': g.label } : undefined },
      externalTrafficPolicy: ext ? g.externalTrafficPolicy : undefined,
      internalTrafficPolicy: g.internalTrafficPolicy,
      sessionAffinity: g.affinity === null ? undefined
        : SessionAffinity.clientIp(g.affinity === undefined ? undefined : Duration.seconds(g.affinity)),
      loadBalancerClass: lb && !g.provider ? g.loadBalancerClass : undefined,
      loadBalancerSourceRanges: lb ? g.loadBalancerSourceRanges : undefined,
      allocateLoadBalancerNodePorts: lb ? g.allocate : undefined,
      ...g.families,
      publishNotReadyAddresses: g.publishNotReadyAddresses,
      hostname: g.hostnames,
      ttl: g.ttl,
      externalDnsPrefix: g.prefix,
      provider: lb ? g.provider : undefined,
    },
  };
});

