import type * as pulumi from '@pulumi/pulumi';
import { Duration } from 'cdk8s';
import { MockResourceRecorder, RecordedResource } from '../../src/aws/mock-recorder';

// The mocks are set before the component is loaded (pulumi.runtime.setMocks, no CLI, no credentials).
const recorder = MockResourceRecorder.start({ project: 'test', stack: 'unit' });
// the entry point, and the internals the tests look at
const lib = {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...require('../../src/pulumi'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...require('../../src/aws/names'),
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  ...require('../../src/model/nlb-listeners'),
} as typeof import('../../src/pulumi') & typeof import('../../src/aws/names') & typeof import('../../src/model/nlb-listeners');
const { NlbUdpLoadBalancer, ChildNames } = lib;

const SUBNETS = ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2', 'subnet-0aaaaaaaaaaaaaaa3'];
const VPC = 'vpc-0123456789abcdef0';
const ZONE = 'Z0123456789ABCDEFGHIJ';

function value<T>(output: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => output.apply((v) => { resolve(v); return v; }));
}

/** The resources whose parent is the component `name`, keyed by `type name`. */
function children(name: string): Map<string, RecordedResource> {
  return new Map(recorder.resources.filter((r) => r.options.parent === name).map((r) => [`${r.type} ${r.name}`, r]));
}

describe('NlbUdpLoadBalancer: the seed-003 shape (three EIPs, TCP_UDP, health NodePort, A and SRV records)', () => {
  let nlb: InstanceType<typeof NlbUdpLoadBalancer>;
  let kids: Map<string, RecordedResource>;

  beforeAll(async () => {
    nlb = new NlbUdpLoadBalancer('dns', {
      vpcId: VPC,
      subnets: SUBNETS,
      scheme: 'internet-facing',
      eips: 'allocate',
      ports: [{ port: 53, protocol: 'TCP_UDP', targetPort: 30053 }],
      targets: { instanceIds: ['i-0123456789abcdef0'], autoScalingGroupNames: ['eks-ng-1'] },
      healthCheck: { protocol: lib.HealthCheckProtocol.TCP, port: 30080, interval: Duration.seconds(10), timeout: Duration.seconds(5) },
      targetGroupAttributes: { deregistrationDelay: 30, connectionTermination: true },
      dns: {
        zoneId: ZONE,
        hostname: 'dns.example.com',
        ttl: Duration.seconds(60),
        srv: [{ service: 'domain', protocol: 'udp' }, { service: '_domain', protocol: 'tcp', priority: 0, weight: 5 }],
      },
      tags: { team: 'platform' },
    });
    await recorder.settle();
    kids = children('dns');
  });

  test('registers exactly these children, with pinned names', () => {
    expect([...kids.keys()].sort()).toEqual([
      'aws:autoscaling/attachment:Attachment dns-tcp-udp-53-asg-eks-ng-1',
      'aws:ec2/eip:Eip dns-eip-0',
      'aws:ec2/eip:Eip dns-eip-1',
      'aws:ec2/eip:Eip dns-eip-2',
      'aws:lb/listener:Listener dns-listener-tcp-udp-53',
      'aws:lb/loadBalancer:LoadBalancer dns-nlb',
      'aws:lb/targetGroup:TargetGroup dns-tg-tcp-udp-53',
      'aws:lb/targetGroupAttachment:TargetGroupAttachment dns-tcp-udp-53-instance-i-0123456789abcdef0',
      'aws:route53/record:Record dns-a',
      'aws:route53/record:Record dns-srv-_domain._tcp.dns.example.com',
      'aws:route53/record:Record dns-srv-_domain._udp.dns.example.com',
    ]);
    const component = recorder.find('k8s-udp-constructs:aws:NlbUdpLoadBalancer', 'dns');
    expect(component?.custom).toBe(false);
    expect(NlbUdpLoadBalancer.TYPE).toBe('k8s-udp-constructs:aws:NlbUdpLoadBalancer');
  });

  test('EIPs: domain vpc, tags, retainOnDelete by default', () => {
    for (const i of [0, 1, 2]) {
      const eip = kids.get(`aws:ec2/eip:Eip dns-eip-${i}`)!;
      expect(eip.inputs).toEqual({ domain: 'vpc', tags: { team: 'platform' } });
      expect(eip.options).toEqual({ retainOnDelete: true, deleteBeforeReplace: false, protect: false, parent: 'dns' });
    }
  });

  test('load balancer: network, internet-facing, EIPs paired with subnets, cross-zone, deleteBeforeReplace', async () => {
    const lb = kids.get('aws:lb/loadBalancer:LoadBalancer dns-nlb')!;
    const allocationIds = await value(nlb.eipAllocationIds);
    expect(allocationIds).toHaveLength(3);
    expect(lb.inputs).toEqual({
      loadBalancerType: 'network',
      internal: false,
      ipAddressType: 'ipv4',
      subnetMappings: SUBNETS.map((subnetId, i) => ({ subnetId, allocationId: allocationIds[i] })),
      enableCrossZoneLoadBalancing: true,
      enableDeletionProtection: false,
      tags: { team: 'platform' },
    });
    expect(lb.options).toEqual({ retainOnDelete: false, deleteBeforeReplace: true, protect: false, parent: 'dns' });
  });

  test('target group: auto-named, TCP_UDP on the NodePort, TCP health check on the health NodePort, attributes', () => {
    const tg = kids.get('aws:lb/targetGroup:TargetGroup dns-tg-tcp-udp-53')!;
    expect(tg.inputs).toEqual({
      vpcId: VPC,
      port: 30053,
      protocol: 'TCP_UDP',
      targetType: 'instance',
      healthCheck: {
        enabled: true,
        protocol: 'TCP',
        port: '30080',
        interval: 10,
        timeout: 5,
        healthyThreshold: 5,
        unhealthyThreshold: 2,
      },
      deregistrationDelay: 30,
      connectionTermination: true,
      tags: { team: 'platform' },
    });
    expect(tg.inputs.name).toBeUndefined();
    expect(tg.inputs.namePrefix).toBeUndefined();
    expect(tg.options.deleteBeforeReplace).toBe(false);
  });

  test('listener forwards to its target group', async () => {
    const listener = kids.get('aws:lb/listener:Listener dns-listener-tcp-udp-53')!;
    const tgArns = await value(nlb.targetGroupArns);
    expect(listener.inputs).toEqual({
      loadBalancerArn: await value(nlb.loadBalancerArn),
      port: 53,
      protocol: 'TCP_UDP',
      defaultActions: [{ type: 'forward', targetGroupArn: tgArns['tcp-udp-53'] }],
      tags: { team: 'platform' },
    });
  });

  test('targets: the instance on the NodePort, the Auto Scaling group attached', async () => {
    const tgArns = await value(nlb.targetGroupArns);
    expect(kids.get('aws:lb/targetGroupAttachment:TargetGroupAttachment dns-tcp-udp-53-instance-i-0123456789abcdef0')!.inputs)
      .toEqual({ targetGroupArn: tgArns['tcp-udp-53'], targetId: 'i-0123456789abcdef0', port: 30053 });
    expect(kids.get('aws:autoscaling/attachment:Attachment dns-tcp-udp-53-asg-eks-ng-1')!.inputs)
      .toEqual({ autoscalingGroupName: 'eks-ng-1', lbTargetGroupArn: tgArns['tcp-udp-53'] });
  });

  test('Route 53: an A alias to the NLB and SRV records with trailing dots', async () => {
    expect(kids.get('aws:route53/record:Record dns-a')!.inputs).toEqual({
      zoneId: ZONE,
      name: 'dns.example.com',
      type: 'A',
      aliases: [{ name: await value(nlb.dnsName), zoneId: await value(nlb.zoneId), evaluateTargetHealth: true }],
    });
    expect(kids.get('aws:route53/record:Record dns-srv-_domain._udp.dns.example.com')!.inputs).toEqual({
      zoneId: ZONE, name: '_domain._udp.dns.example.com', type: 'SRV', ttl: 60, records: ['10 100 53 dns.example.com.'],
    });
    expect(kids.get('aws:route53/record:Record dns-srv-_domain._tcp.dns.example.com')!.inputs).toEqual({
      zoneId: ZONE, name: '_domain._tcp.dns.example.com', type: 'SRV', ttl: 60, records: ['0 5 53 dns.example.com.'],
    });
  });

  test('outputs', async () => {
    expect(await value(nlb.loadBalancerArn)).toMatch(/^arn:aws:elasticloadbalancing:.*:loadbalancer\/net\/dns-nlb\//);
    expect(await value(nlb.dnsName)).toMatch(/^dns-nlb-[0-9a-f]{16}\.elb\.us-east-1\.amazonaws\.com$/);
    expect(await value(nlb.zoneId)).toBe('Z26RNL4JYFTOTI');
    const ips = await value(nlb.eipPublicIps);
    expect(ips).toHaveLength(3);
    for (const ip of ips) expect(ip).toMatch(/^203\.0\.113\.\d+$/);
    const ids = await value(nlb.eipAllocationIds);
    for (const id of ids) expect(id).toMatch(/^eipalloc-[0-9a-f]{17}$/);
    expect(Object.keys(await value(nlb.targetGroupArns))).toEqual(['tcp-udp-53']);
    expect(Object.keys(await value(nlb.listenerArns))).toEqual(['tcp-udp-53']);
    expect(await value(nlb.recordNames)).toEqual(['dns.example.com', '_domain._udp.dns.example.com', '_domain._tcp.dns.example.com']);
    expect(nlb.eips).toHaveLength(3);
    expect(Object.keys(nlb.targetGroups)).toEqual(['tcp-udp-53']);
    expect(nlb.records).toHaveLength(3);
  });
});

describe('NlbUdpLoadBalancer: defaults (internal, no EIPs, TCP health check on the traffic port)', () => {
  test('internal, no allocation ids, no deleteBeforeReplace, AWS health-check defaults', async () => {
    const nlb = new NlbUdpLoadBalancer('internal', {
      vpcId: VPC,
      subnets: SUBNETS.slice(0, 2),
      ports: [{ port: 53, protocol: 'TCP_UDP', targetPort: 30053 }],
    });
    await recorder.settle();
    const kids = children('internal');
    expect([...kids.keys()].sort()).toEqual([
      'aws:lb/listener:Listener internal-listener-tcp-udp-53',
      'aws:lb/loadBalancer:LoadBalancer internal-nlb',
      'aws:lb/targetGroup:TargetGroup internal-tg-tcp-udp-53',
    ]);
    const lb = kids.get('aws:lb/loadBalancer:LoadBalancer internal-nlb')!;
    expect(lb.inputs).toEqual({
      loadBalancerType: 'network',
      internal: true,
      ipAddressType: 'ipv4',
      subnetMappings: [{ subnetId: SUBNETS[0] }, { subnetId: SUBNETS[1] }],
      enableCrossZoneLoadBalancing: true,
      enableDeletionProtection: false,
    });
    expect(lb.options.deleteBeforeReplace).toBe(false);
    expect(kids.get('aws:lb/targetGroup:TargetGroup internal-tg-tcp-udp-53')!.inputs.healthCheck).toEqual({
      enabled: true, protocol: 'TCP', port: 'traffic-port', interval: 10, timeout: 10, healthyThreshold: 5, unhealthyThreshold: 2,
    });
    expect(await value(nlb.eipAllocationIds)).toEqual([]);
    expect(await value(nlb.eipPublicIps)).toEqual([]);
    expect(await value(nlb.recordNames)).toEqual([]);
  });
});

describe('NlbUdpLoadBalancer: given EIPs, opt-out, split listeners, IP targets, dualstack, HTTP check', () => {
  test('given allocation ids go into the subnet mappings; the NLB still gets deleteBeforeReplace; no EIP is created', async () => {
    const given = ['eipalloc-0aaaaaaaaaaaaaaa1', 'eipalloc-0aaaaaaaaaaaaaaa2'];
    const nlb = new NlbUdpLoadBalancer('given', {
      vpcId: VPC,
      subnets: SUBNETS.slice(0, 2),
      scheme: lib.LoadBalancerScheme.INTERNET_FACING,
      eips: given,
      ports: [{ port: 1234, protocol: lib.NlbProtocol.UDP }],
      healthCheck: { port: 8080 },
    });
    await recorder.settle();
    const kids = children('given');
    expect(kids.has('aws:ec2/eip:Eip given-eip-0')).toBe(false);
    const lb = kids.get('aws:lb/loadBalancer:LoadBalancer given-nlb')!;
    expect(lb.inputs.subnetMappings).toEqual([
      { subnetId: SUBNETS[0], allocationId: given[0] }, { subnetId: SUBNETS[1], allocationId: given[1] },
    ]);
    expect(lb.options.deleteBeforeReplace).toBe(true);
    expect(kids.get('aws:lb/targetGroup:TargetGroup given-tg-udp-1234')!.inputs).toMatchObject({ port: 1234, protocol: 'UDP' });
    expect(await value(nlb.eipAllocationIds)).toEqual(given);
  });

  test('retainEipsOnDelete: false opts out', async () => {
    new NlbUdpLoadBalancer('throwaway', {
      vpcId: VPC,
      subnets: SUBNETS.slice(0, 1),
      scheme: 'internet-facing',
      eips: 'allocate',
      retainEipsOnDelete: false,
      ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
      healthCheck: { port: 30080 },
    });
    await recorder.settle();
    expect(children('throwaway').get('aws:ec2/eip:Eip throwaway-eip-0')!.options.retainOnDelete).toBe(false);
  });

  test('several listeners, IP targets, dualstack with AAAA and the IPv6 source-NAT prefix, HTTP health check', async () => {
    const nlb = new NlbUdpLoadBalancer('kdc', {
      vpcId: VPC,
      subnets: SUBNETS,
      ipAddressType: 'dualstack',
      crossZone: false,
      deletionProtection: true,
      ports: [{ port: 88, protocol: 'TCP_UDP' }, { port: 464, protocol: 'UDP' }],
      targets: { ipAddresses: ['10.0.1.15', '2001:db8::15'] },
      healthCheck: { protocol: 'HTTP', port: 8080, path: '/healthz', successCodes: '200' },
      targetGroupAttributes: { stickiness: true, preserveClientIp: true },
      dns: {
        zoneId: ZONE,
        hostname: 'kdc.example.com.',
        srv: [
          { service: 'kerberos', protocol: 'udp', port: 88, domain: 'example.com' },
          { service: 'kerberos', protocol: 'udp', port: 88, domain: 'example.com', host: 'kdc2.example.com', priority: 20 },
        ],
      },
    });
    await recorder.settle();
    const kids = children('kdc');
    expect([...kids.keys()].sort()).toEqual([
      'aws:lb/listener:Listener kdc-listener-tcp-udp-88',
      'aws:lb/listener:Listener kdc-listener-udp-464',
      'aws:lb/loadBalancer:LoadBalancer kdc-nlb',
      'aws:lb/targetGroup:TargetGroup kdc-tg-tcp-udp-88',
      'aws:lb/targetGroup:TargetGroup kdc-tg-udp-464',
      'aws:lb/targetGroupAttachment:TargetGroupAttachment kdc-tcp-udp-88-ip-10.0.1.15',
      'aws:lb/targetGroupAttachment:TargetGroupAttachment kdc-tcp-udp-88-ip-2001-db8--15',
      'aws:lb/targetGroupAttachment:TargetGroupAttachment kdc-udp-464-ip-10.0.1.15',
      'aws:lb/targetGroupAttachment:TargetGroupAttachment kdc-udp-464-ip-2001-db8--15',
      'aws:route53/record:Record kdc-a',
      'aws:route53/record:Record kdc-aaaa',
      'aws:route53/record:Record kdc-srv-_kerberos._udp.example.com',
    ]);
    const lb = kids.get('aws:lb/loadBalancer:LoadBalancer kdc-nlb')!;
    expect(lb.inputs).toMatchObject({
      ipAddressType: 'dualstack',
      enablePrefixForIpv6SourceNat: 'on',
      enableCrossZoneLoadBalancing: false,
      enableDeletionProtection: true,
      internal: true,
    });
    expect(kids.get('aws:lb/targetGroup:TargetGroup kdc-tg-udp-464')!.inputs).toEqual({
      vpcId: VPC,
      port: 464,
      protocol: 'UDP',
      targetType: 'ip',
      healthCheck: {
        enabled: true,
        protocol: 'HTTP',
        port: '8080',
        path: '/healthz',
        matcher: '200',
        interval: 10,
        timeout: 10,
        healthyThreshold: 5,
        unhealthyThreshold: 2,
      },
      stickiness: { enabled: true, type: 'source_ip' },
      preserveClientIp: 'true',
    });
    expect(kids.get('aws:lb/targetGroupAttachment:TargetGroupAttachment kdc-udp-464-ip-2001-db8--15')!.inputs)
      .toMatchObject({ targetId: '2001:db8::15', port: 464 });
    expect(kids.get('aws:route53/record:Record kdc-aaaa')!.inputs).toMatchObject({ name: 'kdc.example.com', type: 'AAAA' });
    expect(kids.get('aws:route53/record:Record kdc-srv-_kerberos._udp.example.com')!.inputs).toEqual({
      zoneId: ZONE,
      name: '_kerberos._udp.example.com',
      type: 'SRV',
      ttl: 300,
      records: ['10 100 88 kdc.example.com.', '20 100 88 kdc2.example.com.'],
    });
    expect(await value(nlb.recordNames)).toEqual(['kdc.example.com', 'kdc.example.com', '_kerberos._udp.example.com']);
  });
});

// Found by test/properties/pulumi-nlb.test.ts: children named srv-${service}-${proto}-${domain} collided.
describe('SRV record sets are named by their record name, which is unique', () => {
  test('service a-udp without domain and service a with domain udp: two records, two names (both were srv-a-udp-udp)', async () => {
    const nlb = new NlbUdpLoadBalancer('twins', {
      vpcId: VPC,
      subnets: SUBNETS.slice(0, 1),
      ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
      healthCheck: { port: 30080 },
      dns: {
        zoneId: ZONE,
        hostname: 'dns.example.com',
        srv: [{ service: 'a-udp', protocol: 'udp' }, { service: 'a', protocol: 'udp', domain: 'udp' }, { service: 'A', protocol: 'udp', domain: 'UDP.' }],
      },
    });
    await recorder.settle();
    const records = [...children('twins').entries()].filter(([key]) => key.startsWith('aws:route53/record:Record twins-srv-'));
    expect(records.map(([key, r]) => [key, r.inputs.name, r.inputs.records])).toEqual([
      ['aws:route53/record:Record twins-srv-_a-udp._udp.dns.example.com', '_a-udp._udp.dns.example.com', ['10 100 53 dns.example.com.']],
      // (the same name in another case is the same record set, under the name of its first entry)
      ['aws:route53/record:Record twins-srv-_a._udp.udp', '_a._udp.udp', ['10 100 53 dns.example.com.', '10 100 53 dns.example.com.']],
    ]);
    expect(await value(nlb.recordNames)).toEqual(['dns.example.com', '_a-udp._udp.dns.example.com', '_a._udp.udp']);
  });
});

describe('ChildNames: pinned, because a renamed child is a new resource (a renamed EIP is a new address)', () => {
  test('every name', () => {
    expect(ChildNames.eip('dns', 2)).toBe('dns-eip-2');
    expect(ChildNames.loadBalancer('dns')).toBe('dns-nlb');
    expect(ChildNames.targetGroup('dns', 'udp-53')).toBe('dns-tg-udp-53');
    expect(ChildNames.listener('dns', 'tcp-udp-53')).toBe('dns-listener-tcp-udp-53');
    expect(ChildNames.instanceTarget('dns', 'udp-53', 'i-0abc')).toBe('dns-udp-53-instance-i-0abc');
    expect(ChildNames.ipTarget('dns', 'udp-53', 'fd00::1')).toBe('dns-udp-53-ip-fd00--1');
    expect(ChildNames.autoScalingTarget('dns', 'udp-53', 'ng-a')).toBe('dns-udp-53-asg-ng-a');
    expect(ChildNames.autoScalingTarget('dns', 'udp-53', 0)).toBe('dns-udp-53-asg-0');
    expect(ChildNames.aRecord('dns')).toBe('dns-a');
    expect(ChildNames.aaaaRecord('dns')).toBe('dns-aaaa');
    expect(ChildNames.srvRecord('dns', 'srv-_domain._udp.dns.example.com')).toBe('dns-srv-_domain._udp.dns.example.com');
    expect(lib.listenerKey({ port: 53, protocol: lib.NlbProtocol.TCP_UDP })).toBe('tcp-udp-53');
  });
});
