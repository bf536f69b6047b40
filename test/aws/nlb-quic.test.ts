import { MockResourceRecorder, RecordedResource } from '../../src/aws/mock-recorder';
import { Sources } from '../../src/core/sources';

// The mocks are set before the component is loaded (pulumi.runtime.setMocks, no CLI, no credentials).
const recorder = MockResourceRecorder.start({ project: 'test', stack: 'quic' });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require('../../src/pulumi') as typeof import('../../src/pulumi');
const { NlbUdpLoadBalancer, NlbUdpLoadBalancerError } = lib;
type Args = import('../../src/pulumi').NlbUdpLoadBalancerArgs;

const VPC = 'vpc-0123456789abcdef0';
const SUBNETS = ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'];
const BASE: Args = {
  vpcId: VPC,
  subnets: SUBNETS,
  ports: [{ port: 443, protocol: 'QUIC', targetPort: 8443 }],
  targets: { ipAddresses: ['10.0.1.15'] },
  healthCheck: { port: 8080 },
};

/** The resources whose parent is the component `name`, keyed by `type name`. */
function children(name: string): Map<string, RecordedResource> {
  return new Map(recorder.resources.filter((r) => r.options.parent === name).map((r) => [`${r.type} ${r.name}`, r]));
}

/** Constructs the component and returns the error's lines after the header; fails when nothing is thrown. */
function errorsOf(name: string, overrides: Record<string, unknown>): string[] {
  const before = recorder.count;
  let thrown: unknown;
  try {
    new NlbUdpLoadBalancer(name, { ...BASE, ...overrides } as Args);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(NlbUdpLoadBalancerError);
  expect(recorder.count).toBe(before);
  return (thrown as Error).message.split('\n').slice(1);
}

describe('HTTP/3 and HTTP/2 on 443 (TCP_QUIC) beside HTTP on 80, ip targets', () => {
  let kids: Map<string, RecordedResource>;

  beforeAll(async () => {
    new NlbUdpLoadBalancer('web', {
      vpcId: VPC,
      subnets: SUBNETS,
      scheme: 'internet-facing',
      securityGroups: [],
      ports: [{ port: 443, protocol: 'TCP_QUIC', targetPort: 8443 }, { port: 80, protocol: 'TCP', targetPort: 8080 }],
      targets: { ipAddresses: ['10.0.1.15', '10.0.1.16'], quicServerIds: { '10.0.1.15': '0x1a2b3c4d5e6f7a8b' } },
      healthCheck: { protocol: 'HTTP', port: 8080, path: '/ready' },
    });
    await recorder.settle();
    kids = children('web');
  });

  test('registers exactly these children: one listener and target group per port, one attachment per target', () => {
    expect([...kids.keys()].sort()).toEqual([
      'aws:lb/listener:Listener web-listener-tcp-80',
      'aws:lb/listener:Listener web-listener-tcp-quic-443',
      'aws:lb/loadBalancer:LoadBalancer web-nlb',
      'aws:lb/targetGroup:TargetGroup web-tg-tcp-80',
      'aws:lb/targetGroup:TargetGroup web-tg-tcp-quic-443',
      'aws:lb/targetGroupAttachment:TargetGroupAttachment web-tcp-80-ip-10.0.1.15',
      'aws:lb/targetGroupAttachment:TargetGroupAttachment web-tcp-80-ip-10.0.1.16',
      'aws:lb/targetGroupAttachment:TargetGroupAttachment web-tcp-quic-443-ip-10.0.1.15',
      'aws:lb/targetGroupAttachment:TargetGroupAttachment web-tcp-quic-443-ip-10.0.1.16',
    ]);
  });

  test('the load balancer has no security groups ([] is none)', () => {
    expect(kids.get('aws:lb/loadBalancer:LoadBalancer web-nlb')!.inputs.securityGroups).toBeUndefined();
  });

  test('listener and target group of protocol TCP_QUIC', () => {
    expect(kids.get('aws:lb/listener:Listener web-listener-tcp-quic-443')!.inputs.protocol).toBe('TCP_QUIC');
    const tg = kids.get('aws:lb/targetGroup:TargetGroup web-tg-tcp-quic-443')!.inputs;
    expect([tg.protocol, tg.port, tg.targetType]).toEqual(['TCP_QUIC', 8443, 'ip']);
  });

  test('QUIC targets carry their server ids: the given one, and one derived from the name, the listener and the target', () => {
    const quic = (ip: string) => kids.get(`aws:lb/targetGroupAttachment:TargetGroupAttachment web-tcp-quic-443-ip-${ip}`)!.inputs;
    expect(quic('10.0.1.15')).toEqual({ targetGroupArn: quic('10.0.1.15').targetGroupArn, targetId: '10.0.1.15', port: 8443, quicServerId: '0x1a2b3c4d5e6f7a8b' });
    // the first 8 bytes of SHA-256("web\0tcp-quic-443\010.0.1.16"): the same on every run, so a preview shows no change
    expect(quic('10.0.1.16').quicServerId).toBe('0x70c38b6c9b446917');
    // the TCP target group's attachments carry none (AWS refuses an id on other protocols)
    expect(kids.get('aws:lb/targetGroupAttachment:TargetGroupAttachment web-tcp-80-ip-10.0.1.16')!.inputs.quicServerId).toBeUndefined();
  });
});

test('security groups given as outputs are passed on unchecked', async () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const pulumi = require('@pulumi/pulumi') as typeof import('@pulumi/pulumi');
  new NlbUdpLoadBalancer('dns-o', {
    vpcId: VPC,
    subnets: SUBNETS,
    securityGroups: [pulumi.output('sg-0123456789abcdef1')],
    ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
    healthCheck: { port: 30080 },
  });
  await recorder.settle();
  expect(children('dns-o').get('aws:lb/loadBalancer:LoadBalancer dns-o-nlb')!.inputs.securityGroups).toEqual(['sg-0123456789abcdef1']);
});

test('instance targets of a QUIC listener get derived ids too; security groups go on the load balancer of a UDP NLB', async () => {
  new NlbUdpLoadBalancer('web-i', {
    ...BASE,
    ports: [{ port: 443, protocol: 'TCP_QUIC', targetPort: 30443 }],
    targets: { instanceIds: ['i-0123456789abcdef0'] },
  });
  new NlbUdpLoadBalancer('dns', {
    vpcId: VPC,
    subnets: SUBNETS,
    securityGroups: ['sg-0123456789abcdef0'],
    ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
    healthCheck: { port: 30080 },
  });
  await recorder.settle();
  // the first 8 bytes of SHA-256("web-i\0tcp-quic-443\0i-0123456789abcdef0")
  expect(children('web-i').get('aws:lb/targetGroupAttachment:TargetGroupAttachment web-i-tcp-quic-443-instance-i-0123456789abcdef0')!.inputs.quicServerId)
    .toBe('0xcf90484ca137c32a');
  expect(children('dns').get('aws:lb/loadBalancer:LoadBalancer dns-nlb')!.inputs.securityGroups).toEqual(['sg-0123456789abcdef0']);
});

describe('QUIC bad input: each rule with its exact message, nothing registered', () => {
  const L = Sources.NLB_QUIC_LISTENERS;

  test('dualstack (UDP580), security groups (UDP581), a UDP port beside it (UDP582)', () => {
    expect(errorsOf('a', {
      ipAddressType: 'dualstack',
      securityGroups: ['sg-0123456789abcdef0'],
      ports: [{ port: 443, protocol: 'QUIC', targetPort: 8443 }, { port: 53, protocol: 'UDP', targetPort: 53 }],
    })).toEqual([
      `[UDP580] a: ipAddressType "dualstack": cannot carry the QUIC port ports[0]: AWS refuses QUIC and TCP_QUIC listeners on a dualstack load balancer (NlbIpAddressType.IPV4 (the default), or the QUIC port on an ipv4 load balancer of its own; ${L})`,
      `[UDP581] a: securityGroups ["sg-0123456789abcdef0"]: cannot be associated with a load balancer that has the QUIC port ports[0]: AWS refuses QUIC and TCP_QUIC listeners on a load balancer with security groups ([] or unset (no security groups), or the QUIC port on a load balancer of its own; ${L}) Fix: restrict clients with loadBalancerSourceRanges or the targets' security groups instead`,
      `[UDP582] a: ports[1] {"port":53,"protocol":"UDP"}: is a UDP listener beside the QUIC listener ports[0]: AWS refuses QUIC and TCP_QUIC listeners on a load balancer with UDP or TCP_UDP listeners (the UDP port on a load balancer of its own, or TCP only beside QUIC; ${L})`,
    ]);
  });

  test('Auto Scaling groups as targets of a QUIC port (UDP583)', () => {
    expect(errorsOf('b', { targets: { autoScalingGroupNames: ['eks-ng-1'] } })).toEqual([
      `[UDP583] b: targets.autoScalingGroupNames ["eks-ng-1"]: cannot be targets of the QUIC port 443: an Auto Scaling group registers its instances without the QUIC server ids AWS requires (targets.instanceIds or targets.ipAddresses, each registered with its server id; ${Sources.LBC_QUIC_REGISTRATION})`,
    ]);
  });

  test('server ids of the wrong form, for no target, or twice (UDP584)', () => {
    expect(errorsOf('c', {
      targets: {
        ipAddresses: ['10.0.1.15', '10.0.1.16'],
        quicServerIds: { '10.0.1.15': '0x1A2B3C4D5E6F7A8B', '10.0.1.16': '0x1a2b3c4d5e6f7a8b', '10.0.9.9': '0x1a2b3c4d5e6f7a8b' },
      },
    })).toEqual([
      `[UDP584] c: targets.quicServerIds["10.0.1.15"] "0x1A2B3C4D5E6F7A8B": is not a QUIC server id (0x followed by 16 lower-case hexadecimal digits, such as 0x1a2b3c4d5e6f7a8b; ${Sources.TARGET_DESCRIPTION})`,
      `[UDP584] c: targets.quicServerIds["10.0.9.9"] "0x1a2b3c4d5e6f7a8b": names no target of targets.instanceIds or targets.ipAddresses (the id of a registered target: an instance id or an IP address; ${Sources.TARGET_DESCRIPTION})`,
      `[UDP584] c: targets.quicServerIds["10.0.9.9"] "0x1a2b3c4d5e6f7a8b": repeats the server id of "10.0.1.16": AWS needs one id per target of a listener (a different id per target; ${Sources.TARGET_DESCRIPTION})`,
    ]);
    expect(errorsOf('d', { targets: { ipAddresses: ['10.0.1.15'], quicServerIds: ['0x1a2b3c4d5e6f7a8b'] } })).toEqual([
      `[UDP584] d: targets.quicServerIds ["0x1a2b3c4d5e6f7a8b"]: is not an object of QUIC server ids by target (an object such as { '10.0.1.15': '0x1a2b3c4d5e6f7a8b' }; ${Sources.TARGET_DESCRIPTION})`,
    ]);
  });

  test('server ids without a QUIC port are not silently unused (UDP584)', () => {
    expect(errorsOf('f', { ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }], targets: { ipAddresses: ['10.0.1.15'], quicServerIds: { '10.0.1.15': '0x1a2b3c4d5e6f7a8b' } } })).toEqual([
      `[UDP584] f: targets.quicServerIds {"10.0.1.15":"0x1a2b3c4d5e6f7a8b"}: has no QUIC or TCP_QUIC port to register the targets with (a port { protocol: NlbProtocol.QUIC } or NlbProtocol.TCP_QUIC, or no server ids; ${Sources.TARGET_DESCRIPTION})`,
    ]);
  });

  test('security groups that are no ids (UDP586): names are the controller\'s, not AWS\'s', () => {
    expect(errorsOf('e', { ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }], securityGroups: ['dns-clients'] })).toEqual([
      `[UDP586] e: securityGroups[0] "dns-clients": is not a security group id (sg- followed by 8 or 17 hexadecimal digits; ${Sources.NLB_SECURITY_GROUPS})`,
    ]);
  });

  test('a second QUIC port (UDP582)', () => {
    expect(errorsOf('f', { ports: [{ port: 443, protocol: 'QUIC', targetPort: 8443 }, { port: 8443, protocol: 'QUIC', targetPort: 8443 }] })).toEqual([
      `[UDP582] f: ports[1] {"port":8443,"protocol":"QUIC"}: is a second QUIC listener beside ports[0]: a Network Load Balancer takes one QUIC or TCP_QUIC listener (one QUIC or TCP_QUIC port per load balancer; the others on load balancers of their own; ${L})`,
    ]);
  });
});
