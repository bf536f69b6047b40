import { Duration, Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { chart, only } from './helpers';
import {
  IpFamily, IpFamilyPolicy, PortRange, Protocol, ServiceType, SessionAffinity, TrafficPolicy, UdpRules, UdpService,
} from '../../src';

describe('UdpService defaults', () => {
  test('a single port: ClusterIP, UDP, targetPort = port, no name, selector of labels', () => {
    const c = chart();
    new UdpService(c, 'dns', { metadata: { name: 'dns' }, selector: { app: 'dns' }, ports: [{ port: 53 }] });
    expect(only(c, 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'dns' },
      spec: {
        type: 'ClusterIP',
        selector: { app: 'dns' },
        ports: [{ port: 53, protocol: 'UDP', targetPort: 53 }],
      },
    });
    expect(UdpRules.findings(c)).toEqual([]);
  });

  test('the name is generated from the construct path when not given', () => {
    const c = chart();
    const service = new UdpService(c, 'statsd', { ports: [{ port: 8125 }] });
    expect(service.name).toMatch(/^test-statsd-c8[0-9a-f]{6}$/);
    expect(only(c, 'Service').metadata.name).toBe(service.name);
  });

  test('no selector is emitted when none is given (endpoints managed by hand)', () => {
    const c = chart();
    new UdpService(c, 'svc', { ports: [{ port: 514 }] });
    expect(only(c, 'Service').spec.selector).toBeUndefined();
  });
});

describe('UdpService props', () => {
  test('every field is emitted as the 1.28 API spells it', () => {
    const c = chart();
    new UdpService(c, 'sip', {
      metadata: { name: 'sip', namespace: 'voice', labels: { app: 'sip' }, annotations: { team: 'voice' } },
      selector: { app: 'sip' },
      type: ServiceType.LOAD_BALANCER,
      ports: [
        { name: 'sip', port: 5060, targetPort: 'sip-udp', nodePort: 30060 },
        { name: 'rtp', port: 10000, targetPort: 20000 },
      ],
      externalTrafficPolicy: TrafficPolicy.LOCAL,
      internalTrafficPolicy: TrafficPolicy.CLUSTER,
      sessionAffinity: SessionAffinity.clientIp(Duration.minutes(30)),
      loadBalancerClass: 'service.k8s.aws/nlb',
      loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::/32'],
      allocateLoadBalancerNodePorts: true,
      ipFamilyPolicy: IpFamilyPolicy.PREFER_DUAL_STACK,
      ipFamilies: [IpFamily.IPV4, IpFamily.IPV6],
      publishNotReadyAddresses: true,
    });
    expect(only(c, 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'sip', namespace: 'voice', labels: { app: 'sip' }, annotations: { team: 'voice' } },
      spec: {
        type: 'LoadBalancer',
        selector: { app: 'sip' },
        ports: [
          { name: 'sip', port: 5060, protocol: 'UDP', targetPort: 'sip-udp', nodePort: 30060 },
          { name: 'rtp', port: 10000, protocol: 'UDP', targetPort: 20000 },
        ],
        externalTrafficPolicy: 'Local',
        internalTrafficPolicy: 'Cluster',
        sessionAffinity: 'ClientIP',
        sessionAffinityConfig: { clientIP: { timeoutSeconds: 1800 } },
        loadBalancerClass: 'service.k8s.aws/nlb',
        loadBalancerSourceRanges: ['10.0.0.0/8', '2001:db8::/32'],
        allocateLoadBalancerNodePorts: true,
        ipFamilyPolicy: 'PreferDualStack',
        ipFamilies: ['IPv4', 'IPv6'],
        publishNotReadyAddresses: true,
      },
    });
  });

  test('NodePort with a pinned nodePort (seed 000)', () => {
    const c = chart();
    const service = new UdpService(c, 'dns', {
      type: ServiceType.NODE_PORT, selector: { app: 'dns' }, ports: [{ port: 53, nodePort: 30053 }],
    });
    expect(only(c, 'Service').spec).toEqual({
      type: 'NodePort',
      selector: { app: 'dns' },
      ports: [{ port: 53, protocol: 'UDP', targetPort: 53, nodePort: 30053 }],
    });
    expect(service.nodePortOf(53)).toBe(30053);
    expect(service.nodePortOf(53, Protocol.UDP)).toBe(30053);
    expect(service.nodePortOf(53, Protocol.TCP)).toBeUndefined();
    expect(service.nodePortOf(54)).toBeUndefined();
  });

  test('headless: clusterIP None', () => {
    const c = chart();
    new UdpService(c, 'peers', { type: ServiceType.HEADLESS, selector: { app: 'gossip' }, ports: [{ port: 7946 }] });
    expect(only(c, 'Service').spec).toEqual({
      type: 'ClusterIP',
      clusterIP: 'None',
      selector: { app: 'gossip' },
      ports: [{ port: 7946, protocol: 'UDP', targetPort: 7946 }],
    });
  });

  test('ClientIP without a timeout leaves the API default (10800 s)', () => {
    const c = chart();
    new UdpService(c, 'turn', { ports: [{ port: 3478 }], sessionAffinity: SessionAffinity.clientIp() });
    const spec = only(c, 'Service').spec;
    expect(spec.sessionAffinity).toBe('ClientIP');
    expect(spec.sessionAffinityConfig).toBeUndefined();
  });

  test('SessionAffinity.none() emits None', () => {
    const c = chart();
    new UdpService(c, 'svc', { ports: [{ port: 514 }], sessionAffinity: SessionAffinity.none() });
    expect(only(c, 'Service').spec.sessionAffinity).toBe('None');
  });

  test('addPort() appends ports, and props replay through it', () => {
    const c = chart();
    const service = new UdpService(c, 'syslog', { ports: [{ name: 'syslog', port: 514 }] });
    service.addPort({ name: 'gelf', port: 12201 });
    expect(service.ports).toEqual([{ name: 'syslog', port: 514 }, { name: 'gelf', port: 12201 }]);
    expect(only(c, 'Service').spec.ports).toEqual([
      { name: 'syslog', port: 514, protocol: 'UDP', targetPort: 514 },
      { name: 'gelf', port: 12201, protocol: 'UDP', targetPort: 12201 },
    ]);
  });

  test('accessors: name, type, apiObject, metadata, nodePortRange', () => {
    const c = chart();
    const service = new UdpService(c, 'svc', {
      metadata: { name: 'svc' }, ports: [{ port: 514 }], nodePortRange: PortRange.of(20000, 22767),
    });
    service.metadata.addAnnotation('example.com/owner', 'platform');
    expect(service.name).toBe('svc');
    expect(service.type).toBe(ServiceType.CLUSTER_IP);
    expect(service.apiObject.kind).toBe('Service');
    expect(service.nodePortRange.toString()).toBe('20000-22767');
    expect(only(c, 'Service').metadata.annotations).toEqual({ 'example.com/owner': 'platform' });
  });

  test('a cdk8s-plus workload as selector: its pod labels, also those selected later', () => {
    const c = chart();
    const deployment = new kplus.Deployment(c, 'dns', { containers: [{ image: 'coredns/coredns:1.11.1', portNumber: 53 }] });
    const service = new UdpService(c, 'svc', { selector: deployment, ports: [{ port: 53 }] });
    expect(service.workload).toBe(deployment);
    const labels = only(c, 'Deployment').spec.template.metadata.labels;
    expect(only(c, 'Service').spec.selector).toEqual(labels);
    expect(Object.keys(labels)).toEqual(['cdk8s.io/metadata.addr']);
  });

  test('Pods.select() as selector', () => {
    const c = chart();
    new UdpService(c, 'svc', { selector: kplus.Pods.select(c, 'pods', { labels: { app: 'statsd' } }), ports: [{ port: 8125 }] });
    expect(only(c, 'Service').spec.selector).toEqual({ app: 'statsd' });
  });

  test('Testing.synth is deterministic', () => {
    const build = () => {
      const c = chart();
      new UdpService(c, 'svc', { selector: { app: 'x' }, type: ServiceType.NODE_PORT, ports: [{ port: 1, nodePort: 30001 }] });
      return JSON.stringify(Testing.synth(c));
    };
    expect(build()).toBe(build());
  });
});
