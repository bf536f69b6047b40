import { expectFitsKubernetes128, KUBERNETES_SCHEMA_RELEASE, kubernetes128Errors } from './k8s-schema';

function service(spec: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}): any {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'dns', labels: { 'app.kubernetes.io/name': 'dns' }, ...metadata },
    spec: { type: 'ClusterIP', selector: { app: 'dns' }, ports: [{ name: 'dns-udp', port: 53, targetPort: 'dns', protocol: 'UDP' }], ...spec },
  };
}

function deployment(podSpec: Record<string, unknown>): any {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'app' },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'dns' } },
      template: { metadata: { labels: { app: 'dns' } }, spec: { containers: [{ name: 'server', image: 'server:1' }], ...podSpec } },
    },
  };
}

function endpoint(entry: Record<string, unknown> = {}, apiVersion = 'externaldns.k8s.io/v1alpha1'): any {
  return {
    apiVersion,
    kind: 'DNSEndpoint',
    metadata: { name: 'srv' },
    spec: { endpoints: [{ dnsName: '_dns._udp.example.com', recordType: 'SRV', targets: ['10 100 53 dns.example.com.'], ...entry }] },
  };
}

test('an object without metadata.name (nor generateName) is refused: the API server cannot create it', () => {
  expect(kubernetes128Errors(service({}, { name: undefined, namespace: 'dns' }))).toEqual([
    'Service/? metadata.name: required to create the object (or metadata.generateName)',
  ]);
  expect(kubernetes128Errors(service({}, { name: undefined, generateName: 'dns-' }))).toEqual([]);
});

test('the models are those of the Kubernetes 1.28 OpenAPI document', () => {
  expect(KUBERNETES_SCHEMA_RELEASE).toBe('release-1.28');
});

describe('objects that fit', () => {
  test('a Service', () => {
    expect(kubernetes128Errors(service())).toEqual([]);
    expect(() => expectFitsKubernetes128([service()])).not.toThrow();
  });

  test('a Service with every kind of value: int-or-string, maps, lists, booleans, a time', () => {
    const object = service({
      type: 'LoadBalancer',
      ports: [{ port: 53, targetPort: 1053, nodePort: 30053, protocol: 'UDP' }, { port: 53, targetPort: 'dns-tcp', protocol: 'TCP', appProtocol: 'dns' }],
      loadBalancerSourceRanges: ['10.0.0.0/8'],
      allocateLoadBalancerNodePorts: false,
      externalTrafficPolicy: 'Local',
      healthCheckNodePort: 31000,
      sessionAffinity: 'ClientIP',
      sessionAffinityConfig: { clientIP: { timeoutSeconds: 600 } },
    }, { annotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'external' }, creationTimestamp: '2024-01-02T03:04:05Z' });
    expect(kubernetes128Errors(object)).toEqual([]);
  });

  test('a Deployment whose pod has a 1.28 sidecar (an init container with restartPolicy Always) and probes', () => {
    const object = deployment({
      initContainers: [{ name: 'health', image: 'health:1', restartPolicy: 'Always', ports: [{ containerPort: 8080, protocol: 'TCP' }] }],
      containers: [{
        name: 'server',
        image: 'server:1',
        ports: [{ containerPort: 53, protocol: 'UDP', name: 'dns' }],
        readinessProbe: { httpGet: { port: 8080, path: '/ready' }, periodSeconds: 5 },
        livenessProbe: { exec: { command: ['true'] } },
        resources: { limits: { cpu: '500m', memory: '128Mi' } },
        env: [{ name: 'A', value: '1' }],
      }],
    });
    expect(kubernetes128Errors(object)).toEqual([]);
  });

  test('null for an optional field (the API server takes it as absent)', () => {
    expect(kubernetes128Errors(service({ clusterIP: null }))).toEqual([]);
  });

  test('a DNSEndpoint valid against the CRD', () => {
    expect(kubernetes128Errors(endpoint({ recordTTL: 300 }))).toEqual([]);
  });

  test('every other kind a 1.28 API server serves, in any group (ConfigMap, StatefulSet, DaemonSet, Pod, autoscaling/v2 HPA)', () => {
    const pod = { containers: [{ name: 'c', image: 'i' }] };
    const selector = { matchLabels: { app: 'a' } };
    const template = { metadata: { labels: { app: 'a' } }, spec: pod };
    expect([
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { 'probe.sh': '#!/bin/sh' } },
      { apiVersion: 'apps/v1', kind: 'StatefulSet', metadata: { name: 's' }, spec: { serviceName: 's', selector, template } },
      { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'd' }, spec: { selector, template } },
      { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: pod },
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'h' },
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'app' },
          maxReplicas: 5,
          metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }],
        },
      },
      { apiVersion: 'v1', kind: 'Event', metadata: { name: 'e' }, involvedObject: { kind: 'Pod' }, eventTime: '2024-01-02T03:04:05.123456Z' },
    ].flatMap((o) => kubernetes128Errors(o))).toEqual([]);
  });
});

describe('objects that do not fit, with the path named', () => {
  test('a port given as a string', () => {
    const object = service({ ports: [{ port: '53', protocol: 'UDP' }] });
    expect(kubernetes128Errors(object)).toEqual(['Service/dns spec.ports[0].port: expected an integer, got string "53"']);
    expect(() => expectFitsKubernetes128([object])).toThrow('spec.ports[0].port: expected an integer');
  });

  test('a port that is not an integer, a targetPort neither an integer nor a string', () => {
    expect(kubernetes128Errors(service({ ports: [{ port: 53.5, targetPort: true }] }))).toEqual([
      'Service/dns spec.ports[0].port: expected an integer, got number 53.5',
      'Service/dns spec.ports[0].targetPort: expected an integer or a string, got boolean true',
    ]);
  });

  test('an unknown field under spec', () => {
    const object = service({ recordTtl: 300 });
    expect(kubernetes128Errors(object)).toEqual(['Service/dns spec.recordTtl: unknown field (not in the Kubernetes 1.28 schema of V1ServiceSpec)']);
    expect(() => expectFitsKubernetes128([object])).toThrow('spec.recordTtl: unknown field');
  });

  test('a field of a later Kubernetes (trafficDistribution: 1.30; status.loadBalancer.ingress[].ipMode: 1.29)', () => {
    const object = { ...service({ trafficDistribution: 'PreferClose' }), status: { loadBalancer: { ingress: [{ ip: '10.0.0.1', ipMode: 'VIP' }] } } };
    expect(kubernetes128Errors(object)).toEqual([
      'Service/dns spec.trafficDistribution: unknown field (not in the Kubernetes 1.28 schema of V1ServiceSpec)',
      'Service/dns status.loadBalancer.ingress[0].ipMode: unknown field (not in the Kubernetes 1.28 schema of V1LoadBalancerIngress)',
    ]);
  });

  test('a missing required ports[].port', () => {
    const object = service({ ports: [{ name: 'dns', protocol: 'UDP' }] });
    expect(kubernetes128Errors(object)).toEqual(['Service/dns spec.ports[0].port: required field missing (V1ServicePort)']);
    expect(() => expectFitsKubernetes128([object])).toThrow('spec.ports[0].port: required field missing');
  });

  test('null for a required field', () => {
    expect(kubernetes128Errors(service({ ports: [{ port: null }] }))).toEqual(['Service/dns spec.ports[0].port: required field missing (V1ServicePort)']);
  });

  test('deep in a pod template: a container without a name, a probe command that is not a list, an unknown probe field', () => {
    const object = deployment({ containers: [{ image: 'server:1', readinessProbe: { exec: { command: 'true' }, periodSecond: 5 } }] });
    expect(kubernetes128Errors(object)).toEqual([
      'Deployment/app spec.template.spec.containers[0].readinessProbe.exec.command: expected a list, got string "true"',
      'Deployment/app spec.template.spec.containers[0].readinessProbe.periodSecond: unknown field (not in the Kubernetes 1.28 schema of V1Probe)',
      'Deployment/app spec.template.spec.containers[0].name: required field missing (V1Container)',
    ]);
  });

  test('a label value that is not a string, a selector that is not a map, a time that is not RFC 3339', () => {
    expect(kubernetes128Errors(service({ selector: ['app'] }, { labels: { 'app.kubernetes.io/port': 53 }, creationTimestamp: 'yesterday' }))).toEqual([
      'Service/dns metadata.labels["app.kubernetes.io/port"]: expected a string, got number 53',
      'Service/dns metadata.creationTimestamp: expected an RFC 3339 time, got string "yesterday"',
      'Service/dns spec.selector: expected a map, got a list',
    ]);
  });

  test('a DNSEndpoint against the CRD: an unknown field, a wrong apiVersion', () => {
    expect(kubernetes128Errors(endpoint({ recordTtl: 300 }))).toEqual(['DNSEndpoint/srv /spec/endpoints/0 must NOT have additional properties (recordTtl)']);
    expect(kubernetes128Errors(endpoint({}, 'externaldns.k8s.io/v1'))).toEqual([
      "DNSEndpoint/srv apiVersion: externaldns.k8s.io/v1 is not the DNSEndpoint CRD's externaldns.k8s.io/v1alpha1",
    ]);
  });
});

describe('kinds', () => {
  test.each([
    ['a kind Kubernetes does not have', 'v1', 'Frobnicator'],
    ['a kind of another group', 'apps/v1', 'Service'],
    ['a version 1.28 does not serve', 'autoscaling/v2beta2', 'HorizontalPodAutoscaler'],
    ['a CRD other than DNSEndpoint', 'elbv2.k8s.aws/v1beta1', 'TargetGroupBinding'],
  ])('%s fails, it is not skipped', (_, apiVersion, kind) => {
    const object = { apiVersion, kind, metadata: { name: 'x' }, spec: {} };
    expect(kubernetes128Errors(object)).toEqual([`${kind}/x (root): ${apiVersion} ${kind} is not a kind of Kubernetes 1.28 (nor the DNSEndpoint CRD)`]);
    expect(() => expectFitsKubernetes128([service(), object])).toThrow('is not a kind of Kubernetes 1.28');
  });

  test('an object without apiVersion or kind, or not an object', () => {
    expect(kubernetes128Errors({ kind: 'Service', metadata: { name: 'x' } })).toEqual(['Service/x (root): apiVersion and kind must be strings']);
    expect(kubernetes128Errors('Service')).toEqual(['(root): expected an object, got string "Service"']);
  });
});
