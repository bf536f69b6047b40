import { Duration } from 'cdk8s';
import * as fc from 'fast-check';
import {
  badCidr, badHostname, badNodePort, badPort, badTtl, expectDeterministic, expectRuleError, expectValidSynthesis, port, RUNS, TWICE,
} from './helpers';
import { build, Spec, validSpec } from './udp-service.inputs';
import {
  IpFamily, IpFamilyPolicy, LoadBalancerProvider, ServiceType, SessionAffinity, TrafficPolicy, UdpServicePort, UdpServiceProps,
} from '../../src';

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
