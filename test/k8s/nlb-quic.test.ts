import * as kplus from 'cdk8s-plus-28';
import { chart, only } from './helpers';
import {
  checkObjects, LoadBalancerProvider, NlbIpAddressType, NlbProtocol, NlbTargetType, NlbUdpLoadBalancer, NlbUdpLoadBalancerProps, UdpRules,
} from '../../src';
import { Sources } from '../../src/core/sources';
import { AWS_NLB_RULES } from '../../src/rules/aws-nlb';

const K = 'service.beta.kubernetes.io/';
const V215 = LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' });

/** An HTTP/3 server: QUIC on UDP 8443, HTTP/2 on TCP 8443, a health endpoint on 8080. */
function build(props: Partial<NlbUdpLoadBalancerProps> = {}, selector?: 'labels') {
  const c = chart();
  const app = new kplus.Deployment(c, 'web', {
    replicas: 2,
    containers: [{
      name: 'envoy',
      image: 'envoyproxy/envoy:v1.34.1',
      ports: [{ number: 8443, protocol: kplus.Protocol.UDP, name: 'h3' }, { number: 8443, name: 'h2' }, { number: 8080, name: 'health' }],
      readiness: kplus.Probe.fromHttpGet('/ready', { port: 8080 }),
      securityContext: { ensureNonRoot: false },
    }],
  });
  const nlb = new NlbUdpLoadBalancer(c, 'nlb', {
    metadata: { name: 'web' },
    selector: selector === 'labels' ? { app: 'web' } : app,
    provider: V215,
    ports: [{ name: 'h3', port: 443, targetPort: 8443, protocol: NlbProtocol.QUIC }],
    ...props,
  });
  return { c, nlb, app, service: () => only(c, 'Service'), messages: () => UdpRules.messages(c), findings: () => UdpRules.findings(c) };
}

describe('QUIC ports', () => {
  test('a QUIC port: the QUIC-enabled ports annotation, no NLB security group, a UDP Service entry, the sidecar probing it', () => {
    const { c, service, messages } = build();
    expect(service().metadata.annotations).toEqual({
      [`${K}aws-load-balancer-type`]: 'external',
      [`${K}aws-load-balancer-nlb-target-type`]: 'ip',
      [`${K}aws-load-balancer-scheme`]: 'internal',
      [`${K}aws-load-balancer-attributes`]: 'load_balancing.cross_zone.enabled=true',
      [`${K}aws-load-balancer-quic-enabled-ports`]: '443',
      [`${K}aws-load-balancer-disable-nlb-sg`]: 'true',
      [`${K}aws-load-balancer-healthcheck-protocol`]: 'http',
      [`${K}aws-load-balancer-healthcheck-port`]: '10080',
      [`${K}aws-load-balancer-healthcheck-path`]: '/healthz',
    });
    expect(service().spec.ports).toEqual([{ name: 'h3', port: 443, protocol: 'UDP', targetPort: 8443 }]);
    const template = only(c, 'Deployment').spec.template;
    // the controller injects AWS_LBC_QUIC_SERVER_ID into the container that declares the QUIC port
    expect(template.metadata.annotations[`${K}aws-load-balancer-quic-enabled-containers`]).toBe('envoy');
    expect(template.spec.containers.map((x: { name: string }) => x.name)).toEqual(['envoy', 'udp-health']);
    expect(messages()).toEqual([]);
  });

  test('a TCP_QUIC port: TCP and UDP entries, the TCP_UDP listener opt-in and the QUIC-enabled ports annotation', () => {
    const { service, messages } = build({ ports: [{ name: 'https', port: 443, targetPort: 8443, protocol: NlbProtocol.TCP_QUIC }] });
    const a = service().metadata.annotations;
    expect([a[`${K}aws-load-balancer-enable-tcp-udp-listener`], a[`${K}aws-load-balancer-quic-enabled-ports`], a[`${K}aws-load-balancer-disable-nlb-sg`]])
      .toEqual(['true', '443', 'true']);
    expect(service().spec.ports).toEqual([
      { name: 'https-tcp', port: 443, protocol: 'TCP', targetPort: 8443 },
      { name: 'https-udp', port: 443, protocol: 'UDP', targetPort: 8443 },
    ]);
    expect(messages()).toEqual([]);
  });

  test('a QUIC port added with addPort() gets the annotations and the pod annotation', () => {
    const { nlb, c, service } = build({ ports: [] });
    nlb.addPort({ name: 'h3', port: 443, targetPort: 8443, protocol: NlbProtocol.QUIC });
    expect(service().metadata.annotations[`${K}aws-load-balancer-quic-enabled-ports`]).toBe('443');
    expect(service().metadata.annotations[`${K}aws-load-balancer-disable-nlb-sg`]).toBe('true');
    expect(only(c, 'Deployment').spec.template.metadata.annotations[`${K}aws-load-balancer-quic-enabled-containers`]).toBe('envoy');
  });

  test.each(['2.15', '2.17.1', '3.0', '3.5', 'v3.5.0'])('controller %s builds it: no finding', (version) => {
    expect(build({ provider: LoadBalancerProvider.awsLoadBalancerController({ version }) }).messages()).toEqual([]);
  });

  test('the Service passes the linter\'s QUIC rules', () => {
    const { c } = build();
    const objects = c.toJson();
    expect(checkObjects(objects, AWS_NLB_RULES).map((f) => f.ruleId)).toEqual([]);
  });
});

describe('security groups', () => {
  test('given: the controller\'s security-groups annotation (ids or names)', () => {
    const { service, messages } = build({ ports: [{ port: 53 }], securityGroups: ['sg-0123456789abcdef0', 'dns-clients'] });
    expect(service().metadata.annotations[`${K}aws-load-balancer-security-groups`]).toBe('sg-0123456789abcdef0,dns-clients');
    expect(service().metadata.annotations[`${K}aws-load-balancer-disable-nlb-sg`]).toBeUndefined();
    expect(messages()).toEqual([]);
  });

  test('[]: none, with the disable annotation; unset without QUIC: the controller\'s default, no annotation', () => {
    const none = build({ ports: [{ port: 53 }], securityGroups: [] }).service().metadata.annotations;
    expect([none[`${K}aws-load-balancer-disable-nlb-sg`], none[`${K}aws-load-balancer-security-groups`]]).toEqual(['true', undefined]);
    const unset = build({ ports: [{ port: 53 }] }).service().metadata.annotations;
    expect([unset[`${K}aws-load-balancer-disable-nlb-sg`], unset[`${K}aws-load-balancer-security-groups`]]).toEqual([undefined, undefined]);
  });

  test('[] on a controller older than 2.14 (UDP585); not a list, or entries that are no group (UDP586); the in-tree provider (UDP572)', () => {
    expect(build({ ports: [{ port: 53 }], securityGroups: [], provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.13' }) }).messages()).toEqual([
      `[UDP585] test/nlb: securityGroups []: cannot be honoured by the AWS Load Balancer Controller 2.13, which gives every NLB a security group: aws-load-balancer-disable-nlb-sg needs 2.14 or later (the AWS Load Balancer Controller 2.14 or later, or leave securityGroups unset; ${Sources.LBC_ANNOTATIONS}) Fix: upgrade the controller and say so with provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.14' })`,
    ]);
    expect(build({ ports: [{ port: 53 }], securityGroups: 'sg-0123456789abcdef0' as never }).messages()).toEqual([
      `[UDP586] test/nlb: securityGroups "sg-0123456789abcdef0": is not a list of security groups (a list such as ['sg-0123456789abcdef0'], or [] for none; ${Sources.NLB_SECURITY_GROUPS})`,
    ]);
    expect(build({ ports: [{ port: 53 }], securityGroups: ['sg-1', 'a,b', 'sg-0123456789abcdef0', 'sg-0123456789abcdef0'] }).messages()).toEqual([
      `[UDP586] test/nlb: securityGroups[1] "a,b": is not a security group id or name (sg- followed by 8 or 17 hexadecimal digits, or a security group's name; ${Sources.NLB_SECURITY_GROUPS})`,
      `[UDP586] test/nlb: securityGroups[3] "sg-0123456789abcdef0": is listed more than once (each security group once; ${Sources.NLB_SECURITY_GROUPS})`,
    ]);
    expect(build({
      ports: [{ port: 53 }], securityGroups: ['sg-0123456789abcdef0'], provider: LoadBalancerProvider.awsInTree(), targetType: NlbTargetType.INSTANCE,
    }).messages()).toEqual([
      `[UDP572] test/nlb: securityGroups ["sg-0123456789abcdef0"]: is not read by the in-tree AWS provider and would be silently lost (LoadBalancerProvider.awsLoadBalancerController(), or leave it unset; ${Sources.AWS_IN_TREE})`,
    ]);
  });
});

describe('QUIC bad input: each rule with its exact message', () => {
  const L = Sources.NLB_QUIC_LISTENERS;

  test('on a dualstack NLB (UDP580)', () => {
    expect(build({ ipAddressType: NlbIpAddressType.DUALSTACK }).messages()).toEqual([
      `[UDP580] test/nlb: ipAddressType "dualstack": cannot carry the QUIC port ports[0]: AWS refuses QUIC and TCP_QUIC listeners on a dualstack load balancer (NlbIpAddressType.IPV4 (the default), or the QUIC port on an ipv4 load balancer of its own; ${L})`,
    ]);
  });

  test('with security groups (UDP581)', () => {
    expect(build({ securityGroups: ['sg-0123456789abcdef0'] }).messages()).toEqual([
      `[UDP581] test/nlb: securityGroups ["sg-0123456789abcdef0"]: cannot be associated with a load balancer that has the QUIC port ports[0]: AWS refuses QUIC and TCP_QUIC listeners on a load balancer with security groups ([] or unset (no security groups), or the QUIC port on a load balancer of its own; ${L}) Fix: restrict clients with loadBalancerSourceRanges or the targets' security groups instead`,
    ]);
  });

  test('two QUIC ports, and a UDP port beside one (UDP582)', () => {
    expect(build({
      ports: [
        { name: 'h3', port: 443, targetPort: 8443, protocol: NlbProtocol.QUIC },
        { name: 'alt', port: 8443, protocol: NlbProtocol.QUIC },
        { name: 'dns', port: 53, targetPort: 8443 },
      ],
    }).messages()).toEqual([
      `[UDP582] test/nlb: ports[1] {"port":8443,"protocol":"QUIC"}: is a second QUIC listener beside ports[0]: a Network Load Balancer takes one QUIC or TCP_QUIC listener (one QUIC or TCP_QUIC port per load balancer; the others on load balancers of their own; ${L})`,
      `[UDP582] test/nlb: ports[2] {"port":53,"protocol":"UDP"}: is a UDP listener beside the QUIC listener ports[0]: AWS refuses QUIC and TCP_QUIC listeners on a load balancer with UDP or TCP_UDP listeners (the UDP port on a load balancer of its own, or TCP only beside QUIC; ${L})`,
    ]);
  });

  test('instance targets (UDP583)', () => {
    expect(build({ targetType: NlbTargetType.INSTANCE }).messages()).toEqual([
      `[UDP583] test/nlb: targetType "instance": cannot carry the QUIC port ports[0]: the AWS Load Balancer Controller registers QUIC targets only with the server ids it injects into pods, which needs ip targets (NlbTargetType.IP (the default); ${Sources.LBC_QUIC_REGISTRATION})`,
    ]);
  });

  test('a controller older than 2.15, one of unknown version, the in-tree provider (UDP585)', () => {
    const hint = "provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.15' })";
    expect(build({ provider: LoadBalancerProvider.awsLoadBalancerController({ version: '2.14' }) }).messages()).toEqual([
      `[UDP585] test/nlb: ports[0].protocol "QUIC": cannot be built by the AWS Load Balancer Controller 2.14: QUIC listeners need 2.15 or later (the AWS Load Balancer Controller 2.15 or later; ${Sources.LBC_ANNOTATIONS}) Fix: upgrade the controller and say so with ${hint}`,
    ]);
    expect(build({ provider: LoadBalancerProvider.awsLoadBalancerController() }).messages()).toEqual([
      `[UDP585] test/nlb: ports[0].protocol "QUIC": needs the AWS Load Balancer Controller 2.15 or later, and its version is not given (the AWS Load Balancer Controller 2.15 or later; ${Sources.LBC_ANNOTATIONS}) Fix: say which controller runs: ${hint} (or the version you run, 2.15 or later)`,
    ]);
    expect(build({ provider: LoadBalancerProvider.awsInTree(), targetType: NlbTargetType.INSTANCE }).messages()).toContain(
      `[UDP585] test/nlb: ports[0].protocol "QUIC": cannot be built by the in-tree AWS provider, which has no QUIC listener (the AWS Load Balancer Controller 2.15 or later; ${Sources.LBC_ANNOTATIONS}) Fix: ${hint}`,
    );
  });

  test('pods selected by labels, which the construct cannot annotate (UDP587, a warning)', () => {
    const { findings } = build({ healthSidecar: false, healthCheck: { port: 8080, protocol: 'HTTP', path: '/ready' } }, 'labels');
    expect(findings().map((f) => `${f.severity} ${f.ruleId} ${f.field}: ${f.message}`)).toEqual([
      `warning UDP587 selector: is not a cdk8s-plus workload, so its pod template cannot be annotated with ${K}aws-load-balancer-quic-enabled-containers: without it the controller injects no QUIC server id and registers none of the pods`,
    ]);
  });
});
