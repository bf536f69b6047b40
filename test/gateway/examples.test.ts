import { Testing } from 'cdk8s';
import { expectValidCustomObjects } from './crd-schema';
import { GameEnvoyGateway } from '../../examples/game-envoy-gateway/main';
import { checkObjects, OBJECT_RULES, UdpRules } from '../../src';

UdpRules.onWarning(() => undefined);

const G = 'gateway.networking.k8s.io';

describe('example game-envoy-gateway', () => {
  const chart = new GameEnvoyGateway(Testing.app(), 'game-envoy-gateway');
  const objects = Testing.synth(chart);

  test('no finding of the constructs or of the linter on what it synthesizes', () => {
    expect(UdpRules.findings(chart)).toEqual([]);
    expect(checkObjects(objects, OBJECT_RULES)).toEqual([]);
  });

  test('every Gateway API and ExternalDNS object is valid against its CRD', () => {
    expect(expectValidCustomObjects(objects)).toEqual([
      `${G}/v1 Gateway`, 'externaldns.k8s.io/v1alpha1 DNSEndpoint', `${G}/v1 UDPRoute`, 'externaldns.k8s.io/v1alpha1 DNSEndpoint',
    ]);
  });

  test('the UDP listener, the route to the Service and the DNS records', () => {
    const byKind = (kind: string) => objects.filter((o) => o.kind === kind);
    expect(byKind('Gateway')[0].spec).toEqual({
      gatewayClassName: 'eg',
      listeners: [{ name: 'udp-7777', port: 7777, protocol: 'UDP', allowedRoutes: { kinds: [{ group: G, kind: 'UDPRoute' }], namespaces: { from: 'Same' } } }],
    });
    expect(byKind('UDPRoute')[0].spec).toEqual({
      parentRefs: [{ name: 'game', sectionName: 'udp-7777' }],
      rules: [{ backendRefs: [{ name: 'game', port: 7777 }] }],
    });
    expect(byKind('Service')[0].spec.ports).toEqual([{ name: 'game-udp', port: 7777, protocol: 'UDP', targetPort: 7777 }]);
    expect(byKind('DNSEndpoint').map((e) => e.spec.endpoints[0])).toEqual([
      { dnsName: 'play.example.com', recordType: 'A', targets: ['203.0.113.77'], recordTTL: 300 },
      { dnsName: '_game._udp.example.com', recordType: 'SRV', recordTTL: 300, targets: ['10 100 7777 play.example.com.'] },
    ]);
    const pod = byKind('Deployment')[0].spec.template.spec;
    expect(pod.containers.map((c: any) => c.name)).toEqual(['game', 'udp-health']);
    // the pod is ready when the sidecar's UDP exchange with 7777 passes
    expect(pod.containers[1].readinessProbe.httpGet).toEqual({ path: '/healthz', port: 10080, scheme: 'HTTP' });
  });
});
