import { Chart, Duration } from 'cdk8s';
import * as fc from 'fast-check';
import {
  badCidr, badHostname, badNodePort, badPort, badTtl, cidr, distinct, dns1035Label, dns1123Label,
  expectDeterministic, expectRuleError, expectValidSynthesis, freshChart, selectorFor, ianaSvcName, nodePort, port, RUNS,
  SelectorKind, selectorKind, serviceHostname, ttl, TWICE,
} from './helpers';
import {
  ExternalDnsPrefix, IpFamily, IpFamilyPolicy, LoadBalancerProvider, ServiceType, SessionAffinity, TrafficPolicy, UdpService,
  UdpServicePort, UdpServiceProps,
} from '../../src';

/** Props of a UdpService, with the selector described (a Deployment is built in each fresh chart). */
interface Spec {
  readonly props: Omit<UdpServiceProps, 'selector'>;
  readonly selector: SelectorKind;
  /** The container's own port (a TCP port cdk8s-plus declares), when it has one. */
  readonly containerPort?: number;
}

function build(spec: Spec): Chart {
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
const validSpec: fc.Arbitrary<Spec> = fc.record({
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
  sourceRanges: fc.option(fc.array(cidr, { minLength: 1, maxLength: 3 }), { nil: undefined }),
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
      loadBalancerSourceRanges: lb ? g.sourceRanges : undefined,
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

describe('UdpService, generated props', () => {
  test('valid props always synthesize objects that pass the rules and fit the 1.28 schema', () => {
    fc.assert(fc.property(validSpec, (spec) => {
      const objects = expectValidSynthesis(build(spec));
      const service = objects.find((o) => o.kind === 'Service');
      expect(service.spec.ports.map((p: any) => p.protocol)).toEqual(spec.props.ports!.map(() => 'UDP'));
      expect(service.spec.ports.map((p: any) => p.port)).toEqual(spec.props.ports!.map((p) => p.port));
      if (spec.selector === 'deployment') {
        // the workload declares every target port as UDP, and keeps no TCP startup probe on a UDP-only port
        const [container] = objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers;
        const declared = (container.ports ?? []).map((x: any) => `${x.containerPort}/${x.protocol ?? 'TCP'}`);
        for (const p of spec.props.ports!) expect(declared).toContain(`${p.targetPort ?? p.port}/UDP`);
        const probed = container.startupProbe?.tcpSocket?.port;
        if (probed !== undefined) expect(declared).toContain(`${probed}/TCP`);
      }
    }), RUNS);
  });

  // A bug found by this property (reported on issue 9): targetPort 0 means "the port" to the API server (it defaults an
  // empty targetPort to port) and the rules accept it, but the construct declares containerPort 0 on the workload, which
  // the API server refuses (containerPort 1..65535). Minimal counterexample:
  //   new UdpService(chart, 'svc', { selector: deployment, ports: [{ port: 53, targetPort: 0 }] })  // containerPort: 0
  test('targetPort 0 (the API\'s "same as port") declares the port itself on the workload, never containerPort 0', () => {
    fc.assert(fc.property(port, (p) => {
      const objects = expectValidSynthesis(build({ selector: 'deployment', props: { ports: [{ port: p, targetPort: 0 }] } }));
      const [container] = objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers;
      expect(container.ports).toEqual([{ containerPort: p, protocol: 'UDP' }]);
    }), { seed: RUNS.seed, numRuns: 20 });
  });

  /** One invalid field, the rule ids that may report it. */
  const invalid: fc.Arbitrary<[Spec, string[]]> = fc.tuple(validSpec, fc.integer({ min: 0, max: 21 }), badPort, badNodePort, badCidr,
    badHostname, badTtl, fc.integer({ min: 86401, max: 10_000_000 }))
    .map(([spec, which, bad, badNode, badRange, badName, badTtlValue, badTimeout]): [Spec, string[]] => {
      const p = spec.props;
      const ports = p.ports!;
      const withPort = (change: Partial<UdpServicePort>, props: Partial<UdpServiceProps> = {}): Spec =>
        ({ ...spec, props: { ...p, ...props, ports: [{ ...ports[0], ...change }, ...ports.slice(1)] } });
      switch (which) {
        case 0: return [withPort({ port: bad }), ['UDP101']];
        // (targetPort 0 is not invalid: the API server defaults it to the port)
        case 1: return [withPort({ targetPort: bad === 0 ? -1 : bad }), ['UDP109']];
        case 2: return [withPort({ nodePort: badNode }, { type: ServiceType.NODE_PORT, loadBalancerSourceRanges: undefined, loadBalancerClass: undefined, allocateLoadBalancerNodePorts: undefined, provider: undefined }), ['UDP102']];
        case 3: return [withPort({ nodePort: 30000 }, { type: ServiceType.CLUSTER_IP, externalTrafficPolicy: undefined, loadBalancerSourceRanges: undefined, loadBalancerClass: undefined, allocateLoadBalancerNodePorts: undefined, provider: undefined }), ['UDP103']];
        case 4: return [withPort({ name: ports[0].name === undefined ? 'Bad_Name' : `${ports[0].name}_x` }), ['UDP106']];
        case 5: return [{ ...spec, props: { ...p, ports: [...ports, { ...ports[0], name: undefined, port: ports[0].port === 1 ? 2 : ports[0].port - 1 }] } }, ['UDP105', 'UDP107']];
        case 6: return [{ ...spec, props: { ...p, ports: [...ports.map((x, i) => ({ ...x, name: x.name ?? `p${i}` })), { ...ports[0], name: 'dup', nodePort: undefined }] } }, ['UDP108']];
        case 7: return [{ ...spec, props: { ...p, metadata: { ...p.metadata, name: `9${p.metadata?.name ?? 'svc'}` } } }, ['UDP111']];
        case 8: return [{ ...spec, props: { ...p, metadata: { ...p.metadata, namespace: 'Bad_Namespace' } } }, ['UDP132']];
        case 9: return [{ ...spec, props: { ...p, metadata: { ...p.metadata, labels: { 'app.kubernetes.io/name': '-bad-' } } } }, ['UDP130']];
        case 10: return [{ ...spec, props: { ...p, metadata: { ...p.metadata, annotations: { 'bad key!': 'x' } } } }, ['UDP131']];
        case 11: return [withPort({ nodePort: undefined }, { type: ServiceType.LOAD_BALANCER, loadBalancerClass: undefined, provider: undefined, loadBalancerSourceRanges: ['10.0.0.0/8', badRange] }), ['UDP114']];
        case 12: return [withPort({ nodePort: undefined }, { type: ServiceType.CLUSTER_IP, externalTrafficPolicy: TrafficPolicy.LOCAL, loadBalancerSourceRanges: undefined, loadBalancerClass: undefined, allocateLoadBalancerNodePorts: undefined, provider: undefined }), ['UDP112']];
        case 13: return [withPort({ nodePort: undefined }, { type: ServiceType.NODE_PORT, loadBalancerClass: 'example.com/lb', loadBalancerSourceRanges: undefined, allocateLoadBalancerNodePorts: undefined, provider: undefined }), ['UDP115']];
        case 14: return [withPort({}, { sessionAffinity: SessionAffinity.clientIp(Duration.seconds(badTimeout)) }), ['UDP116']];
        case 15: return [withPort({}, { hostname: badName }), ['UDP401']];
        case 16: return [withPort({}, { ttl: badTtlValue }), ['UDP402']];
        case 17: return [withPort({}, { ipFamilyPolicy: IpFamilyPolicy.SINGLE_STACK, ipFamilies: [IpFamily.IPV4, IpFamily.IPV6] }), ['UDP119']];
        case 18: return [withPort({ targetPort: 'dns--udp' }), ['UDP109']];
        case 19: return [{ ...withPort({ targetPort: 'missing' }), selector: 'deployment' }, ['UDP201']];
        case 20: return [withPort({ nodePort: undefined }, { type: ServiceType.LOAD_BALANCER, loadBalancerClass: undefined, provider: LoadBalancerProvider.awsLoadBalancerController({ version: 'latest' }) }), ['UDP313']];
        default: return [{ ...spec, props: { ...p, type: ServiceType.CLUSTER_IP, externalTrafficPolicy: undefined, loadBalancerSourceRanges: undefined, loadBalancerClass: undefined, allocateLoadBalancerNodePorts: undefined, provider: undefined, ports: [] } }, ['UDP117']];
      }
    });

  test('props with one invalid field always fail synthesis with its rule id, never a TypeError', () => {
    fc.assert(fc.property(invalid, ([spec, ids]) => {
      expectRuleError(() => build(spec), ids);
    }), RUNS);
  });

  test('synthesis is deterministic: byte-identical JSON from two fresh apps', () => {
    fc.assert(fc.property(validSpec, (spec) => {
      expectDeterministic(() => build(spec));
    }), TWICE);
  });
});
