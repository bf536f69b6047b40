import { formatFinding, Severity } from '../../src/core/finding';
import { AwsNlbAnnotations as A, parseStringList, parseStringMap } from '../../src/model/aws-load-balancer-controller';
import { annotationField, AWS_NLB_RULES, healthCheckFromAnnotations, nlbOf } from '../../src/rules/aws-nlb';
import { checkObjects } from '../../src/rules/engine';
import { KubeObject } from '../../src/rules/manifest';

const LBC = 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/docs/guide/service/annotations.md';
const LBC_TG = 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/blob/main/pkg/service/model_build_target_group.go';
const CREATE_TG = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html';
const TG_ATTRS = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetGroupAttribute.html';
const CLIENT_IP = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation';
const CROSS_ZONE = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing';
const UDP_HC = 'https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2144';
const IN_TREE = 'https://github.com/kubernetes/cloud-provider-aws/blob/master/pkg/providers/v1/aws.go';

const f = (key: string) => annotationField(key);

/** A LoadBalancer Service for 53/UDP to pod port 1053, with annotations. */
function service(annotations: Record<string, string>, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'dns', namespace: 'edge', annotations },
    spec: {
      type: 'LoadBalancer',
      selector: { app: 'dns' },
      ports: [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 1053 }],
      ...spec,
    },
  };
}

/** The pods behind it: 1053/UDP only, plus an optional TCP port. */
function pods(extraPorts: Array<Record<string, unknown>> = []): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'dns', namespace: 'edge' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'dns' } },
      template: {
        metadata: { labels: { app: 'dns' } },
        spec: { containers: [{ name: 'dns', image: 'dns', ports: [{ containerPort: 1053, protocol: 'UDP' }, ...extraPorts] }] },
      },
    },
  };
}

/** An ip-target NLB by the controller that passes every rule: the seed 003 Service. */
const GOOD: Record<string, string> = {
  [A.TYPE]: 'external',
  [A.TARGET_TYPE]: 'ip',
  [A.SCHEME]: 'internet-facing',
  [A.SUBNETS]: 'subnet-0123456789abcdef0,subnet-0123456789abcdef1,subnet-0123456789abcdef2',
  [A.EIP_ALLOCATIONS]: 'eipalloc-0123456789abcdef0,eipalloc-0123456789abcdef1,eipalloc-0123456789abcdef2',
  [A.ATTRIBUTES]: 'load_balancing.cross_zone.enabled=true',
  [A.HEALTHCHECK_PROTOCOL]: 'http',
  [A.HEALTHCHECK_PORT]: '8080',
  [A.HEALTHCHECK_PATH]: '/healthz',
  [A.TARGET_GROUP_ATTRIBUTES]: 'deregistration_delay.timeout_seconds=30,deregistration_delay.connection_termination.enabled=true',
};

function lint(objects: KubeObject[]): string[] {
  return checkObjects(objects, AWS_NLB_RULES).map((x) => `${x.severity} ${formatFinding(x, 'Service/dns')}`);
}

function ids(objects: KubeObject[]): string[] {
  return checkObjects(objects, AWS_NLB_RULES).map((x) => x.ruleId);
}

describe('what counts as an AWS NLB', () => {
  test('the controller by type external or nlb-ip or by loadBalancerClass; the in-tree provider by type nlb', () => {
    expect(nlbOf(service({ [A.TYPE]: 'external' }))).toMatchObject({ controller: 'aws-load-balancer-controller', targetType: 'instance' });
    expect(nlbOf(service({ [A.TYPE]: 'nlb-ip' }))).toMatchObject({ controller: 'aws-load-balancer-controller', targetType: 'ip' });
    expect(nlbOf(service({ [A.TARGET_TYPE]: 'ip' }, { loadBalancerClass: 'service.k8s.aws/nlb' })))
      .toMatchObject({ controller: 'aws-load-balancer-controller', targetType: 'ip' });
    expect(nlbOf(service({ [A.TYPE]: 'nlb' }))).toMatchObject({ controller: 'aws-in-tree', targetType: 'instance' });
    expect(nlbOf(service({}))).toBeUndefined();
    expect(nlbOf(service({ [A.TYPE]: 'external' }, { type: 'NodePort' }))).toBeUndefined();
  });

  test('annotation lists and maps are read as the controller reads them', () => {
    expect(parseStringList(' a, b,,c ')).toEqual(['a', 'b', 'c']);
    expect(parseStringMap('a=1, b = 2,c,d=x=y')).toEqual({ entries: { a: '1', b: '2', d: 'x=y' }, malformed: ['c'] });
  });

  test('the seed 003 Service passes every rule', () => {
    expect(lint([service(GOOD, { externalTrafficPolicy: 'Local' }), pods()])).toEqual([]);
  });

  test('bad shapes never throw', () => {
    const odd = [
      { kind: 'Service', metadata: { annotations: { [A.TYPE]: 'external', [A.SUBNETS]: 7 } }, spec: { type: 'LoadBalancer', ports: 'x' } },
      { kind: 'Service', metadata: null, spec: { type: 'LoadBalancer', loadBalancerClass: 'service.k8s.aws/nlb', ports: [null, 3] } },
      { kind: 'Service', spec: [] },
    ] as unknown as KubeObject[];
    expect(() => checkObjects(odd, AWS_NLB_RULES)).not.toThrow();
  });
});

describe('UDP560: Elastic IPs only with an internet-facing scheme', () => {
  test('the controller\'s default scheme is internal', () => {
    const { [A.SCHEME]: _scheme, ...internal } = GOOD;
    expect(lint([service(internal), pods()])).toEqual([
      `error [UDP560] Service/dns: ${f(A.EIP_ALLOCATIONS)} "${GOOD[A.EIP_ALLOCATIONS]}": cannot be used with scheme 'internal' (the default) `
      + `(${f(A.SCHEME)}: 'internet-facing'; ${LBC}) Fix: Elastic IPs are public addresses: make the NLB internet-facing, or drop the allocations`,
    ]);
  });

  test('an explicit internal scheme, and a scheme AWS does not know', () => {
    expect(lint([service({ ...GOOD, [A.SCHEME]: 'internal' }), pods()])).toEqual([
      `error [UDP560] Service/dns: ${f(A.EIP_ALLOCATIONS)} "${GOOD[A.EIP_ALLOCATIONS]}": cannot be used with scheme 'internal' `
      + `(${f(A.SCHEME)}: 'internet-facing'; ${LBC}) Fix: Elastic IPs are public addresses: make the NLB internet-facing, or drop the allocations`,
    ]);
    expect(lint([service({ ...GOOD, [A.SCHEME]: 'public' }), pods()])).toEqual([
      `error [UDP560] Service/dns: ${f(A.SCHEME)} "public": is not a load-balancer scheme (internal or internet-facing; ${LBC})`,
    ]);
  });

  test('the deprecated internal switch of the controller, and the in-tree provider', () => {
    const { [A.SCHEME]: _scheme, ...rest } = GOOD;
    expect(ids([service({ ...rest, [A.INTERNAL]: 'false' }), pods()])).toEqual([]);
    expect(ids([service({ ...rest, [A.INTERNAL]: 'true' }), pods()])).toEqual(['UDP560']);
    const inTree = service({
      [A.TYPE]: 'nlb',
      [A.INTERNAL]: 'true',
      [A.SUBNETS]: 'subnet-a',
      [A.EIP_ALLOCATIONS]: 'eipalloc-0123456789abcdef0',
      [A.HEALTHCHECK_PORT]: '8080',
    });
    expect(lint([inTree])).toEqual([
      `error [UDP560] Service/dns: ${f(A.EIP_ALLOCATIONS)} "eipalloc-0123456789abcdef0": cannot be used on an internal load balancer `
      + `(${f(A.INTERNAL)} is "true") (an internet-facing NLB: remove ${f(A.INTERNAL)}; ${LBC})`,
    ]);
    // In-tree NLBs are internet-facing by default: EIPs are fine.
    const publicInTree = service({ [A.TYPE]: 'nlb', [A.SUBNETS]: 'subnet-a', [A.EIP_ALLOCATIONS]: 'eipalloc-0123456789abcdef0', [A.HEALTHCHECK_PORT]: '8080' });
    expect(ids([publicInTree])).toEqual([]);
  });
});

describe('UDP561: one Elastic IP (eipalloc-...) per subnet', () => {
  test('a count unlike the subnets\', a public IP instead of an allocation id', () => {
    const s = service({ ...GOOD, [A.SUBNETS]: 'subnet-a, subnet-b, subnet-c', [A.EIP_ALLOCATIONS]: 'eipalloc-0123456789abcdef0,52.1.2.3' });
    expect(lint([s, pods()])).toEqual([
      `error [UDP561] Service/dns: ${f(A.EIP_ALLOCATIONS)} ["eipalloc-0123456789abcdef0","52.1.2.3"]: has 2 allocation ids for 3 subnets `
      + `(exactly one Elastic IP per subnet (3), paired by position; ${LBC})`,
      `error [UDP561] Service/dns: ${f(A.EIP_ALLOCATIONS)}[1] "52.1.2.3": is not an Elastic IP allocation id `
      + `(eipalloc- followed by 8 or 17 hexadecimal digits; ${LBC})`,
    ]);
  });

  test('EIPs without subnets, and an EIP twice', () => {
    const { [A.SUBNETS]: _subnets, ...noSubnets } = GOOD;
    expect(lint([service(noSubnets), pods()])).toEqual([
      `error [UDP561] Service/dns: ${f(A.EIP_ALLOCATIONS)} "${GOOD[A.EIP_ALLOCATIONS]}": need ${f(A.SUBNETS)}: one Elastic IP per subnet, `
      + `paired by position (${f(A.SUBNETS)} with as many subnets as Elastic IPs; ${LBC})`,
    ]);
    const twice = service({ ...GOOD, [A.SUBNETS]: 'subnet-a,subnet-b', [A.EIP_ALLOCATIONS]: 'eipalloc-0123456789abcdef0,eipalloc-0123456789abcdef0' });
    expect(lint([twice, pods()])).toEqual([
      `error [UDP561] Service/dns: ${f(A.EIP_ALLOCATIONS)} "eipalloc-0123456789abcdef0": is listed more than once (each Elastic IP once; ${LBC})`,
    ]);
  });

  test('subnet names are allowed (the annotation takes ids or Name tags)', () => {
    expect(ids([service({ ...GOOD, [A.SUBNETS]: 'public-a,public-b,public-c' }), pods()])).toEqual([]);
  });
});

describe('UDP562: health-check protocol tcp, http or https', () => {
  test('udp is refused', () => {
    expect(lint([service({ ...GOOD, [A.HEALTHCHECK_PROTOCOL]: 'udp' }), pods()])).toEqual([
      `error [UDP562] Service/dns: ${f(A.HEALTHCHECK_PROTOCOL)} "udp": is not possible: AWS cannot health-check over UDP `
      + `(tcp, http or https; ${LBC_TG}) Fix: check a TCP or HTTP health port (a health sidecar, or healthCheckNodePort with Local)`,
    ]);
  });

  test('any case of tcp, http and https passes', () => {
    for (const protocol of ['tcp', 'HTTP', 'Https']) {
      expect(ids([service({ ...GOOD, [A.HEALTHCHECK_PROTOCOL]: protocol }), pods()])).toEqual([]);
    }
    expect(ids([service({ ...GOOD, [A.HEALTHCHECK_PROTOCOL]: 'tls' }), pods()])).toEqual(['UDP562']);
  });
});

describe('UDP563: health-check values within AWS\'s ranges', () => {
  test('interval, thresholds and a named port the Service does not have', () => {
    const s = service({
      ...GOOD,
      [A.HEALTHCHECK_INTERVAL]: '3',
      [A.HEALTHCHECK_HEALTHY_THRESHOLD]: 'x',
      [A.HEALTHCHECK_UNHEALTHY_THRESHOLD]: '11',
      [A.HEALTHCHECK_PORT]: 'health',
    });
    expect(lint([s, pods()])).toEqual([
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_PORT)} "health": names no port of this Service, so the controller fails with `
      + `"failed to resolve healthCheckPort" ('traffic-port', a port number, or the name of a port of this Service; ${CREATE_TG})`,
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_INTERVAL)} "3": must be a whole number of seconds between 5 and 300 (5..300 seconds; ${CREATE_TG})`,
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_HEALTHY_THRESHOLD)} "x": must be a whole number between 2 and 10 (2..10; ${CREATE_TG})`,
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_UNHEALTHY_THRESHOLD)} "11": must be a whole number between 2 and 10 (2..10; ${CREATE_TG})`,
    ]);
  });

  test('a path that does not start with /, a port out of range, a timeout above the interval', () => {
    const s = service({ ...GOOD, [A.HEALTHCHECK_PATH]: 'healthz', [A.HEALTHCHECK_PORT]: '70000', [A.HEALTHCHECK_INTERVAL]: '10', [A.HEALTHCHECK_TIMEOUT]: '20' });
    expect(lint([s, pods()])).toEqual([
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_PORT)} "70000": must be a port number between 1 and 65535 or 'traffic-port' (1..65535 or 'traffic-port'; ${CREATE_TG})`,
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_PATH)} "healthz": must start with '/' and be at most 1024 characters (for example /healthz; ${CREATE_TG})`,
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_INTERVAL)} "10": must be at least the timeout, 20 seconds (an interval of at least 20 seconds, or a timeout of at most 10; ${CREATE_TG})`,
    ]);
  });

  test('an interval or a timeout alone against the controller\'s default for the other (10 and 10), as AWS sees them', () => {
    expect(lint([service({ ...GOOD, [A.HEALTHCHECK_INTERVAL]: '8' }), pods()])).toEqual([
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_INTERVAL)} "8": must be at least the timeout, 10 seconds (the controller's default timeout) (an interval of at least 10 seconds, or a timeout of at most 8; ${CREATE_TG})`,
    ]);
    expect(lint([service({ ...GOOD, [A.HEALTHCHECK_TIMEOUT]: '12' }), pods()])).toEqual([
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_TIMEOUT)} "12": must be at most the interval, 10 seconds (the controller's default interval) (a timeout of at most 10 seconds, or an interval of at least 12; ${CREATE_TG})`,
    ]);
    // instance targets with Local: kube-proxy's check, 10 and 6
    const local = service({ ...GOOD, [A.TARGET_TYPE]: 'instance', [A.HEALTHCHECK_INTERVAL]: '6' }, { externalTrafficPolicy: 'Local' });
    expect(ids([local, pods()]).filter((id) => id === 'UDP563')).toEqual([]);
    expect(ids([service({ ...GOOD, [A.HEALTHCHECK_INTERVAL]: '6' }), pods()])).toEqual(['UDP563']);
  });

  test('a timeout equal to the interval passes (the controller\'s own defaults are 10 and 10); the controller\'s defaults fill the rest', () => {
    expect(ids([service({ ...GOOD, [A.HEALTHCHECK_INTERVAL]: '10' }), pods()])).toEqual([]);
    expect(ids([service({ ...GOOD, [A.HEALTHCHECK_INTERVAL]: '10', [A.HEALTHCHECK_TIMEOUT]: '10' }), pods()])).toEqual([]);
    expect(healthCheckFromAnnotations(service(GOOD), nlbOf(service(GOOD))!).healthCheck).toEqual({
      protocol: 'HTTP', path: '/healthz', port: 8080, interval: 10, timeout: 10,
    });
  });

  test('a path on a TCP check is dropped by the controller, not refused', () => {
    expect(ids([service({ ...GOOD, [A.HEALTHCHECK_PROTOCOL]: 'tcp', [A.HEALTHCHECK_PATH]: 'x' }), pods()])).toEqual([]);
  });

  test('a named port resolves to the Service port\'s targetPort (ip) or nodePort (instance)', () => {
    const ports = [
      { name: 'dns', port: 53, protocol: 'UDP', targetPort: 1053 },
      { name: 'health', port: 8080, protocol: 'TCP', targetPort: 18080, nodePort: 31080 },
      { name: 'named', port: 8081, protocol: 'TCP', targetPort: 'http' },
    ];
    const ip = service({ ...GOOD, [A.HEALTHCHECK_PORT]: 'health' }, { ports });
    expect(healthCheckFromAnnotations(ip, nlbOf(ip)!).effectivePort).toBe(18080);
    const instance = service({ ...GOOD, [A.TARGET_TYPE]: 'instance', [A.HEALTHCHECK_PORT]: 'health' }, { ports });
    expect(healthCheckFromAnnotations(instance, nlbOf(instance)!).effectivePort).toBe(31080);
    expect(lint([service({ ...GOOD, [A.HEALTHCHECK_PORT]: 'named' }, { ports }), pods()])).toEqual([
      `error [UDP563] Service/dns: ${f(A.HEALTHCHECK_PORT)} "named": names port "named", whose targetPort is the named port "http": `
      + `the controller refuses a named health-check port for ip targets then (a port number, or a Service port whose targetPort is a number; ${CREATE_TG})`,
    ]);
  });
});

describe('UDP564: a health check a UDP-only target never answers', () => {
  const hint = `Fix: point ${f(A.HEALTHCHECK_PORT)} (with ${f(A.HEALTHCHECK_PROTOCOL)}: http) at a TCP or HTTP health endpoint in the pod, `
    + 'such as the UDP health-check sidecar (UdpHealthCheck)';
  const { [A.HEALTHCHECK_PORT]: _port, [A.HEALTHCHECK_PROTOCOL]: _protocol, [A.HEALTHCHECK_PATH]: _path, ...noHealthCheck } = GOOD;

  test('ip targets and the default check: TCP on the pods\' UDP-only target port', () => {
    expect(lint([service(noHealthCheck, { externalTrafficPolicy: 'Local' }), pods()])).toEqual([
      `warning [UDP564] Service/dns: ${f(A.HEALTHCHECK_PORT)} (unset): makes the NLB check TCP on the traffic port of UDP-only port dns `
      + '(ip targets: target port 1053 of the pods), which never answers TCP: every target stays unhealthy '
      + `(the port of a TCP or HTTP health endpoint in the pod; ${UDP_HC}) ${hint}`,
    ]);
  });

  test('instance targets told to check the traffic port: TCP on the NodePort; the controller\'s defaults are left alone', () => {
    const instance = { ...noHealthCheck, [A.TARGET_TYPE]: 'instance' };
    expect(lint([service({ ...instance, [A.HEALTHCHECK_PORT]: 'traffic-port' }, { externalTrafficPolicy: 'Local' }), pods()])).toEqual([
      `warning [UDP564] Service/dns: ${f(A.HEALTHCHECK_PORT)} "traffic-port": makes the NLB check HTTP on the traffic port of UDP-only port dns `
      + '(instance targets: its NodePort), which never answers HTTP: every target stays unhealthy '
      + `(externalTrafficPolicy Local (kube-proxy's healthCheckNodePort), or the port of a TCP or HTTP health endpoint; ${UDP_HC}) ${hint}`,
    ]);
    // With Local the controller checks kube-proxy's healthCheckNodePort; with Cluster the NLB fails open (left to the user).
    expect(ids([service(instance, { externalTrafficPolicy: 'Local' }), pods()])).toEqual([]);
    expect(ids([service(instance), pods()])).toEqual([]);
  });

  test('a port number the pods declare only as UDP', () => {
    expect(lint([service({ ...GOOD, [A.HEALTHCHECK_PORT]: '1053' }), pods()])).toEqual([
      `warning [UDP564] Service/dns: ${f(A.HEALTHCHECK_PORT)} "1053": makes the NLB check HTTP on port 1053, which the selected pods declare `
      + `only as UDP: every target stays unhealthy (the port of a TCP or HTTP health endpoint in the pod; ${UDP_HC}) ${hint}`,
    ]);
  });

  test('no finding when the pods also serve TCP on the target port, or the Service carries TCP on the same port', () => {
    expect(ids([service(noHealthCheck), pods([{ containerPort: 1053, protocol: 'TCP' }])])).toEqual([]);
    const pair = [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 1053 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 1053 }];
    expect(ids([service({ ...noHealthCheck, [A.ENABLE_TCP_UDP_LISTENER]: 'true' }, { ports: pair }), pods()])).toEqual([]);
  });
});

describe('UDP565: cross-zone off with externalTrafficPolicy Local', () => {
  const { [A.ATTRIBUTES]: _attributes, ...noCrossZone } = GOOD;
  const why = 'with externalTrafficPolicy Local: an Availability Zone with no ready pod silently drops the datagrams sent to its NLB address';

  test('unset (the NLB default) or false', () => {
    expect(lint([service(noCrossZone, { externalTrafficPolicy: 'Local' }), pods()])).toEqual([
      `warning [UDP565] Service/dns: ${f(A.ATTRIBUTES)} (unset): leaves cross-zone load balancing off (the NLB default) ${why} `
      + `(load_balancing.cross_zone.enabled=true; ${CROSS_ZONE})`,
    ]);
    const off = 'access_logs.s3.enabled=false,load_balancing.cross_zone.enabled=false';
    expect(lint([service({ ...GOOD, [A.ATTRIBUTES]: off }, { externalTrafficPolicy: 'Local' }), pods()])).toEqual([
      `warning [UDP565] Service/dns: ${f(A.ATTRIBUTES)} "${off}": leaves cross-zone load balancing off ${why} (load_balancing.cross_zone.enabled=true; ${CROSS_ZONE})`,
    ]);
  });

  test('the deprecated switch decides when present; Cluster policy is not concerned', () => {
    expect(ids([service({ ...noCrossZone, [A.CROSS_ZONE]: 'true' }, { externalTrafficPolicy: 'Local' }), pods()])).toEqual([]);
    expect(lint([service({ ...GOOD, [A.CROSS_ZONE]: 'false' }, { externalTrafficPolicy: 'Local' }), pods()])).toEqual([
      `warning [UDP565] Service/dns: ${f(A.CROSS_ZONE)} "false": leaves cross-zone load balancing off ${why} ("true"; ${CROSS_ZONE})`,
    ]);
    expect(ids([service(noCrossZone, { externalTrafficPolicy: 'Cluster' }), pods()])).toEqual([]);
  });
});

describe('UDP566 and UDP567: target-group attributes', () => {
  test('preserve_client_ip.enabled=false on UDP', () => {
    const value = 'preserve_client_ip.enabled=false';
    expect(lint([service({ ...GOOD, [A.TARGET_GROUP_ATTRIBUTES]: value }), pods()])).toEqual([
      `error [UDP566] Service/dns: ${f(A.TARGET_GROUP_ATTRIBUTES)} "${value}": preserve_client_ip.enabled=false cannot be disabled for UDP `
      + `target groups (preserve_client_ip.enabled: true, or leave it unset; ${CLIENT_IP})`,
    ]);
    const tcpOnly = service({ ...GOOD, [A.TARGET_GROUP_ATTRIBUTES]: value }, { ports: [{ name: 'web', port: 80, protocol: 'TCP' }] });
    expect(ids([tcpOnly])).toEqual([]);
  });

  test('a TCP_UDP pair is named so', () => {
    const pair = [{ name: 'dns', port: 53, protocol: 'UDP', targetPort: 1053 }, { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 1053 }];
    const s = service({ ...GOOD, [A.ENABLE_TCP_UDP_LISTENER]: 'true', [A.TARGET_GROUP_ATTRIBUTES]: 'preserve_client_ip.enabled=false' }, { ports: pair });
    expect(checkObjects([s, pods()], AWS_NLB_RULES).map((x) => x.message))
      .toEqual(['preserve_client_ip.enabled=false cannot be disabled for TCP_UDP target groups']);
  });

  test('malformed pairs, a delay out of range, a switch that is not true or false', () => {
    const value = 'deregistration_delay.timeout_seconds=9000,stickiness.enabled=yes,oops';
    expect(lint([service({ ...GOOD, [A.TARGET_GROUP_ATTRIBUTES]: value }), pods()])).toEqual([
      `error [UDP567] Service/dns: ${f(A.TARGET_GROUP_ATTRIBUTES)} "${value}": has "oops", which is not key=value: the controller fails to parse `
      + `the annotation (key=value pairs separated by commas, for example deregistration_delay.timeout_seconds=30; ${TG_ATTRS})`,
      `error [UDP567] Service/dns: ${f(A.TARGET_GROUP_ATTRIBUTES)} "${value}": deregistration_delay.timeout_seconds=9000 must be a whole number `
      + `of seconds between 0 and 3600 (deregistration_delay.timeout_seconds: 0..3600 seconds; ${TG_ATTRS})`,
      `error [UDP567] Service/dns: ${f(A.TARGET_GROUP_ATTRIBUTES)} "${value}": stickiness.enabled=yes must be true or false `
      + `(stickiness.enabled: true or false; ${TG_ATTRS})`,
    ]);
  });
});

describe('UDP568: dualstack UDP needs the IPv6 source-NAT prefix', () => {
  test('dualstack without the prefix', () => {
    expect(lint([service({ ...GOOD, [A.IP_ADDRESS_TYPE]: 'dualstack' }), pods()])).toEqual([
      `error [UDP568] Service/dns: ${f(A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT)} (unset): must be "on" for UDP ports on a dualstack NLB: `
      + `AWS refuses a UDP listener without an IPv6 source-NAT prefix (on (controller 2.10 or later); ${LBC})`,
    ]);
    expect(ids([service({ ...GOOD, [A.IP_ADDRESS_TYPE]: 'dualstack', [A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT]: 'on' }), pods()])).toEqual([]);
  });

  test('on without dualstack, and a value that is neither on nor off', () => {
    expect(lint([service({ ...GOOD, [A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT]: 'on' }), pods()])).toEqual([
      `error [UDP568] Service/dns: ${f(A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT)} "on": applies only to a dualstack NLB, and ${f(A.IP_ADDRESS_TYPE)} `
      + `is unset (ipv4): the controller refuses the Service (${f(A.IP_ADDRESS_TYPE)}: dualstack, or no source-NAT prefix; ${LBC})`,
    ]);
    expect(lint([service({ ...GOOD, [A.IP_ADDRESS_TYPE]: 'dualstack', [A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT]: 'yes' }), pods()])).toEqual([
      `error [UDP568] Service/dns: ${f(A.ENABLE_PREFIX_FOR_IPV6_SOURCE_NAT)} "yes": is not a valid value: the controller refuses the Service (on or off; ${LBC})`,
    ]);
  });
});

describe('UDP569: controller annotations on an in-tree NLB', () => {
  test('ip targets and the scheme are ignored by the in-tree provider', () => {
    const s = service({ [A.TYPE]: 'nlb', [A.TARGET_TYPE]: 'ip', [A.SCHEME]: 'internal', [A.HEALTHCHECK_PORT]: '8080' });
    const fix = `${f(A.TYPE)}: external (the AWS Load Balancer Controller), or drop the annotation`;
    expect(lint([s])).toEqual([
      `error [UDP569] Service/dns: ${f(A.TARGET_TYPE)} "ip": is ignored by the in-tree provider that ${A.TYPE}: nlb selects: `
      + `it registers the nodes' instances (NodePorts), never pod IPs (${fix}; ${IN_TREE})`,
      `error [UDP569] Service/dns: ${f(A.SCHEME)} "internal": is ignored by the in-tree provider that ${A.TYPE}: nlb selects: `
      + `the NLB is internet-facing unless ${f(A.INTERNAL)} is "true" (${fix}; ${IN_TREE})`,
    ]);
  });

  test('the same annotations with type external pass', () => {
    expect(ids([service({ [A.TYPE]: 'external', [A.TARGET_TYPE]: 'ip', [A.SCHEME]: 'internal', [A.HEALTHCHECK_PORT]: '8080' })])).toEqual([]);
  });
});

test('every rule is an error, a warning or a note with an https source, ids UDP560..UDP599 in order', () => {
  const all = AWS_NLB_RULES.map((r) => r.id);
  expect(all).toEqual(['UDP560', 'UDP561', 'UDP562', 'UDP563', 'UDP564', 'UDP565', 'UDP566', 'UDP567', 'UDP568', 'UDP569', 'UDP579']);
  for (const rule of AWS_NLB_RULES) {
    expect([Severity.ERROR, Severity.WARNING, Severity.INFO]).toContain(rule.severity);
    expect(rule.sources[0]).toMatch(/^https:\/\//);
  }
});

describe('UDP579: an internet-facing NLB without Elastic IPs is a note, never a failure', () => {
  const nlb = (annotations: Record<string, string>) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'dns', annotations },
    spec: { type: 'LoadBalancer', ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] },
  });
  const LB = 'service.beta.kubernetes.io/aws-load-balancer-';

  test('the controller\'s internet-facing scheme without eip-allocations; the in-tree provider without the internal annotation', () => {
    const found = checkObjects([
      nlb({ [`${LB}type`]: 'external', [`${LB}scheme`]: 'internet-facing' }),
      nlb({ [`${LB}type`]: 'nlb' }),
    ] as KubeObject[], AWS_NLB_RULES).filter((x) => x.ruleId === 'UDP579');
    expect(found.map((x) => `${x.severity} ${formatFinding(x, 'dns')}`)).toEqual([0, 1].map(() =>
      `info [UDP579] dns: metadata.annotations["${LB}eip-allocations"] (unset): gives the internet-facing load balancer no Elastic IPs: `
      + 'AWS assigns its addresses, and a replacement gets new ones (one Elastic IP per subnet when clients, DNS caches or allow-lists '
      + 'must keep the addresses; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html)'));
  });

  test('internal, or internet-facing with Elastic IPs: no note', () => {
    expect(checkObjects([
      nlb({ [`${LB}type`]: 'external' }),
      nlb({ [`${LB}type`]: 'nlb', [`${LB}internal`]: 'true' }),
      nlb({ [`${LB}type`]: 'external', [`${LB}scheme`]: 'internet-facing', [`${LB}subnets`]: 'subnet-0a1b2c3d4e5f60001', [`${LB}eip-allocations`]: 'eipalloc-0a1b2c3d4e5f60001' }),
    ] as KubeObject[], AWS_NLB_RULES).filter((x) => x.ruleId === 'UDP579')).toEqual([]);
  });
});
