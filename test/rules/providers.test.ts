/*
 * The rules on the pitfalls of particular load balancers (UDP320-UDP323) and of kube-proxy's UDP conntrack handling
 * (UDP150, UDP151), with their exact messages, and the readiness advice that names the health-check sidecar only where
 * the load balancer health-checks the pods.
 */
import { checkObjects, formatFinding, KubeObject, KubernetesVersion, LoadBalancerProvider, OBJECT_RULES } from '../../src';
import { CheckOptions } from '../../src/rules/engine';

const run = (objects: KubeObject[], options: CheckOptions = {}, only?: string) => checkObjects(objects, OBJECT_RULES, options)
  .filter((f) => only === undefined || f.ruleId === only)
  .map((f) => formatFinding(f, `${f.object?.kind} ${f.object?.namespace ? `${f.object.namespace}/` : ''}${f.object?.name}`));

type Entries = Array<Record<string, unknown>>;

type Annotations = Record<string, string>;

function lb(name: string, namespace: string | undefined, annotations: Annotations, ports: Entries, spec: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name, namespace, annotations }, spec: { type: 'LoadBalancer', selector: { app: name }, ports, ...spec } };
}
const UDP = { name: 'game', port: 7777, protocol: 'UDP' };
const TCP = { name: 'query', port: 27015, protocol: 'TCP' };

describe('UDP320: a Cilium address requested twice shares one sharing key', () => {
  test('without a key, each Service is told which other one requests its address', () => {
    const objects = [
      lb('game-udp', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10' }, [UDP]),
      lb('game-tcp', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10,192.0.2.11', 'lbipam.cilium.io/sharing-key': 'game' }, [TCP]),
    ];
    expect(run(objects, {}, 'UDP320')).toEqual([
      '[UDP320] Service games/game-udp: metadata.annotations["lbipam.cilium.io/ips"] "192.0.2.10": requests 192.0.2.10, which Service "games/game-tcp" requests too, without the same lbipam.cilium.io/sharing-key: LB IPAM gives the address to one of them and leaves the other pending (the same lbipam.cilium.io/sharing-key on both Services (with different ports), or different addresses; https://github.com/cilium/cilium/blob/main/Documentation/network/lb-ipam.rst) Fix: LoadBalancerProvider.cilium({ sharingKey, loadBalancerIps }) sets both annotations',
      '[UDP320] Service games/game-tcp: metadata.annotations["lbipam.cilium.io/ips"] "192.0.2.10,192.0.2.11": requests 192.0.2.10, which Service "games/game-udp" requests too, without the same lbipam.cilium.io/sharing-key: LB IPAM gives the address to one of them and leaves the other pending (the same lbipam.cilium.io/sharing-key on both Services (with different ports), or different addresses; https://github.com/cilium/cilium/blob/main/Documentation/network/lb-ipam.rst) Fix: LoadBalancerProvider.cilium({ sharingKey, loadBalancerIps }) sets both annotations',
    ]);
  });

  test('one key, different addresses, or a Service that is no LoadBalancer: nothing', () => {
    const key = { 'lbipam.cilium.io/sharing-key': 'game' };
    expect(run([lb('a', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10', ...key }, [UDP]), lb('b', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10', ...key }, [TCP])], {}, 'UDP320')).toEqual([]);
    expect(run([lb('a', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10' }, [UDP]), lb('b', 'games', { 'lbipam.cilium.io/ips': '192.0.2.11' }, [TCP])], {}, 'UDP320')).toEqual([]);
    expect(run([lb('a', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10' }, [UDP]), lb('b', 'games', { 'lbipam.cilium.io/ips': '192.0.2.10' }, [TCP], { type: 'ClusterIP' })], {}, 'UDP320')).toEqual([]);
  });
});

describe('UDP321: Cilium sharing across namespaces needs the annotation on both Services', () => {
  test('the Service that does not allow the other namespace is reported', () => {
    const objects = [
      lb('game-udp', 'games', { 'lbipam.cilium.io/sharing-key': 'game', 'lbipam.cilium.io/sharing-cross-namespace': 'query' }, [UDP]),
      lb('game-tcp', 'query', { 'lbipam.cilium.io/sharing-key': 'game' }, [TCP]),
    ];
    expect(run(objects, {}, 'UDP321')).toEqual([
      '[UDP321] Service query/game-tcp: metadata.annotations["lbipam.cilium.io/sharing-cross-namespace"] (unset): does not list namespace "games", so this Service does not share the address of sharing key "game" with Service "games/game-udp": LB IPAM shares across namespaces only when both Services allow it ("games" (or "*") here, and "query" (or "*") on Service "games/game-udp"; https://github.com/cilium/cilium/blob/main/Documentation/network/lb-ipam.rst) Fix: LoadBalancerProvider.cilium({ sharingCrossNamespace: [...] }) sets it',
    ]);
  });

  test('both allowed (by name or "*"), or one namespace: nothing', () => {
    expect(run([
      lb('game-udp', 'games', { 'lbipam.cilium.io/sharing-key': 'game', 'lbipam.cilium.io/sharing-cross-namespace': '*' }, [UDP]),
      lb('game-tcp', 'query', { 'lbipam.cilium.io/sharing-key': 'game', 'lbipam.cilium.io/sharing-cross-namespace': 'games' }, [TCP]),
    ], {}, 'UDP321')).toEqual([]);
    expect(run([
      lb('game-udp', 'games', { 'lbipam.cilium.io/sharing-key': 'game' }, [UDP]),
      lb('game-tcp', 'games', { 'lbipam.cilium.io/sharing-key': 'game' }, [TCP]),
    ], {}, 'UDP321')).toEqual([]);
  });
});

describe('UDP322: AKS UDP ports no probe covers', () => {
  const dns = (spec: Record<string, unknown> = {}, annotations: Record<string, string> = {}) => lb('dns', undefined, annotations, [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }], spec);

  test('a UDP port under Cluster policy, by --provider aks or by the Service\'s Azure annotations', () => {
    const expected = ['[UDP322] Service dns: spec.ports[0] "dns/UDP": gets no health probe from the Azure load balancer (a UDP port under externalTrafficPolicy Cluster): it keeps sending datagrams to every node, whether or not the node can forward them (externalTrafficPolicy: Local (the load balancer probes kube-proxy\'s healthCheckNodePort), or the cluster\'s shared health probe (AksOptions.sharedHealthProbe, --provider aks:shared-probe); https://cloud-provider-azure.sigs.k8s.io/topics/loadbalancer/#custom-load-balancer-health-probe)'];
    expect(run([dns()], { provider: LoadBalancerProvider.aks() }, 'UDP322')).toEqual(expected);
    expect(run([dns({}, { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' })], {}, 'UDP322')).toEqual(expected);
  });

  test('Local policy, the shared probe, or another provider: nothing', () => {
    expect(run([dns({ externalTrafficPolicy: 'Local' })], { provider: LoadBalancerProvider.aks() }, 'UDP322')).toEqual([]);
    expect(run([dns()], { provider: LoadBalancerProvider.aks({ sharedHealthProbe: true }) }, 'UDP322')).toEqual([]);
    expect(run([dns()], { provider: LoadBalancerProvider.parse('aks:shared-probe') }, 'UDP322')).toEqual([]);
    expect(run([dns()], { provider: LoadBalancerProvider.gke() }, 'UDP322')).toEqual([]);
  });
});

describe('UDP323: GKE mixes TCP and UDP over IPv4 only before 1.36.2-gke.1498000', () => {
  const mixed = (spec: Record<string, unknown>) => lb('dns', undefined, {}, [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns-tcp', port: 53, protocol: 'TCP' }], spec);
  const gke = (version: string) => ({ provider: LoadBalancerProvider.parse(`gke:backend-service:${version}`) });

  test('IPv6 and dual-stack are reported with the version', () => {
    expect(run([mixed({ ipFamilies: ['IPv6'] })], gke('1.35.1-gke.1000'), 'UDP323')).toEqual([
      '[UDP323] Service dns: spec.ipFamilies ["IPv6"]: asks for IPv6 on a Service that mixes TCP and UDP, which GKE 1.35.1-gke.1000 carries over IPv4 only (["IPv4"], or GKE 1.36.2-gke.1498000 or later for IPv6 and dual-stack; https://cloud.google.com/kubernetes-engine/docs/how-to/mixed-protocol-lb)',
    ]);
    expect(run([mixed({ ipFamilyPolicy: 'RequireDualStack' })], gke('1.34.1-gke.2190000'), 'UDP323')).toEqual([
      '[UDP323] Service dns: spec.ipFamilyPolicy "RequireDualStack": asks for dual-stack on a Service that mixes TCP and UDP, which GKE 1.34.1-gke.2190000 carries over IPv4 only (SingleStack (IPv4), or GKE 1.36.2-gke.1498000 or later for IPv6 and dual-stack; https://cloud.google.com/kubernetes-engine/docs/how-to/mixed-protocol-lb)',
    ]);
  });

  test('from GA, over IPv4, or with the version unknown: nothing', () => {
    expect(run([mixed({ ipFamilies: ['IPv6'] })], gke('1.36.2-gke.1498000'), 'UDP323')).toEqual([]);
    expect(run([mixed({ ipFamilies: ['IPv4'] })], gke('1.35.1-gke.1000'), 'UDP323')).toEqual([]);
    expect(run([mixed({ ipFamilies: ['IPv6'] })], { provider: LoadBalancerProvider.gke() }, 'UDP323')).toEqual([]);
  });
});

function deployment(name: string, port: number, spec: Record<string, unknown> = {}, probe: Record<string, unknown> = { httpGet: { path: '/health', port: 8080 } }): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: 'example/server:1', ports: [{ containerPort: port, protocol: 'UDP' }, { name: 'health', containerPort: 8080 }], readinessProbe: probe }] },
      },
      ...spec,
    },
  };
}

function udpService(name: string, port: Record<string, unknown>): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec: { selector: { app: name }, ports: [{ protocol: 'UDP', ...port }] } };
}

describe('UDP150: one-way UDP that can scale to zero endpoints', () => {
  const statsd = udpService('statsd', { name: 'metrics', port: 8125 });
  const message = (reason: string) => `[UDP150] Service statsd: spec.ports[0] "metrics/UDP": carries StatsD, one-way UDP, and can scale to zero endpoints (${reason}): from Kubernetes 1.32 kube-proxy leaves the senders' conntrack entries pointing at the deleted pod, and every datagram refreshes them, so metrics or logs are lost until a pod comes back, or for hours (at least one replica (minReplicas 1), or a kube-proxy with the fix of kubernetes #139629; https://github.com/kubernetes/kubernetes/issues/139628)`;
  const hpa = (kind: string, min: Record<string, unknown>) => ({ apiVersion: kind === 'ScaledObject' ? 'keda.sh/v1alpha1' : 'autoscaling/v2', kind, metadata: { name: 'statsd' }, spec: { scaleTargetRef: { name: 'statsd' }, ...min } });

  test('replicas 0, an HPA with minReplicas 0, a KEDA ScaledObject that keeps its default', () => {
    expect(run([statsd, deployment('statsd', 8125, { replicas: 0 })], {}, 'UDP150')).toEqual([message('Deployment "statsd" has replicas: 0')]);
    expect(run([statsd, deployment('statsd', 8125), hpa('HorizontalPodAutoscaler', { minReplicas: 0 })], {}, 'UDP150')).toEqual([message('HorizontalPodAutoscaler "statsd" has minReplicas: 0')]);
    expect(run([statsd, deployment('statsd', 8125), hpa('ScaledObject', {})], {}, 'UDP150')).toEqual([message('ScaledObject "statsd" has minReplicaCount unset (KEDA\'s default, 0)')]);
  });

  test('syslog by its port, StatsD by its name', () => {
    const syslog = udpService('logs', { port: 514 });
    expect(run([syslog, deployment('logs', 514, { replicas: 0 })], {}, 'UDP150').map((m) => m.split(', and can')[0])).toEqual(['[UDP150] Service logs: spec.ports[0] "514/UDP": carries syslog, one-way UDP']);
    const named = udpService('dogstatsd', { port: 9125 });
    expect(run([named, deployment('dogstatsd', 9125, { replicas: 0 })], {}, 'UDP150').map((m) => m.split(', and can')[0])).toEqual(['[UDP150] Service dogstatsd: spec.ports[0] "9125/UDP": carries StatsD, one-way UDP']);
  });

  test('a floor of one, a two-way protocol, or Kubernetes before 1.32: nothing', () => {
    expect(run([statsd, deployment('statsd', 8125), hpa('HorizontalPodAutoscaler', { minReplicas: 1 })], {}, 'UDP150')).toEqual([]);
    expect(run([statsd, deployment('statsd', 8125), hpa('ScaledObject', { minReplicaCount: 1 })], {}, 'UDP150')).toEqual([]);
    expect(run([udpService('dns', { port: 53 }), deployment('dns', 53, { replicas: 0 })], {}, 'UDP150')).toEqual([]);
    expect(run([statsd, deployment('statsd', 8125, { replicas: 0 })], { kubernetesVersion: KubernetesVersion.of('1.31') }, 'UDP150')).toEqual([]);
    expect(run([statsd, deployment('statsd', 8125, { replicas: 0 })], { kubernetesVersion: KubernetesVersion.V1_32 }, 'UDP150')).toHaveLength(1);
  });
});

describe('UDP151: SIP pods that turn not ready on one failed check', () => {
  const sip = udpService('sip', { name: 'sip', port: 5060 });
  const probe = (failureThreshold?: number) => ({ httpGet: { path: '/health', port: 8080 }, failureThreshold });

  test('failureThreshold 1 behind a SIP Service', () => {
    expect(run([sip, deployment('sip', 5060, {}, probe(1))], {}, 'UDP151')).toEqual([
      '[UDP151] Deployment sip: spec.template.spec.containers[0].readinessProbe.failureThreshold 1: turns the pod not ready on a single failed check, and SIP Service "sip" sends it UDP: kube-proxy then flushes every UDP flow of the pod, and SIP transactions in flight lose their replies (3 or more (the default), so that one slow check does not cut every call in setup; https://github.com/kubernetes/kubernetes/pull/137986)',
    ]);
  });

  test('the default threshold, or no SIP: nothing', () => {
    expect(run([sip, deployment('sip', 5060, {}, probe())], {}, 'UDP151')).toEqual([]);
    expect(run([udpService('dns', { port: 53 }), deployment('dns', 53, {}, probe(1))], {}, 'UDP151')).toEqual([]);
  });
});

describe('readiness advice names the health-check sidecar only where the load balancer checks the pods', () => {
  const noProbe = (name: string) => deployment(name, 53, {}, null as never);
  const dnsLb = (annotations: Record<string, string>, cls?: string) => lb('dns', undefined, annotations, [{ name: 'dns', port: 53, protocol: 'UDP' }], { loadBalancerClass: cls });
  const hint = (objects: KubeObject[], options: CheckOptions = {}) => checkObjects(objects, OBJECT_RULES, options).filter((f) => f.ruleId === 'UDP204').map((f) => f.hint);

  test('GKE, AKS, Cilium, kube-vip, MetalLB: an exec probe, and why no sidecar', () => {
    expect(hint([dnsLb({}, 'networking.gke.io/l4-regional-external'), noProbe('dns')])).toEqual([
      'add an exec readinessProbe that fails when the UDP server is dead (GKE (target-pool load balancer) does not health-check the pods, so no health-check sidecar is needed for it)',
    ]);
    expect(hint([dnsLb({}), noProbe('dns')], { provider: LoadBalancerProvider.gke({ mode: 'backend-service' as never, version: '1.34.1-gke.2190000' }) })).toEqual([
      'add an exec readinessProbe that fails when the UDP server is dead (GKE 1.34.1-gke.2190000 (backend-service load balancer) does not health-check the pods, so no health-check sidecar is needed for it)',
    ]);
    for (const [annotations, who] of [
      [{ 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' }, 'AKS'],
      [{ 'lbipam.cilium.io/sharing-key': 'dns' }, 'Cilium LB IPAM'],
      [{ 'kube-vip.io/loadbalancerIPs': '192.0.2.20' }, 'kube-vip'],
      [{ 'metallb.io/allow-shared-ip': 'dns' }, 'MetalLB (version unknown)'],
    ] as const) {
      expect(hint([dnsLb(annotations), noProbe('dns')])).toEqual([
        `add an exec readinessProbe that fails when the UDP server is dead (${who} does not health-check the pods, so no health-check sidecar is needed for it)`,
      ]);
    }
  });

  test('an AWS NLB, an unknown load balancer, or no load balancer: the sidecar', () => {
    const sidecar = ['add the UDP health-check sidecar (UdpHealthCheck.addTo) or an exec readinessProbe'];
    expect(hint([dnsLb({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' }), noProbe('dns')])).toEqual(sidecar);
    expect(hint([dnsLb({}), noProbe('dns')])).toEqual(sidecar);
    expect(hint([udpService('dns', { port: 53 }), noProbe('dns')], { provider: LoadBalancerProvider.gke() })).toEqual(sidecar);
  });
});
