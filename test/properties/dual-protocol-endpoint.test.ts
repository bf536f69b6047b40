import * as fc from 'fast-check';
import { build, Spec, validSpec } from './dual-protocol-endpoint.inputs';
import { badHostname, badNodePort, badPort, badTtl, expectDeterministic, expectRuleError, expectValidSynthesis, RUNS, TWICE } from './helpers';
import {
  AwsLoadBalancerControllerOptions, DualProtocolEndpointProps, DualProtocolPort, KubernetesVersion, LoadBalancerProvider,
  MixedProtocolMode, ServiceType,
} from '../../src';

describe('DualProtocolEndpoint, generated props', () => {
  test('valid props always synthesize objects that pass the rules and fit the 1.28 schema', () => {
    fc.assert(fc.property(validSpec, (spec) => {
      const objects = expectValidSynthesis(build(spec));
      const entries = objects.filter((o) => o.kind === 'Service').flatMap((s) => s.spec.ports);
      for (const p of spec.props.ports!) {
        expect(entries.filter((e: any) => e.port === p.port).map((e: any) => e.protocol).sort()).toEqual(['TCP', 'UDP']);
      }
      expect(objects.filter((o) => o.kind === 'DNSEndpoint')).toHaveLength(spec.props.dns ? 2 : 0);
      if (spec.selector === 'deployment') {
        // the workload declares every target port on TCP and on UDP
        const [container] = objects.find((o) => o.kind === 'Deployment').spec.template.spec.containers;
        const declared = (container.ports ?? []).map((x: any) => `${x.containerPort}/${x.protocol ?? 'TCP'}`);
        for (const p of spec.props.ports!) {
          expect(declared).toContain(`${p.targetPort ?? p.port}/TCP`);
          expect(declared).toContain(`${p.targetPort ?? p.port}/UDP`);
        }
      }
    }), RUNS);
  });

  const invalid: fc.Arbitrary<[Spec, string[]]> = fc.tuple(validSpec, fc.integer({ min: 0, max: 14 }), badPort, badNodePort, badHostname, badTtl,
    fc.constantFrom('_', 'a_b', 'toolongservicename', 'dns--tcp', '-dns', '53'))
    .map(([spec, which, bad, badNode, badName, badTtlValue, badService]): [Spec, string[]] => {
      const p = spec.props;
      const ports = p.ports!;
      const first = (change: Partial<DualProtocolPort>, props: Partial<DualProtocolEndpointProps> = {}): Spec =>
        ({ ...spec, props: { ...p, ...props, ports: [{ ...ports[0], ...change }, ...ports.slice(1)] } });
      const unpinned = ports.map((x) => ({ ...x, nodePort: undefined, tcpNodePort: undefined }));
      const dns = p.dns ?? { service: 'kerberos', hostname: 'kdc.example.com' };
      const lbSplitAws = { type: ServiceType.LOAD_BALANCER, provider: LoadBalancerProvider.awsInTree(), mixedProtocol: MixedProtocolMode.AUTO, kubernetesVersion: KubernetesVersion.of('1.28') };
      switch (which) {
        case 0: return [first({ port: bad }), ['UDP101']];
        case 1: return [first({}, { kubernetesVersion: KubernetesVersion.of('latest') }), ['UDP310']];
        case 2: return [first({}, { ...lbSplitAws, mixedProtocol: MixedProtocolMode.SINGLE, hostname: undefined }), ['UDP311']];
        case 3: return [{ ...spec, props: { ...p, type: ServiceType.NODE_PORT, provider: undefined, mixedProtocol: MixedProtocolMode.AUTO, ports: [{ ...unpinned[0], tcpNodePort: 30001 }, ...unpinned.slice(1)] } }, ['UDP314']];
        case 4: return [{ ...spec, props: { ...p, type: ServiceType.NODE_PORT, provider: undefined, mixedProtocol: MixedProtocolMode.SPLIT, hostname: undefined, ports: [{ ...unpinned[0], nodePort: 30001, tcpNodePort: 30001 }, ...unpinned.slice(1)] } }, ['UDP141']];
        case 5: return [first({}, { ...lbSplitAws, hostname: 'dns.example.com' }), ['UDP409']];
        case 6: return [first({}, { dns: { ...dns, service: badService } }), ['UDP403']];
        case 7: return [first({}, { dns: { ...dns, hostname: badName } }), ['UDP401']];
        case 8: return [first({}, { dns: { ...dns, port: [1, 2, 3, 4].find((x) => !ports.some((q) => q.port === x)) } }), ['UDP410']];
        case 9: return [first({}, { dns: { ...dns, priority: 65536 } }), ['UDP405']];
        case 10: return [first({}, { dns: { ...dns, ttl: badTtlValue } }), ['UDP402']];
        case 11: return [first({}, { dns: { service: dns.service, domain: 'example.com' } }), ['UDP406']];
        case 12: return [first({}, { provider: LoadBalancerProvider.awsLoadBalancerController({ sharingKey: 'x' } as AwsLoadBalancerControllerOptions) }), ['UDP312']];
        case 13: return [{ ...spec, props: { ...p, type: ServiceType.NODE_PORT, provider: undefined, mixedProtocol: MixedProtocolMode.AUTO, ports: [{ ...unpinned[0], nodePort: badNode }, ...unpinned.slice(1)] } }, ['UDP102']];
        default: return [first({}, { metadata: { ...p.metadata, name: 'Bad_Name' } }), ['UDP111']];
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
