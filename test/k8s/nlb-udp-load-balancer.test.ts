import { Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chart, objectsOf, only } from './helpers';
import { checkObjects, HealthCheckProtocol, LoadBalancerProvider, LoadBalancerScheme, NlbIpAddressType, NlbProtocol, NlbTargetType, NlbUdpLoadBalancer, NlbUdpLoadBalancerProps, SrvProtocol, TrafficPolicy, UdpProbe, UdpRules } from '../../src';
import { planNlb } from '../../src/aws/plan';
import { Sources } from '../../src/core/sources';
import { AWS_NLB_RULES } from '../../src/rules/aws-nlb';

const K = 'service.beta.kubernetes.io/';
const SUBNETS = ['subnet-0a1b2c3d4e5f60001', 'subnet-0a1b2c3d4e5f60002', 'subnet-0a1b2c3d4e5f60003'];
const EIPS = ['eipalloc-0a1b2c3d4e5f60001', 'eipalloc-0a1b2c3d4e5f60002', 'eipalloc-0a1b2c3d4e5f60003'];

function build(props: Partial<NlbUdpLoadBalancerProps> = {}, selector?: 'labels') {
  const c = chart();
  const app = new kplus.Deployment(c, 'app', { replicas: 2, containers: [{ image: 'game:1', portNumber: 1234 }] });
  const nlb = new NlbUdpLoadBalancer(c, 'nlb', {
    metadata: { name: 'svc' }, selector: selector === 'labels' ? { app: 'game' } : app, ports: [{ port: 1234 }], ...props,
  });
  return { c, nlb, app, service: () => only(c, 'Service'), messages: () => UdpRules.messages(c) };
}

describe('what you get by default', () => {
  test('AWS Load Balancer Controller, ip targets, internal, cross-zone on, Local, HTTP check of the sidecar', () => {
    const { service, nlb, messages } = build();
    expect(service()).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'svc',
        annotations: {
          [`${K}aws-load-balancer-type`]: 'external',
          [`${K}aws-load-balancer-nlb-target-type`]: 'ip',
          [`${K}aws-load-balancer-scheme`]: 'internal',
          [`${K}aws-load-balancer-attributes`]: 'load_balancing.cross_zone.enabled=true',
          [`${K}aws-load-balancer-healthcheck-protocol`]: 'http',
          [`${K}aws-load-balancer-healthcheck-port`]: '10080',
          [`${K}aws-load-balancer-healthcheck-path`]: '/healthz',
        },
      },
      spec: {
        type: 'LoadBalancer',
        externalTrafficPolicy: 'Local',
        selector: service().spec.selector,
        ports: [{ port: 1234, protocol: 'UDP', targetPort: 1234 }],
      },
    });
    expect(nlb.provider.id).toBe('aws-load-balancer-controller');
    expect(nlb.targetType).toBe(NlbTargetType.IP);
    expect(nlb.name).toBe('svc');
    expect(messages()).toEqual([]);
  });

  test('the sidecar joins the pods: its container, ports, readinessProbe, hardening, probing the UDP target port', () => {
    const { c, nlb } = build();
    const containers = only(c, 'Deployment').spec.template.spec.containers;
    expect(containers.map((x: any) => x.name)).toEqual(['main', 'udp-health']);
    expect(containers[0].ports).toEqual([{ containerPort: 1234, protocol: 'UDP' }]);
    expect(containers[0].startupProbe).toBeUndefined();
    const sidecar = containers[1];
    expect(sidecar.ports).toEqual([{ containerPort: 10080, name: 'udp-health', protocol: 'TCP' }]);
    expect(sidecar.readinessProbe.httpGet).toEqual({ path: '/healthz', port: 10080, scheme: 'HTTP' });
    expect(sidecar.securityContext).toMatchObject({
      runAsNonRoot: true, readOnlyRootFilesystem: true, allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] },
    });
    expect(sidecar.resources.limits).toBeDefined();
    expect(nlb.healthSidecar?.probes.map((p) => p.toString())).toEqual([UdpProbe.bound(1234).toString()]);
    expect(objectsOf(c, 'ConfigMap')).toHaveLength(1);
  });

  test('instance targets with Local: kube-proxy\'s healthCheckNodePort over HTTP /healthz, no sidecar', () => {
    const { service, c, nlb } = build({ targetType: NlbTargetType.INSTANCE });
    expect(service().metadata.annotations).toEqual({
      [`${K}aws-load-balancer-type`]: 'external',
      [`${K}aws-load-balancer-nlb-target-type`]: 'instance',
      [`${K}aws-load-balancer-scheme`]: 'internal',
      [`${K}aws-load-balancer-attributes`]: 'load_balancing.cross_zone.enabled=true',
      [`${K}aws-load-balancer-healthcheck-protocol`]: 'http',
      [`${K}aws-load-balancer-healthcheck-path`]: '/healthz',
    });
    expect(nlb.healthSidecar).toBeUndefined();
    expect(only(c, 'Deployment').spec.template.spec.containers).toHaveLength(1);
  });
});

describe('props', () => {
  test('seed 003: internet-facing, three EIPs over three subnets', () => {
    const { service, messages } = build({ scheme: LoadBalancerScheme.INTERNET_FACING, subnets: SUBNETS, eips: EIPS });
    const a = service().metadata.annotations;
    expect(a[`${K}aws-load-balancer-scheme`]).toBe('internet-facing');
    expect(a[`${K}aws-load-balancer-subnets`]).toBe(SUBNETS.join(','));
    expect(a[`${K}aws-load-balancer-eip-allocations`]).toBe(EIPS.join(','));
    expect(messages()).toEqual([]);
  });

  test('subnets by Name tag, which the controller annotation takes as well as ids', () => {
    const names = ['public-a', 'public-b', 'public-c'];
    const { service, messages } = build({ scheme: LoadBalancerScheme.INTERNET_FACING, subnets: names, eips: EIPS });
    expect(service().metadata.annotations[`${K}aws-load-balancer-subnets`]).toBe('public-a,public-b,public-c');
    expect(messages()).toEqual([]);
  });

  test('target-group attributes, deletion protection, source ranges, loadBalancerClass', () => {
    const { service } = build({
      targetGroupAttributes: { deregistrationDelay: 30, connectionTermination: true, stickiness: true },
      deletionProtection: true,
      loadBalancerSourceRanges: ['203.0.113.0/24'],
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13', useLoadBalancerClass: true }),
    });
    const s = service();
    expect(s.metadata.annotations[`${K}aws-load-balancer-target-group-attributes`]).toBe(
      'deregistration_delay.timeout_seconds=30,deregistration_delay.connection_termination.enabled=true,stickiness.enabled=true,stickiness.type=source_ip');
    expect(s.metadata.annotations[`${K}aws-load-balancer-attributes`]).toBe('load_balancing.cross_zone.enabled=true,deletion_protection.enabled=true');
    expect(s.metadata.annotations[`${K}aws-load-balancer-type`]).toBeUndefined();
    expect(s.spec.loadBalancerClass).toBe('service.k8s.aws/nlb');
    expect(s.spec.loadBalancerSourceRanges).toEqual(['203.0.113.0/24']);
  });

  test('dualstack UDP gets the IPv6 source-NAT prefix', () => {
    const a = build({ ipAddressType: NlbIpAddressType.DUALSTACK }).service().metadata.annotations;
    expect(a[`${K}aws-load-balancer-ip-address-type`]).toBe('dualstack');
    expect(a[`${K}aws-load-balancer-enable-prefix-for-ipv6-source-nat`]).toBe('on');
  });

  test('TCP_UDP ports: one Service entry per protocol, same targetPort and nodePort, the TCP_UDP listener opt-in', () => {
    const { service, nlb, messages } = build({
      provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
      ports: [{ name: 'dns', port: 53, targetPort: 1053, nodePort: 30053, protocol: NlbProtocol.TCP_UDP }],
    });
    const s = service();
    expect(s.spec.ports).toEqual([
      { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 1053, nodePort: 30053 },
      { name: 'dns-udp', port: 53, protocol: 'UDP', targetPort: 1053, nodePort: 30053 },
    ]);
    expect(s.metadata.annotations[`${K}aws-load-balancer-enable-tcp-udp-listener`]).toBe('true');
    // TCP answers on the traffic port: no sidecar, the controller's default check; the pods' own readiness is up to
    // the user (UDP204 says so)
    expect(nlb.healthSidecar).toBeUndefined();
    expect(messages().map((m) => m.slice(0, 8))).toEqual(['[UDP204]']);
  });

  test('a health check of your own replaces the sidecar; durations are seconds', () => {
    const { service, nlb } = build({
      healthCheck: {
        protocol: HealthCheckProtocol.HTTP,
        port: 8080,
        path: '/ready',
        interval: Duration.seconds(10),
        timeout: Duration.seconds(5),
        healthyThreshold: 3,
        unhealthyThreshold: 3,
        successCodes: '200',
      },
    });
    expect(nlb.healthSidecar).toBeUndefined();
    const a = service().metadata.annotations;
    expect(Object.fromEntries(Object.entries(a).filter(([k]) => k.includes('healthcheck')))).toEqual({
      [`${K}aws-load-balancer-healthcheck-protocol`]: 'http',
      [`${K}aws-load-balancer-healthcheck-port`]: '8080',
      [`${K}aws-load-balancer-healthcheck-path`]: '/ready',
      [`${K}aws-load-balancer-healthcheck-interval`]: '10',
      [`${K}aws-load-balancer-healthcheck-timeout`]: '5',
      [`${K}aws-load-balancer-healthcheck-healthy-threshold`]: '3',
      [`${K}aws-load-balancer-healthcheck-unhealthy-threshold`]: '3',
      [`${K}aws-load-balancer-healthcheck-success-codes`]: '200',
    });
  });

  test('the in-tree provider gets only what it reads', () => {
    const { service, messages } = build({ provider: LoadBalancerProvider.awsInTree(), crossZone: true, subnets: SUBNETS.slice(0, 2) });
    expect(service().metadata.annotations).toEqual({
      [`${K}aws-load-balancer-type`]: 'nlb',
      [`${K}aws-load-balancer-internal`]: 'true',
      [`${K}aws-load-balancer-subnets`]: SUBNETS.slice(0, 2).join(','),
      [`${K}aws-load-balancer-cross-zone-load-balancing-enabled`]: 'true',
      [`${K}aws-load-balancer-healthcheck-protocol`]: 'http',
      [`${K}aws-load-balancer-healthcheck-path`]: '/healthz',
    });
    expect(messages().filter((m) => !m.startsWith('[UDP204]'))).toEqual([]);
  });

  test('user annotations win over computed ones; sidecar props pass through', () => {
    const { service, nlb } = build({
      metadata: { name: 'svc', annotations: { [`${K}aws-load-balancer-healthcheck-interval`]: '10' } },
      healthSidecar: { httpPort: 9000, probes: [UdpProbe.exchange(1234, { payload: 'ping', expect: 'pong' })] },
    });
    expect(service().metadata.annotations[`${K}aws-load-balancer-healthcheck-interval`]).toBe('10');
    expect(service().metadata.annotations[`${K}aws-load-balancer-healthcheck-port`]).toBe('9000');
    expect(nlb.healthSidecar?.httpPort).toBe(9000);
  });
});

describe('NlbUdpLoadBalancer bad input', () => {
  const M = (props: Partial<NlbUdpLoadBalancerProps>, selector?: 'labels') => build(props, selector).messages();
  const S2 = SUBNETS.slice(0, 2);
  const E2 = EIPS.slice(0, 2);
  const LBC = Sources.LBC_ANNOTATIONS;
  const CDK = 'https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/aws-elasticloadbalancingv2/lib/nlb/network-target-group.ts';

  test('EIPs with an internal scheme', () => {
    expect(M({ subnets: S2, eips: E2 })).toEqual([
      `[UDP521] test/nlb: eips ${JSON.stringify(E2)}: cannot be used with scheme 'internal' (the default) (scheme: 'internet-facing'; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html)`,
    ]);
  });

  test('EIP count not equal to the subnet count', () => {
    expect(M({ scheme: LoadBalancerScheme.INTERNET_FACING, subnets: S2, eips: [E2[0]] })).toEqual([
      `[UDP522] test/nlb: eips ["${E2[0]}"]: has 1 allocation id for 2 subnets (exactly one Elastic IP per subnet (2), paired by position; ${LBC})`,
    ]);
  });

  test('EIPs without subnets', () => {
    expect(M({ scheme: LoadBalancerScheme.INTERNET_FACING, eips: E2 })).toEqual([
      `[UDP522] test/nlb: eips ${JSON.stringify(E2)}: need subnets: one Elastic IP per subnet, paired by position (subnets with as many subnets as Elastic IPs; ${LBC})`,
    ]);
  });

  test('an allocation id not of the form eipalloc-...', () => {
    expect(M({ scheme: LoadBalancerScheme.INTERNET_FACING, subnets: S2, eips: [E2[0], 'eip-123'] })).toEqual([
      '[UDP523] test/nlb: eips[1] "eip-123": is not an Elastic IP allocation id (eipalloc- followed by 8 or 17 hexadecimal digits; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_SubnetMapping.html)',
    ]);
  });

  test.each(['UDP', 'TCP_UDP'])('health-check protocol %s', (protocol) => {
    expect(M({ healthCheck: { protocol: protocol as HealthCheckProtocol } })).toEqual([
      `[UDP501] test/nlb: healthCheck.protocol "${protocol}": is not possible: AWS cannot health-check over UDP (TCP, HTTP or HTTPS; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html) Fix: check a TCP or HTTP health port (a health sidecar, or healthCheckNodePort with Local)`,
    ]);
  });

  test('interval, timeout and thresholds out of range', () => {
    const healthCheck = { interval: Duration.seconds(3), timeout: Duration.seconds(200), healthyThreshold: 1, unhealthyThreshold: 11 };
    expect(M({ healthCheck })).toEqual([
      `[UDP504] test/nlb: healthCheck.interval 3: must be a whole number of seconds between 5 and 300 (5..300 seconds; ${CDK})`,
      `[UDP505] test/nlb: healthCheck.timeout 200: must be a whole number of seconds between 2 and 120 (2..120 seconds; ${CDK})`,
      `[UDP506] test/nlb: healthCheck.healthyThreshold 1: must be a whole number between 2 and 10 (2..10; ${CDK})`,
      `[UDP506] test/nlb: healthCheck.unhealthyThreshold 11: must be a whole number between 2 and 10 (2..10; ${CDK})`,
    ]);
  });

  test('a timeout above the interval; an interval alone below the controller\'s default timeout (10 s)', () => {
    const src = 'https://github.com/aws/aws-cdk/issues/16446';
    expect(M({ healthCheck: { interval: Duration.seconds(20), timeout: Duration.seconds(21) } })).toEqual([
      `[UDP507] test/nlb: healthCheck.interval 20: must be at least the timeout, 21 seconds (an interval of at least 21 seconds, or a timeout of at most 20; ${src})`,
    ]);
    // the controller sends timeout 10 when none is given (AWS's HTTP default, 6, never applies): the linter agrees
    const { nlb, messages } = build({ healthCheck: { interval: Duration.seconds(8) } });
    expect(messages()).toEqual([
      `[UDP507] test/nlb: healthCheck.interval 8: must be at least the timeout, 10 seconds (the controller's default timeout) (an interval of at least 10 seconds, or a timeout of at most 8; ${src})`,
    ]);
    expect(checkObjects([nlb.service.apiObject.toJson()], AWS_NLB_RULES).map((f) => f.ruleId)).toEqual(['UDP563']);
    expect(M({ healthCheck: { timeout: Duration.seconds(12) } })).toEqual([
      `[UDP507] test/nlb: healthCheck.timeout 12: must be at most the interval, 10 seconds (the controller's default interval) (a timeout of at most 10 seconds, or an interval of at least 12; ${src})`,
    ]);
    // equal is accepted, given or defaulted
    expect(M({ healthCheck: { interval: Duration.seconds(10) } })).toEqual([]);
    expect(M({ healthCheck: { interval: Duration.seconds(15), timeout: Duration.seconds(15) } })).toEqual([]);
  });

  test('a path on a TCP check', () => {
    expect(M({ healthCheck: { protocol: HealthCheckProtocol.TCP, port: 8080, path: '/healthz' } }).filter((m) => !m.startsWith('[UDP204]'))).toEqual([
      `[UDP503] test/nlb: healthCheck.path "/healthz": is not supported by TCP health checks (a path only with protocol HTTP or HTTPS; ${CDK})`,
    ]);
  });

  test('preserve_client_ip.enabled=false on UDP', () => {
    expect(M({ targetGroupAttributes: { preserveClientIp: false } })).toEqual([
      '[UDP551] test/nlb: targetGroupAttributes.preserveClientIp false: cannot be disabled for UDP target groups (true, or leave it unset; https://docs.aws.amazon.com/elasticloadbalancing/latest/network/edit-target-group-attributes.html#client-ip-preservation)',
    ]);
  });

  test('dualstack UDP without the source-NAT prefix', () => {
    expect(M({ ipAddressType: NlbIpAddressType.DUALSTACK, ipv6SourceNatPrefix: false })).toEqual([
      `[UDP568] test/nlb/Service: metadata.annotations["${K}aws-load-balancer-enable-prefix-for-ipv6-source-nat"] "off": must be "on" for UDP ports on a dualstack NLB: AWS refuses a UDP listener without an IPv6 source-NAT prefix (on (controller 2.10 or later); ${LBC})`,
    ]);
  });

  test('the in-tree controller with TCP+UDP in one Service', () => {
    expect(M({ provider: LoadBalancerProvider.awsInTree(), ports: [{ port: 53, protocol: NlbProtocol.TCP_UDP }] }).filter((m) => !m.startsWith('[UDP204]'))).toEqual([
      `[UDP570] test/nlb: ports[0].protocol "TCP_UDP": cannot be one TCP_UDP listener: the in-tree AWS cloud provider never supports mixed protocols ("mixed protocol is not supported for LoadBalancer") (the AWS Load Balancer Controller 2.13 or later on Kubernetes 1.24 or later, or separate UDP and TCP endpoints (DualProtocolEndpoint); ${Sources.LBC_ANNOTATIONS}) Fix: the in-tree provider never builds TCP_UDP listeners: provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' })`,
    ]);
  });

  test('the in-tree controller with ip targets, and with settings it does not read', () => {
    expect(M({ provider: LoadBalancerProvider.awsInTree(), targetType: NlbTargetType.IP, deletionProtection: true })).toEqual([
      `[UDP571] test/nlb: targetType "ip": is not supported by the in-tree AWS provider, which registers instances only (NlbTargetType.INSTANCE, or LoadBalancerProvider.awsLoadBalancerController(); ${Sources.AWS_IN_TREE})`,
      `[UDP572] test/nlb: deletionProtection true: is not read by the in-tree AWS provider and would be silently lost (LoadBalancerProvider.awsLoadBalancerController(), or leave it unset; ${Sources.AWS_IN_TREE})`,
    ]);
  });

  test('a TCP_UDP pair on a controller older than 2.13', () => {
    const props = { provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.12' }), ports: [{ port: 53, protocol: NlbProtocol.TCP_UDP }] };
    expect(M(props).filter((m) => !m.startsWith('[UDP204]'))).toEqual([
      `[UDP570] test/nlb: ports[0].protocol "TCP_UDP": cannot be one TCP_UDP listener: the AWS Load Balancer Controller 2.12 has no TCP_UDP listener (it needs 2.13 or later) (the AWS Load Balancer Controller 2.13 or later on Kubernetes 1.24 or later, or separate UDP and TCP endpoints (DualProtocolEndpoint); ${Sources.LBC_ANNOTATIONS}) Fix: controller 2.12 builds no TCP_UDP listener: upgrade it to 2.13 or later and say so with provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' })`,
    ]);
  });

  test('a selector that is not a cdk8s-plus pod controller when the sidecar is needed', () => {
    expect(M({}, 'labels')).toEqual([
      `[UDP573] test/nlb: selector {"app":"game"}: is not a cdk8s-plus pod controller, so the health-check sidecar cannot join the pods the NLB checks (a cdk8s-plus Deployment, StatefulSet, DaemonSet or Pod; or healthCheck.port of your own, or healthSidecar: false with a health port; ${Sources.UDP_HEALTH_CHECK})`,
      // and the Service itself, without the sidecar, would be checked on its UDP-only traffic port
      `[UDP564] test/nlb/Service: metadata.annotations["${K}aws-load-balancer-healthcheck-port"] (unset): makes the NLB check TCP on the traffic port of UDP-only port 1234 (ip targets: target port 1234 of the pods), which never answers TCP: every target stays unhealthy (the port of a TCP or HTTP health endpoint in the pod; ${Sources.UDP_HEALTH_CHECK}) Fix: point metadata.annotations["${K}aws-load-balancer-healthcheck-port"] (with metadata.annotations["${K}aws-load-balancer-healthcheck-protocol"]: http) at a TCP or HTTP health endpoint in the pod, such as the UDP health-check sidecar (UdpHealthCheck)`,
    ]);
  });

  test('a named targetPort the sidecar cannot resolve', () => {
    expect(M({ ports: [{ port: 1234, targetPort: 'game' }] }).filter((m) => m.startsWith('[UDP574]'))).toEqual([
      `[UDP574] test/nlb: ports[0].targetPort "game": names no container port of the workload, so the sidecar cannot probe it (a port number, a name a container declares, or healthSidecar.probes of your own; ${Sources.UDP_HEALTH_CHECK})`,
    ]);
  });

  describe('enum props given as something else (untyped input) are findings, never silently defaulted', () => {
    const LISTENERS = Sources.NLB_LISTENERS;
    const REGISTER = Sources.REGISTER_TARGETS;
    const props = (extra: Record<string, unknown>) => extra as Partial<NlbUdpLoadBalancerProps>;

    test.each(['ipv6', 'DUALSTACK', 'IPV4'])('ipAddressType %p', (value) => {
      expect(M(props({ ipAddressType: value }))).toEqual([
        `[UDP526] test/nlb: ipAddressType "${value}": is not an IP address type of a Network Load Balancer (ipv4 or dualstack; ${LBC})`,
      ]);
    });

    test.each(['IP', 'pod'])('targetType %p', (value) => {
      expect(M(props({ targetType: value })).filter((m) => !m.startsWith('[UDP204]'))).toEqual([
        `[UDP540] test/nlb: targetType "${value}": is not a target type (instance or ip; ${REGISTER})`,
      ]);
    });

    test('a port protocol TCP: TCP_UDP is the way to serve TCP too', () => {
      expect(M(props({ ports: [{ port: 1234 }, { port: 53, protocol: 'TCP' }] })).filter((m) => m.startsWith('[UDP575]'))).toEqual([
        `[UDP575] test/nlb: ports[1].protocol "TCP": is not a protocol of an NlbUdpLoadBalancer port, and would be taken for UDP (UDP, or TCP_UDP for TCP and UDP on the same port; QUIC, or TCP_QUIC (NlbProtocol); ${LISTENERS}) Fix: TCP_UDP serves TCP and UDP on this port; a TCP-only port belongs on a TCP Service of its own`,
      ]);
    });

    test.each([['udp', '"udp"'], ['tcp_udp', '"tcp_udp"'], [17, '17'], [null, 'null']])('a port protocol %p', (value, shown) => {
      expect(M(props({ ports: [{ port: 1234, protocol: value }] })).filter((m) => m.startsWith('[UDP575]'))).toEqual([
        `[UDP575] test/nlb: ports[0].protocol ${shown}: is not a protocol of an NlbUdpLoadBalancer port, and would be taken for UDP (UDP, or TCP_UDP for TCP and UDP on the same port; QUIC, or TCP_QUIC (NlbProtocol); ${LISTENERS})`,
      ]);
    });

    test('the enum values themselves, and the string values they stand for, pass', () => {
      expect(M({ ipAddressType: 'dualstack' as NlbIpAddressType, targetType: 'ip' as NlbTargetType, ports: [{ port: 1234, protocol: 'UDP' as NlbProtocol }] })).toEqual([]);
      expect(M({ ipAddressType: NlbIpAddressType.IPV4, targetType: NlbTargetType.IP, ports: [{ port: 53, protocol: NlbProtocol.TCP_UDP }] })
        .filter((m) => /UDP5(26|40|75)/.test(m))).toEqual([]);
    });
  });

  describe('switches given as something else (untyped input) are findings, and emit nothing', () => {
    const ATTRIBUTES = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html';
    const props = (extra: Record<string, unknown>) => extra as Partial<NlbUdpLoadBalancerProps>;

    test('deletionProtection "false" (truthy) does not turn deletion protection on', () => {
      const { nlb, messages } = build(props({ deletionProtection: 'false' }));
      expect(messages()).toEqual([
        `[UDP527] test/nlb: deletionProtection "false": must be true or false (true or false; ${ATTRIBUTES}) Fix: give the boolean false, not a string`,
      ]);
      expect(nlb.annotations[`${K}aws-load-balancer-attributes`]).toBe('load_balancing.cross_zone.enabled=true');
      // (synthesis fails: the Service as it would be emitted)
      expect(nlb.service.apiObject.toJson().metadata.annotations[`${K}aws-load-balancer-attributes`]).toBe('load_balancing.cross_zone.enabled=true');
    });

    test.each([['false', '"false"', ' Fix: give the boolean false, not a string'], [0, '0', ''], [null, 'null', '']])('crossZone %p emits no cross-zone setting', (value, shown, fix) => {
      const { nlb, messages } = build(props({ crossZone: value }));
      expect(messages().filter((m) => m.startsWith('[UDP527]'))).toEqual([
        `[UDP527] test/nlb: crossZone ${shown}: must be true or false (true or false; ${ATTRIBUTES})${fix}`,
      ]);
      expect(nlb.annotations[`${K}aws-load-balancer-attributes`]).toBeUndefined();
      const inTree = build(props({ crossZone: value, provider: LoadBalancerProvider.awsInTree() }));
      expect(inTree.messages().filter((m) => m.startsWith('[UDP527]'))).toEqual([
        `[UDP527] test/nlb: crossZone ${shown}: must be true or false (true or false; ${ATTRIBUTES})${fix}`,
      ]);
      expect(inTree.nlb.annotations[`${K}aws-load-balancer-cross-zone-load-balancing-enabled`]).toBeUndefined();
    });

    test('ipv6SourceNatPrefix "off" emits no source-NAT prefix (and the Service is then refused for its UDP port)', () => {
      const { nlb, messages } = build(props({ ipAddressType: NlbIpAddressType.DUALSTACK, ipv6SourceNatPrefix: 'off' }));
      expect(messages()).toEqual([
        `[UDP527] test/nlb: ipv6SourceNatPrefix "off": must be true or false (true or false; ${ATTRIBUTES}) Fix: give the boolean false, not a string`,
        `[UDP568] test/nlb/Service: metadata.annotations["${K}aws-load-balancer-enable-prefix-for-ipv6-source-nat"] (unset): must be "on" for UDP ports on a dualstack NLB: AWS refuses a UDP listener without an IPv6 source-NAT prefix (on (controller 2.10 or later); ${LBC})`,
      ]);
      expect(nlb.annotations[`${K}aws-load-balancer-enable-prefix-for-ipv6-source-nat`]).toBeUndefined();
    });

    test('the booleans themselves pass', () => {
      expect(M({ crossZone: true, deletionProtection: false, ipAddressType: NlbIpAddressType.DUALSTACK, ipv6SourceNatPrefix: true })).toEqual([]);
    });
  });

  describe('a provider that builds no NLB (another provider, untyped input) is a finding, and the construct is still built', () => {
    const IDS = 'LoadBalancerProvider.awsLoadBalancerController() or LoadBalancerProvider.awsInTree()';
    const SRC = Sources.LBC_ANNOTATIONS;
    const props = (extra: Record<string, unknown>) => extra as Partial<NlbUdpLoadBalancerProps>;

    test.each([
      ['aws-in-tree', '"aws-in-tree"', ' Fix: give LoadBalancerProvider.awsInTree(), not its id'],
      ['aws-load-balancer-controller', '"aws-load-balancer-controller"', ' Fix: give LoadBalancerProvider.awsLoadBalancerController(), not its id'],
      ['nlb', '"nlb"', ''],
      [42, '42', ''],
      [null, 'null', ''],
    ])('provider %p', (value, shown, fix) => {
      expect(M(props({ provider: value }))).toEqual([
        `[UDP576] test/nlb: provider ${shown}: is not a provider that builds an AWS Network Load Balancer (${IDS}; ${SRC})${fix}`,
      ]);
    });

    test('a provider that builds no NLB (GKE) is named, with the constructs that take it', () => {
      expect(M(props({ provider: LoadBalancerProvider.gke() }))).toEqual([
        `[UDP576] test/nlb: provider "gke": is not a provider that builds an AWS Network Load Balancer (${IDS}; ${SRC}) Fix: GKE (target-pool load balancer) builds no AWS Network Load Balancer: use UdpService or DualProtocolEndpoint with it`,
      ]);
    });

    test('a scheme or target type given on the provider applies; given on both, differently, it is a finding', () => {
      const provider = LoadBalancerProvider.awsLoadBalancerController({ version: '2.13', scheme: LoadBalancerScheme.INTERNET_FACING, targetType: NlbTargetType.INSTANCE });
      const { service } = build({ provider });
      expect(service().metadata.annotations).toMatchObject({
        'service.beta.kubernetes.io/aws-load-balancer-scheme': 'internet-facing',
        'service.beta.kubernetes.io/aws-load-balancer-nlb-target-type': 'instance',
      });
      const internetFacing = LoadBalancerProvider.awsLoadBalancerController({ scheme: LoadBalancerScheme.INTERNET_FACING });
      expect(M(props({ provider: internetFacing, scheme: LoadBalancerScheme.INTERNAL }))).toEqual([
        `[UDP576] test/nlb: scheme "internal": contradicts provider.scheme, internet-facing (one scheme, given once: on the load balancer or in the provider's options; ${SRC})`,
      ]);
    });

    test('every error of the props is reported together', () => {
      expect(M(props({ provider: 'in-tree', ports: [null], deletionProtection: 'false' }))).toEqual([
        `[UDP576] test/nlb: provider "in-tree": is not a provider that builds an AWS Network Load Balancer (${IDS}; ${SRC}) Fix: give LoadBalancerProvider.awsInTree(), not its id`,
        '[UDP527] test/nlb: deletionProtection "false": must be true or false (true or false; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_LoadBalancerAttribute.html) Fix: give the boolean false, not a string',
        `[UDP531] test/nlb: ports[0] null: is not a port (an object with a port number 1..65535, such as { port: 7777 }; ${Sources.NLB_LISTENERS})`,
      ]);
    });
  });

  describe('ports that are missing, not a list or not ports (untyped input) are findings, never a TypeError', () => {
    const LISTENERS = Sources.NLB_LISTENERS;
    const props = (extra: Record<string, unknown>) => extra as Partial<NlbUdpLoadBalancerProps>;
    const AT_LEAST_ONE = `must list at least one port (a list such as [{ port: 7777 }], or ports added with addPort(); ${LISTENERS})`;
    const A_LIST = `must be a list of ports (a list such as [{ port: 7777 }], each port UDP or TCP_UDP; ${LISTENERS})`;

    test.each([
      [undefined, `ports (unset): ${AT_LEAST_ONE}`],
      [[], `ports []: ${AT_LEAST_ONE}`],
      ['7777', `ports "7777": ${A_LIST}`],
      [{ port: 1234 }, `ports {"port":1234}: ${A_LIST}`],
      [null, `ports null: ${A_LIST}`],
    ])('ports %p', (value, message) => {
      // one finding naming the prop (the Service's own "at least one port", UDP117, is left to it)
      expect(M(props({ ports: value }))).toEqual([`[UDP530] test/nlb: ${message}`]);
    });

    test('entries that are not ports', () => {
      expect(M(props({ ports: [{ port: 1234 }, null, 7777, [53]] }))).toEqual([1, 2, 3].map((i) =>
        `[UDP531] test/nlb: ports[${i}] ${JSON.stringify([null, 7777, [53]][i - 1])}: is not a port (an object with a port number 1..65535, such as { port: 7777 }; ${LISTENERS})`));
    });

    test('no ports in the props, ports added with addPort(): no finding', () => {
      const OWN_CHECK = { healthSidecar: false, healthCheck: { protocol: HealthCheckProtocol.HTTP, port: 8080 } };
      const { nlb, messages, service } = build(props({ ports: undefined, ...OWN_CHECK }));
      nlb.addPort({ port: 1234 });
      // (no sidecar, and the workload declares no readinessProbe of its own: UDP204)
      expect(messages().filter((m) => !m.startsWith('[UDP204]'))).toEqual([]);
      expect(service().spec.ports).toEqual([{ port: 1234, protocol: 'UDP', targetPort: 1234 }]);
    });
  });

  describe('ports added with addPort() after construction are checked as the props\' ports are', () => {
    test('a TCP port (UDP575)', () => {
      const { nlb, messages } = build();
      nlb.addPort({ port: 53, protocol: 'TCP' as NlbProtocol });
      expect(messages().filter((m) => m.startsWith('[UDP575]'))).toEqual([
        `[UDP575] test/nlb: ports[1].protocol "TCP": is not a protocol of an NlbUdpLoadBalancer port, and would be taken for UDP (UDP, or TCP_UDP for TCP and UDP on the same port; QUIC, or TCP_QUIC (NlbProtocol); ${Sources.NLB_LISTENERS}) Fix: TCP_UDP serves TCP and UDP on this port; a TCP-only port belongs on a TCP Service of its own`,
      ]);
    });

    test('a TCP_UDP port where no TCP_UDP listener can be built (UDP570)', () => {
      const { nlb, messages } = build({ provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.12' }) });
      nlb.addPort({ name: 'dns', port: 53, protocol: NlbProtocol.TCP_UDP });
      expect(messages().filter((m) => m.startsWith('[UDP570]'))).toEqual([
        `[UDP570] test/nlb: ports[1].protocol "TCP_UDP": cannot be one TCP_UDP listener: the AWS Load Balancer Controller 2.12 has no TCP_UDP listener (it needs 2.13 or later) (the AWS Load Balancer Controller 2.13 or later on Kubernetes 1.24 or later, or separate UDP and TCP endpoints (DualProtocolEndpoint); ${Sources.LBC_ANNOTATIONS}) Fix: controller 2.12 builds no TCP_UDP listener: upgrade it to 2.13 or later and say so with provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' })`,
      ]);
    });

    test('a TCP_UDP port gets the TCP_UDP listener opt-in, a UDP port on dualstack the source-NAT prefix, as in the props', () => {
      const opt = `${K}aws-load-balancer-enable-tcp-udp-listener`;
      const prefix = `${K}aws-load-balancer-enable-prefix-for-ipv6-source-nat`;
      const { nlb, service, messages } = build({
        provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
        ipAddressType: NlbIpAddressType.DUALSTACK,
        ports: [],
        healthSidecar: false,
        healthCheck: { protocol: HealthCheckProtocol.HTTP, port: 8080 },
      });
      expect(nlb.annotations[opt]).toBeUndefined();
      expect(nlb.annotations[prefix]).toBeUndefined();
      nlb.addPort({ name: 'dns', port: 53, protocol: NlbProtocol.TCP_UDP });
      expect(nlb.annotations[opt]).toBe('true');
      expect(nlb.annotations[prefix]).toBe('on');
      expect(service().metadata.annotations[opt]).toBe('true');
      expect(service().metadata.annotations[prefix]).toBe('on');
      expect(messages().filter((m) => /UDP(303|530|568|570)/.test(m))).toEqual([]);
      // the user's own annotation still wins
      const own = build({
        provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }),
        ports: [],
        metadata: { name: 'svc', annotations: { [opt]: 'false' } },
      });
      own.nlb.addPort({ port: 53, protocol: NlbProtocol.TCP_UDP });
      expect(own.nlb.annotations[opt]).toBe('true');
      expect(own.nlb.service.apiObject.toJson().metadata.annotations[opt]).toBe('false');
    });
  });

  test('Local with cross-zone off is a warning naming the silent-AZ risk, and never fails synthesis', () => {
    const { c, messages } = build({ crossZone: false, externalTrafficPolicy: TrafficPolicy.LOCAL });
    expect(messages()).toEqual([
      `[UDP565] test/nlb/Service: metadata.annotations["${K}aws-load-balancer-attributes"] "load_balancing.cross_zone.enabled=false": leaves cross-zone load balancing off with externalTrafficPolicy Local: an Availability Zone with no ready pod silently drops the datagrams sent to its NLB address (load_balancing.cross_zone.enabled=true; ${Sources.CROSS_ZONE})`,
    ]);
    expect(UdpRules.findings(c).map((f) => f.severity)).toEqual(['warning']);
    expect(() => objectsOf(c, 'Service')).not.toThrow();
  });
});

test('dns.hostname and dns.ttl are published for ExternalDNS, the TTL 300 s unless given, as on the Pulumi side', () => {
  const { service } = build({ dns: { hostname: 'game.example.com.', ttl: Duration.minutes(2) } });
  const a = service().metadata.annotations;
  expect(a['external-dns.kubernetes.io/hostname']).toBe('game.example.com');
  expect(a['external-dns.kubernetes.io/ttl']).toBe('120');
  expect(a['external-dns.alpha.kubernetes.io/hostname']).toBe('game.example.com');
  const defaulted = build({ dns: { hostname: 'game.example.com' } }).service().metadata.annotations;
  expect(defaulted['external-dns.kubernetes.io/ttl']).toBe('300');
});

test('a TCP health check with the sidecar checks its TCP port, which accepts connections only while healthy', () => {
  const { service, nlb } = build({ healthCheck: { protocol: HealthCheckProtocol.TCP } });
  expect(nlb.healthSidecar?.tcpPort).toBe(10081);
  expect(Object.fromEntries(Object.entries(service().metadata.annotations).filter(([k]) => k.includes('healthcheck')))).toEqual({
    [`${K}aws-load-balancer-healthcheck-protocol`]: 'tcp',
    [`${K}aws-load-balancer-healthcheck-port`]: '10081',
  });
});

test('HTTP settings without a protocol apply to the default HTTP check of the sidecar', () => {
  const { service, messages } = build({ healthCheck: { path: '/ready', successCodes: '200' } });
  expect(service().metadata.annotations[`${K}aws-load-balancer-healthcheck-path`]).toBe('/ready');
  expect(messages()).toEqual([]);
});

test('two NLBs in front of one workload share its sidecar', () => {
  const c = chart();
  const app = new kplus.Deployment(c, 'app', { containers: [{ image: 'game:1', portNumber: 1234 }] });
  const a = new NlbUdpLoadBalancer(c, 'internal', { selector: app, ports: [{ port: 1234 }] });
  const b = new NlbUdpLoadBalancer(c, 'public', { selector: app, ports: [{ port: 1234 }], scheme: LoadBalancerScheme.INTERNET_FACING });
  expect(b.healthSidecar).toBe(a.healthSidecar);
  expect(only(c, 'Deployment').spec.template.spec.containers.map((x: any) => x.name)).toEqual(['main', 'udp-health']);
});

describe('dns: the hostname and SRV records, as on the Pulumi side', () => {
  const provider = LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' });

  test('each srv entry is a DNSEndpoint pointing at the hostname, its port the one NLB port that carries its protocol', () => {
    const { c, nlb } = build({
      provider,
      ports: [{ name: 'kerberos', port: 88, protocol: NlbProtocol.TCP_UDP }],
      dns: {
        hostname: 'kdc.example.com',
        ttl: Duration.minutes(1),
        srv: [
          { service: 'kerberos', protocol: SrvProtocol.UDP, domain: 'example.com' },
          { service: '_kerberos', protocol: SrvProtocol.TCP, domain: 'example.com', priority: 0, weight: 5 },
        ],
      },
    });
    expect(objectsOf(c, 'DNSEndpoint').map((o) => o.spec.endpoints)).toEqual([
      [{ dnsName: '_kerberos._udp.example.com', recordType: 'SRV', recordTTL: 60, targets: ['10 100 88 kdc.example.com.'] }],
      [{ dnsName: '_kerberos._tcp.example.com', recordType: 'SRV', recordTTL: 60, targets: ['0 5 88 kdc.example.com.'] }],
    ]);
    expect(nlb.srvRecords.map((r) => r.recordName)).toEqual(['_kerberos._udp.example.com', '_kerberos._tcp.example.com']);
    expect(only(c, 'Service').metadata.annotations['external-dns.kubernetes.io/ttl']).toBe('60');
  });

  test('an SRV port that cannot be inferred, a wildcard target and a TTL that is no Duration are findings with the shared messages', () => {
    const { messages } = build({
      provider,
      dns: {
        hostname: '*.example.com',
        ttl: 60 as unknown as Duration,
        srv: [{ service: 'game', protocol: SrvProtocol.TCP }, { service: 'game', protocol: SrvProtocol.UDP, domain: 'example.com' }],
      },
    });
    expect(messages()).toEqual([
      '[UDP402] test/nlb: dns.ttl 60: is not a Duration (a Duration of whole seconds 1..2147483647, for example Duration.seconds(60); https://github.com/kubernetes-sigs/external-dns/blob/master/docs/annotations/annotations.md)',
      '[UDP405] test/nlb: dns.srv[0].port (unset): is needed: no port carries tcp (0..65535, the port clients of this service connect to; https://github.com/kubernetes-sigs/external-dns/blob/master/endpoint/endpoint.go)',
      '[UDP401] test/nlb: dns.srv[1].host "*.example.com": is a wildcard, which no SRV record can point at (the name of one host, such as dns.example.com; https://www.rfc-editor.org/rfc/rfc1035#section-2.3.4)',
    ]);
  });
});

test('an internet-facing NLB without Elastic IPs gets a note (UDP579), not a warning, and synthesizes; the Pulumi side says the same', () => {
  const { c } = build({ scheme: LoadBalancerScheme.INTERNET_FACING });
  const notes = UdpRules.findings(c).filter((f) => f.ruleId === 'UDP579');
  expect(notes.map((f) => [f.severity, f.field, f.message])).toEqual([
    ['info', 'eips', 'gives the internet-facing load balancer no Elastic IPs: AWS assigns its addresses, and a replacement gets new ones'],
  ]);
  expect(() => c.toJson()).not.toThrow();
  const plan = planNlb('nlb', { vpcId: 'vpc-0123456789abcdef0', subnets: ['subnet-0a1b2c3d4e5f60001'], ports: [{ port: 1234 }], scheme: 'internet-facing' });
  expect(plan.warnings.filter((f) => f.ruleId === 'UDP579').map((f) => [f.severity, f.field, f.message])).toEqual(notes.map((f) => [f.severity, f.field, f.message]));
});

test('dns.externalDnsVersion: targets without the dot for ExternalDNS 0.20; a version that is no release is UDP436, named as the NLB prop', () => {
  const provider = LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' });
  const srv = [{ service: 'kerberos', protocol: SrvProtocol.UDP, domain: 'example.com' }];
  const old = build({ provider, dns: { hostname: 'kdc.example.com', srv, externalDnsVersion: '0.20' } });
  expect(objectsOf(old.c, 'DNSEndpoint').map((o) => o.spec.endpoints[0].targets)).toEqual([['10 100 1234 kdc.example.com']]);
  const bad = build({ provider, dns: { hostname: 'kdc.example.com', srv, externalDnsVersion: 'latest' } });
  expect(bad.messages().filter((m) => m.includes('UDP436'))).toEqual([
    '[UDP436] test/nlb: dns.externalDnsVersion "latest": is not a release number (an ExternalDNS release such as "0.20" or "v0.22.0"; https://github.com/kubernetes-sigs/external-dns/pull/6383)',
  ]);
});
