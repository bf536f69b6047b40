import { checkObjects, KubeObject, KubernetesVersion, LoadBalancerProvider, OBJECT_RULES, formatFinding } from '../../src';
import { Sources } from '../../src/core/sources';

const LBC = 'service.beta.kubernetes.io/';

function lb(annotations: Record<string, string>, ports: Array<[number, string]>, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'dns', annotations },
    spec: { type: 'LoadBalancer', ports: ports.map(([port, protocol]) => ({ name: `${protocol.toLowerCase()}-${port}`, port, protocol })), ...extra },
  };
}

const run = (objects: KubeObject[], options = {}) => checkObjects(objects, OBJECT_RULES, options).map((f) => formatFinding(f, 'dns'));
const mixed: Array<[number, string]> = [[53, 'TCP'], [53, 'UDP']];

test('UDP301 fires only with a declared version before 1.24', () => {
  expect(run([lb({}, mixed)])).toEqual([]);
  expect(run([lb({}, mixed)], { kubernetesVersion: KubernetesVersion.of('1.24') })).toEqual([]);
  expect(run([lb({}, mixed)], { kubernetesVersion: KubernetesVersion.of('1.19') })).toEqual([
    `[UDP301] dns: spec.ports ["TCP","UDP"]: mixes TCP and UDP: Kubernetes 1.19 rejects TCP and UDP in one LoadBalancer Service (MixedProtocolLBService appeared in 1.20) (one protocol per LoadBalancer Service before 1.24; ${Sources.MIXED_PROTOCOL_LB}) Fix: split it into <name>-tcp and <name>-udp Services (DualProtocolEndpoint does it for you)`,
  ]);
});

test('UDP302: the in-tree AWS provider is recognized by its annotation, other providers by --provider', () => {
  // (the in-tree provider's NLB is internet-facing without the internal annotation: UDP579 notes its addresses)
  expect(run([lb({ [`${LBC}aws-load-balancer-type`]: 'nlb' }, mixed)]).map((m) => m.slice(0, 8))).toEqual(['[UDP302]', '[UDP579]']);
  expect(run([lb({ [`${LBC}aws-load-balancer-type`]: 'nlb' }, [[53, 'UDP'], [54, 'UDP']])]).map((m) => m.slice(0, 8))).toEqual(['[UDP579]']);
  expect(run([lb({}, mixed)], { provider: LoadBalancerProvider.gke() })).toEqual([
    `[UDP302] dns: spec.ports ["TCP","UDP"]: mixes TCP and UDP, but GKE target-pool load balancers carry one protocol (use GkeLoadBalancerMode.BACKEND_SERVICE) (one protocol per LoadBalancer Service on GKE (target-pool load balancer); ${Sources.AWS_IN_TREE}) Fix: split it into <name>-tcp and <name>-udp Services (DualProtocolEndpoint does it for you)`,
  ]);
  // (with the shared health probe, so that no UDP322 about its UDP port joins in)
  expect(run([lb({}, mixed)], { provider: LoadBalancerProvider.aks({ sharedHealthProbe: true }) })).toEqual([]);
});

test('UDP303: AWS LBC same-port TCP+UDP without the TCP_UDP listener opt-in', () => {
  const external = { [`${LBC}aws-load-balancer-type`]: 'external' };
  expect(run([lb(external, mixed)])).toEqual([
    `[UDP303] dns: metadata.annotations["${LBC}aws-load-balancer-enable-tcp-udp-listener"] (unset): must be "true" for port 53 on TCP and UDP: without it the controller silently drops one protocol ("true", with controller 2.13 or later; ${Sources.LBC_ANNOTATIONS})`,
  ]);
  expect(run([lb({ ...external, [`${LBC}aws-load-balancer-enable-tcp-udp-listener`]: 'true' }, mixed)])).toEqual([]);
  expect(run([lb({}, mixed, { loadBalancerClass: 'service.k8s.aws/nlb' })]).map((m) => m.slice(0, 8))).toEqual(['[UDP303]']);
  expect(run([lb(external, [[53, 'TCP'], [54, 'UDP']])])).toEqual([]);
  // and with an old controller declared, the provider rule says why, and nothing asks for the opt-in it cannot use
  expect(run([lb(external, mixed)], { provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.12' }) }).map((m) => m.slice(0, 8)))
    .toEqual(['[UDP302]']);
  // on Kubernetes 1.22 the Service must be split (UDP301): the opt-in (UDP303), which needs 1.24, is not asked for too
  expect(run([lb(external, mixed)], { kubernetesVersion: KubernetesVersion.of('1.22') }).map((m) => m.slice(0, 8)))
    .toEqual(['[UDP301]']);
});

test('UDP141: a nodePort pinned by two Services, across namespaces, reported once', () => {
  const a: KubeObject = { kind: 'Service', metadata: { name: 'a', namespace: 'x' }, spec: { type: 'NodePort', ports: [{ port: 53, protocol: 'TCP', nodePort: 30053 }] } };
  const b: KubeObject = { kind: 'Service', metadata: { name: 'b', namespace: 'y' }, spec: { type: 'NodePort', ports: [{ port: 53, protocol: 'UDP', nodePort: 30053 }] } };
  expect(run([a, b])).toEqual([
    `[UDP141] dns: spec.ports[0].nodePort 30053: is also requested by Service "a": NodePorts are allocated cluster-wide across protocols (a nodePort used by one Service only; ${Sources.NODEPORT_ALLOCATOR})`,
  ]);
});
