/**
 * The NetworkPolicies the constructs write, for each construct and traffic policy, created for real on the API server
 * of the run (kube-apiserver v1.28.7, strict field validation) with the Services they admit traffic to: every object
 * is accepted, and the server keeps every port's explicit protocol.
 */
import { Chart, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Cluster } from './cluster';
import {
  DualProtocolEndpoint, LoadBalancerProvider, NetworkPolicyPeer, NlbProtocol, NlbTargetType, NlbUdpLoadBalancer,
  ServiceType, Severity, TrafficPolicy, UdpRules, UdpService,
} from '../../src';

UdpRules.onWarning(() => undefined);
jest.setTimeout(120_000);

const PEERS = [
  NetworkPolicyPeer.cidr('203.0.113.0/24', ['203.0.113.128/25']),
  NetworkPolicyPeer.cidr('2001:db8::/32'),
  NetworkPolicyPeer.namespace('clients'),
  NetworkPolicyPeer.podsInNamespaces({ team: 'a' }, { role: 'client' }),
];
const IN_CLUSTER = [NetworkPolicyPeer.namespaces({}), NetworkPolicyPeer.pods({ role: 'client' })];
const VPC = ['10.0.0.0/16'];

function workload(chart: Chart): kplus.Deployment {
  return new kplus.Deployment(chart, 'server', { replicas: 2, containers: [{ image: 'coredns/coredns:1.11.1', portNumber: 1053 }] });
}

const CASES: Record<string, (chart: Chart) => void> = {
  'UdpService ClusterIP': (c) => new UdpService(c, 'dns', { selector: workload(c), ports: [{ port: 53, targetPort: 1053 }], networkPolicy: { from: PEERS } }),
  'UdpService NodePort Local with a health NodePort': (c) => new UdpService(c, 'dns', {
    selector: workload(c),
    type: ServiceType.NODE_PORT,
    externalTrafficPolicy: TrafficPolicy.LOCAL,
    ports: [{ port: 53, targetPort: 1053 }],
    healthNodePort: { targetPort: 8080 },
    networkPolicy: { from: PEERS, nodeCidrs: VPC },
  }),
  'UdpService NodePort Cluster': (c) => new UdpService(c, 'dns', {
    selector: workload(c), type: ServiceType.NODE_PORT, ports: [{ port: 53, targetPort: 1053 }], networkPolicy: { from: IN_CLUSTER, nodeCidrs: VPC },
  }),
  'DualProtocolEndpoint split with a health NodePort': (c) => new DualProtocolEndpoint(c, 'dns', {
    metadata: { name: 'dns' },
    selector: workload(c),
    type: ServiceType.LOAD_BALANCER,
    externalTrafficPolicy: TrafficPolicy.LOCAL,
    provider: LoadBalancerProvider.awsInTree(),
    ports: [{ name: 'dns', port: 53, targetPort: 1053 }],
    healthNodePort: {},
    networkPolicy: { from: PEERS, nodeCidrs: VPC },
  }),
  'NlbUdpLoadBalancer ip targets with the sidecar': (c) => new NlbUdpLoadBalancer(c, 'nlb', {
    selector: workload(c), ports: [{ port: 53, targetPort: 1053 }], networkPolicy: { from: PEERS, nodeCidrs: VPC },
  }),
  'NlbUdpLoadBalancer TCP_UDP, any source': (c) => new NlbUdpLoadBalancer(c, 'nlb', {
    selector: workload(c),
    provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
    ports: [{ name: 'dns', port: 53, targetPort: 1053, protocol: NlbProtocol.TCP_UDP }],
    networkPolicy: {},
  }),
  'NlbUdpLoadBalancer instance targets with Local': (c) => new NlbUdpLoadBalancer(c, 'nlb', {
    selector: workload(c),
    provider: LoadBalancerProvider.awsInTree(),
    targetType: NlbTargetType.INSTANCE,
    ports: [{ port: 53, targetPort: 1053 }],
    networkPolicy: { from: PEERS },
  }),
};

let cluster: Cluster;
beforeAll(() => {
  cluster = Cluster.connect();
});

test.each(Object.keys(CASES))('%s: the server creates the NetworkPolicy and the Services it admits traffic to', async (name) => {
  const chart = Testing.chart();
  CASES[name](chart);
  expect(UdpRules.findings(chart).filter((f) => f.severity === Severity.ERROR)).toEqual([]);
  const objects = Testing.synth(chart).filter((o) => o.kind === 'NetworkPolicy' || o.kind === 'Service');
  expect(objects.filter((o) => o.kind === 'NetworkPolicy')).toHaveLength(1);
  const { created, refused } = await cluster.createAndDelete(objects.map((object) => ({ object, source: name })), name);
  expect(refused).toEqual([]);
  const policy = created.find((o: any) => o.kind === 'NetworkPolicy');
  const written = objects.find((o) => o.kind === 'NetworkPolicy');
  expect(JSON.parse(JSON.stringify(policy.spec.ingress))).toEqual(written.spec.ingress);
});
