/*
 * The health NodePort of a UDP endpoint: made with the endpoint's selector and traffic policy, so that a load
 * balancer that checks it never keeps a node that drops the UDP traffic; and the mismatch, in any manifest, is UDP145.
 */
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import {
  checkObjects, DualProtocolEndpoint, OBJECT_RULES, ServiceType, TrafficPolicy, UdpHealthCheck, UdpProbe, UdpRules, UdpService,
} from '../../src';

UdpRules.onWarning(() => undefined);

function dns(c: any): kplus.Deployment {
  const d = new kplus.Deployment(c, 'coredns', { replicas: 2, containers: [{ name: 'dns', image: 'coredns/coredns:1.11.1', portNumber: 53 }] });
  UdpHealthCheck.addTo(d, { probes: [UdpProbe.bound(53)] });
  return d;
}

test('UdpService healthNodePort: a NodePort Service on the sidecar with the same selector and Local policy', () => {
  const c = Testing.chart();
  const svc = new UdpService(c, 'dns', {
    metadata: { name: 'dns', namespace: 'edge' },
    selector: dns(c),
    type: ServiceType.NODE_PORT,
    externalTrafficPolicy: TrafficPolicy.LOCAL,
    ports: [{ port: 53, nodePort: 30053 }],
    healthNodePort: { nodePort: 30080 },
  });
  const services = Testing.synth(c).filter((o) => o.kind === 'Service');
  const health = services.find((o) => o.metadata.name === 'dns-health');
  expect(health.metadata.namespace).toBe('edge');
  expect(health.spec).toEqual({
    type: 'NodePort',
    externalTrafficPolicy: 'Local',
    selector: services.find((o) => o.metadata.name === 'dns').spec.selector,
    ports: [{ name: 'health', port: 10080, targetPort: 'udp-health', nodePort: 30080, protocol: 'TCP' }],
  });
  expect(svc.healthService?.name).toBe('dns-health');
  expect(UdpRules.messages(c)).toEqual([]);
});

test('DualProtocolEndpoint healthNodePort: one health Service for the endpoint', () => {
  const c = Testing.chart();
  const endpoint = new DualProtocolEndpoint(c, 'dns', {
    metadata: { name: 'dns' },
    selector: dns(c),
    type: ServiceType.NODE_PORT,
    externalTrafficPolicy: TrafficPolicy.LOCAL,
    ports: [{ name: 'dns', port: 53, nodePort: 30053 }],
    healthNodePort: { targetPort: 8181, nodePort: 30081 },
  });
  const health = Testing.synth(c).find((o) => o.kind === 'Service' && o.metadata.name === 'dns-health');
  expect(health.spec.ports).toEqual([{ name: 'health', port: 8181, targetPort: 8181, nodePort: 30081, protocol: 'TCP' }]);
  expect(health.spec.externalTrafficPolicy).toBe('Local');
  expect(endpoint.healthService?.name).toBe('dns-health');
});

test('healthNodePort on a ClusterIP Service is UDP144', () => {
  const c = Testing.chart();
  new UdpService(c, 'dns', { metadata: { name: 'dns' }, selector: dns(c), ports: [{ port: 53 }], healthNodePort: {} });
  expect(UdpRules.messages(c)).toEqual([
    '[UDP144] test/dns/health: healthNodePort {}: is a NodePort for a load balancer outside the cluster, but the Service is ClusterIP (type NodePort or LoadBalancer, whose nodes the load balancer reaches; https://github.com/kubernetes/kubernetes/blob/release-1.28/pkg/apis/core/validation/validation.go)',
  ]);
});

describe('UDP145 in any manifests', () => {
  const svc = (name: string, spec: Record<string, unknown>) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name, namespace: 'edge' }, spec });
  const udp = svc('dns', { type: 'NodePort', externalTrafficPolicy: 'Local', selector: { app: 'dns' }, ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }] });
  const health = (policy?: string) => svc('dns-health', {
    type: 'NodePort', externalTrafficPolicy: policy, selector: { app: 'dns' }, ports: [{ port: 8181, protocol: 'TCP', nodePort: 30081 }],
  });

  test('a health NodePort left on Cluster beside a Local UDP Service of the same pods is an error, on the health Service', () => {
    const findings = checkObjects([udp, health()], OBJECT_RULES).filter((f) => f.ruleId === 'UDP145');
    expect(findings.map((f) => [f.object?.index, f.field, f.severity, f.message])).toEqual([[
      1, 'spec.externalTrafficPolicy', 'error',
      'is Cluster, but UDP Service "dns", whose pods it vouches for, is Local: a node without a ready pod passes the health check while it drops the UDP traffic',
    ]]);
  });

  test('no finding when the policies agree, for other pods, or for a Service that is no health endpoint', () => {
    const ids = (objects: any[]) => checkObjects(objects, OBJECT_RULES).map((f) => f.ruleId).filter((id) => id === 'UDP145');
    expect(ids([udp, health('Local')])).toEqual([]);
    expect(ids([udp, { ...health(), spec: { ...health().spec, selector: { app: 'other' } } }])).toEqual([]);
    expect(ids([udp, svc('web', { type: 'NodePort', selector: { app: 'dns' }, ports: [{ port: 80, protocol: 'TCP' }] })])).toEqual([]);
  });
});
