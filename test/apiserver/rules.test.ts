/**
 * The rules that stand for the API server ("the API server rejects ...") against the real one (kube-apiserver
 * v1.28.7): for each, an object the rule refuses is refused by the server too, with the server's own words, and the
 * nearest object the rule accepts is created. So a rule never drifts from the server.
 *
 * Not here: the rules on other judges (load balancers, ExternalDNS, AWS, kube-proxy, the pods), and UDP301 (TCP and
 * UDP in one LoadBalancer Service before 1.24): a 1.28 server accepts that Service, as the rule does for 1.28 (below).
 */
import { Cluster } from './cluster';
import { API_SERVER_RULES } from './server-rules';
import { checkObjects, KubeObject, KubernetesVersion, OBJECT_RULES, Severity } from '../../src';

jest.setTimeout(120_000);

interface Case {
  /** The rule. */
  readonly rule: string;
  /** What is wrong with `refused`. */
  readonly title: string;
  /** Objects created in order: the last one is what the rule and the server refuse (the others are accepted). */
  readonly refused: readonly KubeObject[];
  /** The server's message about the last object. */
  readonly server: RegExp;
  /** The nearest objects the rule accepts. */
  readonly accepted: readonly KubeObject[];
  /**
   * The cluster's Kubernetes version the rules are told.
   * @default - unknown
   */
  readonly version?: string;
  /**
   * Where the refused object is created, when not in the fresh namespace of the test.
   * @default - the fresh namespace
   */
  readonly namespace?: string;
}

function service(spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name: 'dns', ...metadata }, spec: { selector: { app: 'dns' }, ...spec } };
}
const udp = (port: unknown, extra: Record<string, unknown> = {}) => ({ port, protocol: 'UDP', ...extra });
const tcp = (port: unknown, extra: Record<string, unknown> = {}) => ({ port, protocol: 'TCP', ...extra });
function configMap(name: string, annotations?: Record<string, string>): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, annotations }, data: { a: 'b' } };
}
const lb = (spec: Record<string, unknown>, metadata?: Record<string, unknown>) => service({ type: 'LoadBalancer', ...spec }, metadata);

const CASES: readonly Case[] = [
  {
    rule: 'UDP101',
    title: 'a port above 65535',
    refused: [service({ ports: [udp(65536)] })],
    server: /spec\.ports\[0\]\.port: Invalid value: 65536: must be between 1 and 65535/,
    accepted: [service({ ports: [udp(65535)] })],
  },
  {
    rule: 'UDP101',
    title: 'port 0',
    refused: [service({ ports: [udp(0)] })],
    server: /spec\.ports\[0\]\.port: Invalid value: 0: must be between 1 and 65535/,
    accepted: [service({ ports: [udp(1)] })],
  },
  {
    rule: 'UDP102',
    title: 'a nodePort outside 30000-32767',
    refused: [service({ type: 'NodePort', ports: [udp(53, { nodePort: 29999 })] })],
    server: /spec\.ports\[0\]\.nodePort: Invalid value: 29999: provided port is not in the valid range\. The range of valid ports is 30000-32767/,
    accepted: [service({ type: 'NodePort', ports: [udp(53, { nodePort: 30000 })] })],
  },
  {
    rule: 'UDP103',
    title: 'a nodePort on a ClusterIP Service',
    refused: [service({ ports: [udp(53, { nodePort: 30053 })] })],
    server: /spec\.ports\[0\]\.nodePort: Forbidden: may not be used when `type` is 'ClusterIP'/,
    accepted: [service({ type: 'NodePort', ports: [udp(53, { nodePort: 30053 })] })],
  },
  {
    rule: 'UDP103',
    title: 'a nodePort on a headless Service',
    refused: [service({ clusterIP: 'None', ports: [udp(53, { nodePort: 30053 })] })],
    server: /spec\.ports\[0\]\.nodePort: Forbidden: may not be used when `type` is 'ClusterIP'/,
    accepted: [service({ clusterIP: 'None', ports: [udp(53)] })],
  },
  {
    rule: 'UDP104',
    title: 'one nodePort for two port numbers',
    refused: [service({ type: 'NodePort', ports: [udp(53, { name: 'a', nodePort: 30100 }), tcp(54, { name: 'b', nodePort: 30100 })] })],
    server: /spec\.ports\[1\]\.nodePort: Invalid value: 30100: provided port is already allocated/,
    // TCP and UDP of one port share a nodePort
    accepted: [service({ type: 'NodePort', ports: [udp(53, { name: 'a', nodePort: 30100 }), tcp(53, { name: 'b', nodePort: 30100 })] })],
  },
  {
    rule: 'UDP104',
    title: 'one (protocol, nodePort) twice',
    refused: [service({ type: 'NodePort', ports: [udp(53, { name: 'a', nodePort: 30100 }), udp(54, { name: 'b', nodePort: 30100 })] })],
    // the allocator answers before validation would say "Duplicate value"
    server: /spec\.ports\[1\]\.nodePort: Invalid value: 30100: provided port is already allocated/,
    accepted: [service({ type: 'NodePort', ports: [udp(53, { name: 'a', nodePort: 30100 }), udp(54, { name: 'b', nodePort: 30101 })] })],
  },
  {
    rule: 'UDP105',
    title: 'an unnamed port among two',
    refused: [service({ ports: [udp(53), tcp(53, { name: 'dns-tcp' })] })],
    server: /spec\.ports\[0\]\.name: Required value/,
    accepted: [service({ ports: [udp(53, { name: 'dns-udp' }), tcp(53, { name: 'dns-tcp' })] })],
  },
  {
    rule: 'UDP106',
    title: 'a port name that is no DNS-1123 label',
    refused: [service({ ports: [udp(53, { name: 'DNS_UDP' })] })],
    server: /spec\.ports\[0\]\.name: Invalid value: "DNS_UDP": a lowercase RFC 1123 label/,
    accepted: [service({ ports: [udp(53, { name: 'dns-udp' })] })],
  },
  {
    rule: 'UDP107',
    title: 'one port name twice',
    refused: [service({ ports: [udp(53, { name: 'dns' }), tcp(53, { name: 'dns' })] })],
    server: /spec\.ports\[1\]\.name: Duplicate value: "dns"/,
    accepted: [service({ ports: [udp(53, { name: 'dns' }), tcp(53, { name: 'dns-tcp' })] })],
  },
  {
    rule: 'UDP108',
    title: 'one (port, protocol) twice',
    refused: [service({ ports: [udp(53, { name: 'a' }), udp(53, { name: 'b' })] })],
    server: /spec\.ports\[1\]: Duplicate value/,
    accepted: [service({ ports: [udp(53, { name: 'a' }), tcp(53, { name: 'b' })] })],
  },
  {
    rule: 'UDP109',
    title: 'a targetPort above 65535',
    refused: [service({ ports: [udp(53, { targetPort: 65536 })] })],
    server: /spec\.ports\[0\]\.targetPort: Invalid value: 65536: must be between 1 and 65535/,
    accepted: [service({ ports: [udp(53, { targetPort: 65535 })] })],
  },
  {
    rule: 'UDP109',
    title: 'a named targetPort with "--"',
    refused: [service({ ports: [udp(53, { targetPort: 'dns--udp' })] })],
    server: /spec\.ports\[0\]\.targetPort: Invalid value: "dns--udp": must not contain consecutive hyphens/,
    accepted: [service({ ports: [udp(53, { targetPort: 'dns-udp' })] })],
  },
  {
    rule: 'UDP109',
    title: 'a named targetPort of 16 characters',
    refused: [service({ ports: [udp(53, { targetPort: 'abcdefghijklmnop' })] })],
    server: /spec\.ports\[0\]\.targetPort: Invalid value: "abcdefghijklmnop": must be no more than 15 characters/,
    accepted: [service({ ports: [udp(53, { targetPort: 'abcdefghijklmno' })] })],
  },
  {
    rule: 'UDP110',
    title: 'protocol in lower case',
    refused: [service({ ports: [udp(53, { protocol: 'udp' })] })],
    server: /spec\.ports\[0\]\.protocol: Unsupported value: "udp"/,
    accepted: [service({ ports: [udp(53)] })],
  },
  {
    rule: 'UDP111',
    title: 'a Service name that starts with a digit',
    refused: [service({ ports: [udp(53)] }, { name: '53-dns' })],
    server: /metadata\.name: Invalid value: "53-dns": a DNS-1035 label/,
    accepted: [service({ ports: [udp(53)] }, { name: 'dns-53' })],
  },
  {
    rule: 'UDP112',
    title: 'externalTrafficPolicy on a ClusterIP Service',
    refused: [service({ externalTrafficPolicy: 'Local', ports: [udp(53)] })],
    server: /spec\.externalTrafficPolicy: Invalid value: "Local": may only be set when `type` is 'NodePort' or 'LoadBalancer'/,
    accepted: [service({ type: 'NodePort', externalTrafficPolicy: 'Local', ports: [udp(53)] })],
  },
  {
    // 1.29 takes it (kubernetes/kubernetes#119150); a 1.28 server does not, nor does the rule for 1.28
    rule: 'UDP112',
    title: 'externalTrafficPolicy on a ClusterIP Service with externalIPs, on 1.28',
    version: '1.28',
    refused: [service({ externalTrafficPolicy: 'Local', externalIPs: ['192.0.2.10'], ports: [udp(53)] })],
    server: /spec\.externalTrafficPolicy: Invalid value: "Local": may only be set when `type` is 'NodePort' or 'LoadBalancer'/,
    accepted: [service({ externalIPs: ['192.0.2.10'], ports: [udp(53)] })],
  },
  {
    rule: 'UDP112',
    title: 'an externalTrafficPolicy that is not Cluster or Local',
    refused: [service({ type: 'NodePort', externalTrafficPolicy: 'Node', ports: [udp(53)] })],
    server: /spec\.externalTrafficPolicy: Unsupported value: "Node"/,
    accepted: [service({ type: 'NodePort', externalTrafficPolicy: 'Cluster', ports: [udp(53)] })],
  },
  {
    rule: 'UDP113',
    title: 'healthCheckNodePort without externalTrafficPolicy Local',
    refused: [lb({ healthCheckNodePort: 32000, ports: [udp(53)] })],
    server: /spec\.healthCheckNodePort: Invalid value: 32000: may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'/,
    accepted: [lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 32000, ports: [udp(53)] })],
  },
  {
    rule: 'UDP113',
    title: 'a healthCheckNodePort outside 30000-32767',
    refused: [lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 29999, ports: [udp(53)] })],
    // refused by the allocator, with code 500
    server: /failed to allocate requested HealthCheck NodePort 29999: provided port is not in the valid range/,
    accepted: [lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 32767, ports: [udp(53)] })],
  },
  {
    rule: 'UDP114',
    title: 'a source range that is no CIDR',
    refused: [lb({ loadBalancerSourceRanges: ['10.0.0.0/8', '10.0.0.1'], ports: [udp(53)] })],
    server: /spec\.LoadBalancerSourceRanges: Invalid value: "\[10\.0\.0\.0\/8 10\.0\.0\.1\]": must be a list of IP ranges/,
    accepted: [lb({ loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::/32'], ports: [udp(53)] })],
  },
  {
    rule: 'UDP114',
    title: 'source ranges on a NodePort Service',
    refused: [service({ type: 'NodePort', loadBalancerSourceRanges: ['10.0.0.0/8'], ports: [udp(53)] })],
    server: /spec\.LoadBalancerSourceRanges: Forbidden: may only be used when `type` is 'LoadBalancer'/,
    accepted: [service({ type: 'NodePort', ports: [udp(53)] })],
  },
  {
    rule: 'UDP115',
    title: 'loadBalancerClass on a NodePort Service',
    refused: [service({ type: 'NodePort', loadBalancerClass: 'service.k8s.aws/nlb', ports: [udp(53)] })],
    server: /spec\.loadBalancerClass: Forbidden: may only be used when `type` is 'LoadBalancer'/,
    accepted: [lb({ loadBalancerClass: 'service.k8s.aws/nlb', ports: [udp(53)] })],
  },
  {
    rule: 'UDP115',
    title: 'allocateLoadBalancerNodePorts on a NodePort Service',
    refused: [service({ type: 'NodePort', allocateLoadBalancerNodePorts: false, ports: [udp(53)] })],
    server: /spec\.allocateLoadBalancerNodePorts: Forbidden: may only be used when `type` is 'LoadBalancer'/,
    accepted: [lb({ allocateLoadBalancerNodePorts: false, ports: [udp(53)] })],
  },
  {
    rule: 'UDP116',
    title: 'a ClientIP timeout above 86400 seconds',
    refused: [service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86401 } }, ports: [udp(53)] })],
    server: /spec\.sessionAffinityConfig\.clientIP\.timeoutSeconds: Invalid value: 86401: must be greater than 0 and less than 86400/,
    accepted: [service({ sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 86400 } }, ports: [udp(53)] })],
  },
  {
    rule: 'UDP117',
    title: 'a ClusterIP Service without ports',
    refused: [service({ ports: [] })],
    server: /spec\.ports: Required value/,
    accepted: [service({ clusterIP: 'None', ports: [] })],
  },
  {
    rule: 'UDP117',
    title: 'an unknown Service type',
    refused: [service({ type: 'Internal', ports: [udp(53)] })],
    server: /spec\.type: Unsupported value: "Internal"/,
    accepted: [service({ type: 'ClusterIP', ports: [udp(53)] })],
  },
  {
    rule: 'UDP118',
    title: 'an internalTrafficPolicy that is not Cluster or Local',
    refused: [service({ internalTrafficPolicy: 'Node', ports: [udp(53)] })],
    server: /spec\.internalTrafficPolicy: Unsupported value: "Node"/,
    accepted: [service({ internalTrafficPolicy: 'Local', ports: [udp(53)] })],
  },
  {
    rule: 'UDP119',
    title: 'two IP families on SingleStack',
    refused: [service({ ipFamilyPolicy: 'SingleStack', ipFamilies: ['IPv4', 'IPv6'], ports: [udp(53)] })],
    server: /spec\.ipFamilyPolicy: Invalid value: "SingleStack": must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families/,
    accepted: [service({ ipFamilyPolicy: 'PreferDualStack', ipFamilies: ['IPv6', 'IPv4'], ports: [udp(53)] })],
  },
  {
    rule: 'UDP119',
    title: 'one IP family twice',
    refused: [service({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv4'], ports: [udp(53)] })],
    server: /spec\.ipFamilies\[1\]: Duplicate value: "IPv4"/,
    accepted: [service({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv4', 'IPv6'], ports: [udp(53)] })],
  },
  {
    rule: 'UDP130',
    title: 'a label value that starts with "-"',
    refused: [service({ ports: [udp(53)] }, { labels: { app: '-dns' } })],
    server: /metadata\.labels: Invalid value: "-dns"/,
    accepted: [service({ ports: [udp(53)] }, { labels: { app: 'dns' } })],
  },
  {
    rule: 'UDP130',
    title: 'a selector key with two "/"',
    refused: [service({ selector: { 'a/b/c': 'dns' }, ports: [udp(53)] })],
    server: /spec\.selector: Invalid value: "a\/b\/c"/,
    accepted: [service({ selector: { 'example.com/app': 'dns' }, ports: [udp(53)] })],
  },
  {
    rule: 'UDP131',
    title: 'an annotation key with a space',
    refused: [configMap('dns', { 'bad key': 'x' })],
    server: /metadata\.annotations: Invalid value: "bad key"/,
    // keys are checked in lower case
    accepted: [configMap('dns', { 'Example.COM/Team': 'x' })],
  },
  {
    rule: 'UDP131',
    title: 'annotations over 256 KiB',
    refused: [configMap('dns', { a: 'x'.repeat(262144) })],
    server: /metadata\.annotations: Too long: must have at most 262144 bytes/,
    accepted: [configMap('dns', { a: 'x'.repeat(262143) })],
  },
  {
    rule: 'UDP132',
    title: 'a namespace that is no DNS-1123 label',
    refused: [{ ...configMap('dns'), metadata: { name: 'dns', namespace: 'Kube_DNS' } }],
    namespace: 'Kube_DNS',
    // a request for a namespace that cannot exist: the server takes the object's namespace for another
    server: /the namespace of the provided object does not match the namespace sent on the request/,
    accepted: [configMap('dns')],
  },
  {
    rule: 'UDP133',
    title: 'a ConfigMap name with "_"',
    refused: [configMap('core_dns')],
    server: /metadata\.name: Invalid value: "core_dns": a lowercase RFC 1123 subdomain/,
    accepted: [configMap('core.dns-1')],
  },
  {
    rule: 'UDP141',
    title: 'one nodePort in two Services, one TCP and one UDP',
    refused: [
      service({ type: 'NodePort', ports: [udp(53, { nodePort: 30053 })] }, { name: 'dns-udp' }),
      service({ type: 'NodePort', ports: [tcp(53, { nodePort: 30053 })] }, { name: 'dns-tcp' }),
    ],
    server: /spec\.ports\[0\]\.nodePort: Invalid value: 30053: provided port is already allocated/,
    accepted: [
      service({ type: 'NodePort', ports: [udp(53, { nodePort: 30053 })] }, { name: 'dns-udp' }),
      service({ type: 'NodePort', ports: [tcp(53, { nodePort: 30054 })] }, { name: 'dns-tcp' }),
    ],
  },
];

/** The rule ids that report an error on `objects`. */
function errors(objects: readonly KubeObject[], version?: string): string[] {
  return checkObjects(objects, OBJECT_RULES, { kubernetesVersion: version === undefined ? undefined : KubernetesVersion.of(version) })
    .filter((f) => f.severity === Severity.ERROR).map((f) => f.ruleId);
}

let cluster: Cluster;
beforeAll(() => {
  cluster = Cluster.connect();
});

describe.each(CASES.map((c) => [`${c.rule} ${c.title}`, c] as const))('%s', (_name, c) => {
  test('the rule and the server both refuse it', async () => {
    expect(errors(c.refused, c.version)).toContain(c.rule);
    const last = c.refused.length - 1;
    const { refused } = await cluster.createAndDelete(
      c.refused.map((object, i) => ({ object, source: `refused[${i}]`, namespace: i === last ? c.namespace : undefined })), c.rule);
    expect(refused).toEqual([expect.stringMatching(new RegExp(`^refused\\[${last}\\]: .* refused \\(\\d+\\): .*${c.server.source}`))]);
  });

  test('the rule and the server both accept the nearest valid object', async () => {
    expect(errors(c.accepted, c.version)).toEqual([]);
    const { created, refused } = await cluster.createAndDelete(c.accepted.map((object, i) => ({ object, source: `accepted[${i}]` })), c.rule);
    expect(refused).toEqual([]);
    expect(created).toHaveLength(c.accepted.length);
  });
});

test('every rule that stands for the API server has its cases here', () => {
  expect(API_SERVER_RULES.length).toBeGreaterThan(20);
  expect([...new Set(CASES.map((c) => c.rule))].sort()).toEqual(API_SERVER_RULES);
});

test('UDP112: externalTrafficPolicy on a ClusterIP Service with externalIPs passes the rule for 1.29 and an unknown version', () => {
  const objects = [service({ externalTrafficPolicy: 'Local', externalIPs: ['192.0.2.10'], ports: [udp(53)] })];
  expect(errors(objects, '1.29')).toEqual([]);
  expect(errors(objects)).toEqual([]);
  expect(errors(objects, '1.28')).toEqual(['UDP112']);
});

test('UDP116: a sessionAffinityConfig without ClientIP is not refused but dropped by the server, so the rule reports it', async () => {
  const objects = [service({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 60 } }, ports: [udp(53)] })];
  expect(errors(objects)).toEqual(['UDP116']);
  const { created, refused } = await cluster.createAndDelete(objects.map((object) => ({ object, source: 'affinity None' })), 'udp116');
  expect(refused).toEqual([]);
  expect(created[0].spec.sessionAffinity).toBe('None');
  expect(created[0].spec.sessionAffinityConfig).toBeUndefined();
});

test('UDP109: targetPort 0 is no error for the rule, and the server makes it the port', async () => {
  const objects = [service({ ports: [udp(53, { targetPort: 0 })] })];
  expect(errors(objects)).toEqual([]);
  const { created, refused } = await cluster.createAndDelete(objects.map((object) => ({ object, source: 'targetPort 0' })), 'udp109');
  expect(refused).toEqual([]);
  expect(created[0].spec.ports).toEqual([{ port: 53, protocol: 'UDP', targetPort: 53 }]);
});

test('UDP301: TCP and UDP in one LoadBalancer Service pass the rule for 1.28, and the 1.28 server creates it', async () => {
  const objects = [lb({ ports: [udp(53, { name: 'dns-udp' }), tcp(53, { name: 'dns-tcp' })] })];
  expect(checkObjects(objects, OBJECT_RULES, { kubernetesVersion: KubernetesVersion.of('1.28') }).map((f) => f.ruleId)).not.toContain('UDP301');
  expect(checkObjects(objects, OBJECT_RULES, { kubernetesVersion: KubernetesVersion.of('1.23') }).map((f) => f.ruleId)).toContain('UDP301');
  const { created, refused } = await cluster.createAndDelete(objects.map((object) => ({ object, source: 'mixed' })), 'udp301');
  expect(refused).toEqual([]);
  expect(created[0].spec.ports.map((p: any) => p.protocol)).toEqual(['UDP', 'TCP']);
});
