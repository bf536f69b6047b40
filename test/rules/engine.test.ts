import {
  checkObjects, DISABLE_RULES_ANNOTATION, findRule, formatFinding, KubeObject, OBJECT_RULES, PortRange, renderValue,
  Severity, Sources,
} from '../../src';

const SVC = Sources.SERVICE_VALIDATION;

function service(spec: Record<string, unknown>, metadata: Record<string, unknown> = { name: 'svc' }): KubeObject {
  return { apiVersion: 'v1', kind: 'Service', metadata, spec };
}

function deployment(name: string, labels: Record<string, string>, podSpec: Record<string, unknown>, replicas?: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: { replicas, selector: { matchLabels: labels }, template: { metadata: { labels }, spec: podSpec } },
  };
}

function ids(objects: KubeObject[], options = {}): string[] {
  return checkObjects(objects, OBJECT_RULES, options).map((f) => f.ruleId);
}

describe('the catalog', () => {
  test('ids are unique, ordered and well formed; every rule has a title, a why and an https source', () => {
    const all = OBJECT_RULES.map((r) => r.id);
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(all);
    for (const rule of OBJECT_RULES) {
      expect(rule.id).toMatch(/^UDP\d{3}$/);
      expect(rule.title.length).toBeGreaterThan(10);
      expect(rule.why.length).toBeGreaterThan(10);
      expect(rule.source).toMatch(/^https:\/\//);
    }
  });

  test('findRule finds by id, case-insensitively', () => {
    expect(findRule('udp101')?.title).toBe('Service port must be between 1 and 65535');
    expect(findRule('UDP999')).toBeUndefined();
  });
});

describe('the engine', () => {
  const bad = service({ ports: [{ port: 0, protocol: 'UDP' }] });

  test('a finding carries the rule, the object and the field', () => {
    expect(checkObjects([bad], OBJECT_RULES)).toEqual([{
      ruleId: 'UDP101',
      severity: Severity.ERROR,
      source: SVC,
      object: { kind: 'Service', name: 'svc', namespace: undefined, index: 0 },
      field: 'spec.ports[0].port',
      value: 0,
      message: 'must be between 1 and 65535 inclusive',
      allowed: 'a whole number 1..65535',
    }]);
  });

  test('disabled rules are skipped; severities can be overridden', () => {
    expect(ids([bad], { disabled: ['udp101'] })).toEqual([]);
    expect(checkObjects([bad], OBJECT_RULES, { severities: { UDP101: Severity.WARNING } })[0].severity).toBe(Severity.WARNING);
  });

  test('the disable annotation silences rules for one object', () => {
    const silenced = service({ ports: [{ port: 0, protocol: 'UDP' }] }, {
      name: 'svc', annotations: { [DISABLE_RULES_ANNOTATION]: 'UDP999, udp101' },
    });
    expect(ids([silenced, bad])).toEqual(['UDP101']);
  });

  test('per-object options: disabled rules and the node port range of one object, over the run\'s', () => {
    const a = service({ type: 'NodePort', ports: [{ port: 0, protocol: 'UDP', nodePort: 20053 }] }, { name: 'a' });
    const b = service({ type: 'NodePort', ports: [{ port: 0, protocol: 'UDP', nodePort: 20054 }] }, { name: 'b' });
    const perObject = new Map([[a, { disabled: ['udp101'], nodePortRange: PortRange.of(20000, 20100) }]]);
    expect(checkObjects([a, b], OBJECT_RULES, { perObject }).map((f) => `${f.object!.name} ${f.ruleId}`)).toEqual([
      'b UDP101', 'b UDP102',
    ]);
  });

  test('the node port range is configurable', () => {
    const s = service({ type: 'NodePort', ports: [{ port: 53, protocol: 'UDP', nodePort: 20053 }] });
    expect(ids([s])).toEqual(['UDP102']);
    expect(ids([s], { nodePortRange: PortRange.of(20000, 20100) })).toEqual([]);
  });

  test('formatFinding renders [ID] where: field value: message (allowed; source) and a fix', () => {
    expect(formatFinding(checkObjects([bad], OBJECT_RULES)[0], 'chart/svc')).toBe(
      `[UDP101] chart/svc: spec.ports[0].port 0: must be between 1 and 65535 inclusive (a whole number 1..65535; ${SVC})`,
    );
    expect(renderValue(undefined)).toBe('(unset)');
    expect(renderValue('x'.repeat(200))).toHaveLength(120);
  });

  test('objects of other namespaces are not related', () => {
    const s = service({ selector: { app: 'x' }, ports: [{ port: 53, protocol: 'UDP', targetPort: 'dns' }] }, { name: 's', namespace: 'a' });
    const d = { ...deployment('d', { app: 'x' }, { containers: [{ name: 'c', ports: [{ containerPort: 53, name: 'dns' }] }] }), metadata: { name: 'd', namespace: 'b' } };
    expect(ids([s, d])).toEqual([]);
  });

  test('an object without a namespace may relate to a namespaced one (Helm output often omits it)', () => {
    const s = service({ selector: { app: 'x' }, ports: [{ port: 53, protocol: 'UDP', targetPort: 'dns' }] }, { name: 's', namespace: 'a' });
    const d = deployment('d', { app: 'x' }, { containers: [{ name: 'c', ports: [{ containerPort: 53, name: 'dns' }] }] });
    expect(ids([s, d])).toEqual(['UDP201', 'UDP204', 'UDP205']);
  });

  test('linted input of the wrong shape produces findings, never a TypeError', () => {
    const junk: KubeObject[] = [
      { kind: 'Service', spec: { ports: 'nope', selector: 3 } },
      { kind: 'Service', spec: { ports: [null, 7, { port: '53', protocol: 'udp', name: 5, targetPort: true, nodePort: 'x' }] } },
      { kind: 'Deployment', spec: { template: { spec: { containers: [null, { ports: [3], readinessProbe: 1 }] } } } },
      { kind: 'Service', metadata: { labels: { a: 1 }, annotations: 'x' }, spec: { sessionAffinity: 'ClientIP', sessionAffinityConfig: { clientIP: { timeoutSeconds: 'x' } } } },
    ];
    expect(() => checkObjects(junk, OBJECT_RULES)).not.toThrow();
    expect(ids(junk)).toEqual(expect.arrayContaining(['UDP101', 'UDP105', 'UDP110', 'UDP116', 'UDP130']));
  });
});

describe('Service rules not reachable through UdpService props', () => {
  test('UDP110: a protocol that is not TCP, UDP or SCTP (case-sensitive)', () => {
    const findings = checkObjects([service({ ports: [{ port: 53, protocol: 'udp' }] })], OBJECT_RULES);
    expect(findings.map((f) => formatFinding(f, 'svc'))).toEqual([
      `[UDP110] svc: spec.ports[0].protocol "udp": is not a supported protocol (TCP, UDP, SCTP; ${SVC})`,
    ]);
  });

  test('UDP104: TCP and UDP of the same port may share a nodePort; the same protocol twice may not', () => {
    const shared = service({
      type: 'NodePort',
      ports: [
        { name: 'a', port: 53, protocol: 'TCP', nodePort: 30053 },
        { name: 'b', port: 53, protocol: 'UDP', nodePort: 30053 },
      ],
    });
    expect(ids([shared])).toEqual([]);
    const twice = service({
      type: 'NodePort',
      ports: [
        { name: 'a', port: 53, protocol: 'UDP', nodePort: 30053, targetPort: 53 },
        { name: 'b', port: 53, protocol: 'UDP', nodePort: 30053, targetPort: 54 },
      ],
    });
    expect(checkObjects([twice], OBJECT_RULES).map((f) => `${f.ruleId} ${f.field} ${f.message}`)).toEqual([
      'UDP104 spec.ports[1].nodePort duplicates spec.ports[0] with the same protocol UDP',
      'UDP108 spec.ports[1].port duplicates spec.ports[0]: port 53 with protocol UDP is declared twice',
    ]);
  });

  test('UDP112: externalTrafficPolicy allowed on ClusterIP with externalIPs; unknown values refused', () => {
    expect(ids([service({ externalTrafficPolicy: 'Local', externalIPs: ['192.0.2.1'], ports: [{ port: 53, protocol: 'UDP' }] })])).toEqual([]);
    expect(ids([service({ type: 'NodePort', externalTrafficPolicy: 'local', ports: [{ port: 53, protocol: 'UDP' }] })])).toEqual(['UDP112']);
  });

  test('UDP113: healthCheckNodePort only on LoadBalancer + Local, inside the range', () => {
    const lb = (extra: Record<string, unknown>) => service({ type: 'LoadBalancer', ports: [{ port: 53, protocol: 'UDP' }], ...extra });
    expect(ids([lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 32000 })])).toEqual([]);
    expect(ids([lb({ externalTrafficPolicy: 'Cluster', healthCheckNodePort: 32000 })])).toEqual(['UDP113']);
    expect(ids([lb({ externalTrafficPolicy: 'Local', healthCheckNodePort: 80 })])).toEqual(['UDP113']);
  });

  test('UDP116: sessionAffinityConfig without ClientIP, and unknown affinities', () => {
    expect(ids([service({ sessionAffinity: 'None', sessionAffinityConfig: { clientIP: { timeoutSeconds: 10 } }, ports: [{ port: 1, protocol: 'UDP' }] })])).toEqual(['UDP116']);
    expect(ids([service({ sessionAffinity: 'Sticky', ports: [{ port: 1, protocol: 'UDP' }] })])).toEqual(['UDP116']);
  });

  test('UDP117: ports required unless headless or ExternalName; unknown types refused', () => {
    expect(ids([service({})])).toEqual(['UDP117']);
    expect(ids([service({ clusterIP: 'None' })])).toEqual([]);
    expect(ids([service({ type: 'ExternalName', externalName: 'example.com' })])).toEqual([]);
    expect(ids([service({ type: 'Balancer', ports: [{ port: 1 }] })])).toEqual(['UDP117']);
  });

  test('UDP118: internalTrafficPolicy values', () => {
    expect(ids([service({ internalTrafficPolicy: 'Local', ports: [{ port: 1, protocol: 'UDP' }] })])).toEqual([]);
    expect(ids([service({ internalTrafficPolicy: 'Node', ports: [{ port: 1, protocol: 'UDP' }] })])).toEqual(['UDP118']);
  });

  test('UDP119: IP families', () => {
    const s = (extra: Record<string, unknown>) => service({ ports: [{ port: 1, protocol: 'UDP' }], ...extra });
    expect(ids([s({ ipFamilyPolicy: 'RequireDualStack', ipFamilies: ['IPv6', 'IPv4'] })])).toEqual([]);
    expect(checkObjects([s({ ipFamilies: ['IPv4', 'IPv6'] })], OBJECT_RULES)[0].message)
      .toBe('lists two families but ipFamilyPolicy is unset (SingleStack)');
    expect(ids([s({ ipFamilyPolicy: 'DualStack', ipFamilies: ['IPv4', 'IPv4', 'IPv5'] })])).toEqual(['UDP119', 'UDP119', 'UDP119', 'UDP119']);
  });

  test('UDP131: annotation keys and total size', () => {
    const big = service({ ports: [{ port: 1, protocol: 'UDP' }] }, { name: 'svc', annotations: { 'example.com/x': 'y'.repeat(262144), 'bad key!': '' } });
    expect(checkObjects([big], OBJECT_RULES).map((f) => `${f.ruleId} ${f.field} ${renderValue(f.value)}`)).toEqual([
      'UDP131 metadata.annotations key "bad key!"',
      'UDP131 metadata.annotations "262165 bytes"',
    ]);
  });

  test('UDP132: namespace must be a DNS-1123 label', () => {
    expect(ids([service({ ports: [{ port: 1, protocol: 'UDP' }] }, { name: 'svc', namespace: 'Team_A' })])).toEqual(['UDP132']);
  });
});

describe('workload rules', () => {
  const udp = service({ selector: { app: 'dns' }, ports: [{ port: 53, protocol: 'UDP' }] });

  test('UDP203: a tcpSocket probe on a UDP-only port (by number and by name)', () => {
    const d = deployment('dns', { app: 'dns' }, {
      containers: [{
        name: 'dns',
        ports: [{ containerPort: 53, protocol: 'UDP', name: 'dns' }],
        readinessProbe: { tcpSocket: { port: 'dns' } },
        livenessProbe: { tcpSocket: { port: 53 } },
      }],
    }, 2);
    expect(checkObjects([d], OBJECT_RULES).map((f) => formatFinding(f, 'Deployment/dns'))).toEqual([
      `[UDP203] Deployment/dns: spec.template.spec.containers[0].readinessProbe.tcpSocket.port "dns": probes port 53 over TCP, but container "dns" declares it only as UDP, so the probe never passes (a probe on a TCP or HTTP port that reflects the UDP server's health; ${Sources.PROBES}) Fix: use the UDP health-check sidecar (UdpHealthCheck) and an httpGet readinessProbe on it, or an exec probe`,
      `[UDP203] Deployment/dns: spec.template.spec.containers[0].livenessProbe.tcpSocket.port 53: probes port 53 over TCP, but container "dns" declares it only as UDP, so the probe never passes (a probe on a TCP or HTTP port that reflects the UDP server's health; ${Sources.PROBES}) Fix: use the UDP health-check sidecar (UdpHealthCheck) and an httpGet readinessProbe on it, or an exec probe`,
    ]);
  });

  test('UDP203 does not fire when the port also serves TCP', () => {
    const d = deployment('dns', { app: 'dns' }, {
      containers: [{ name: 'dns', ports: [{ containerPort: 53, protocol: 'UDP' }, { containerPort: 53, protocol: 'TCP' }], readinessProbe: { tcpSocket: { port: 53 } } }],
    }, 2);
    expect(ids([d])).toEqual([]);
  });

  test('UDP203: httpGet and grpc probes open TCP connections too', () => {
    const d = deployment('dns', { app: 'dns' }, {
      containers: [{
        name: 'dns',
        ports: [{ containerPort: 53, protocol: 'UDP' }],
        startupProbe: { httpGet: { path: '/', port: 53 } },
        livenessProbe: { grpc: { port: 53 } },
      }],
    }, 2);
    expect(checkObjects([d], OBJECT_RULES).map((f) => `${f.ruleId} ${f.field}`)).toEqual([
      'UDP203 spec.template.spec.containers[0].startupProbe.httpGet.port',
      'UDP203 spec.template.spec.containers[0].livenessProbe.grpc.port',
    ]);
  });

  test('UDP206: the TCP startup probe cdk8s-plus derives from portNumber, on a port only a UDP Service reaches', () => {
    // what cdk8s-plus emits for `portNumber: 7777` when nothing adjusts the workload for UDP
    const d = deployment('game', { app: 'game' }, {
      containers: [{ name: 'game', ports: [{ containerPort: 7777 }], startupProbe: { failureThreshold: 3, tcpSocket: { port: 7777 } } }],
    }, 2);
    const udpGame = service({ selector: { app: 'game' }, ports: [{ port: 7777, protocol: 'UDP' }] }, { name: 'game' });
    const findings = checkObjects([udpGame, d], OBJECT_RULES).filter((f) => f.ruleId === 'UDP206');
    expect(findings.map((f) => formatFinding(f, 'Deployment/game'))).toEqual([
      `[UDP206] Deployment/game: spec.template.spec.containers[0].startupProbe.tcpSocket.port 7777: probes port 7777 over TCP, but only UDP Services send traffic to it and container "game" declares it with no protocol, so a UDP-only server never passes the probe (the port declared with protocol UDP, and a probe on a TCP or HTTP port that reflects the UDP server's health; ${Sources.PROBES}) Fix: declare the port UDP and drop the TCP probe (k8s-udp-constructs does both for cdk8s-plus workloads); silence UDP206 if the server also listens on TCP there`,
    ]);
    expect(findings[0].severity).toBe(Severity.ERROR);
  });

  test('UDP206 does not fire when a TCP Service also reaches the port, or the port is declared TCP on purpose', () => {
    const probe = { tcpSocket: { port: 53 } };
    const implicit = deployment('dns', { app: 'dns' }, { containers: [{ name: 'dns', ports: [{ containerPort: 53 }], readinessProbe: probe }] }, 2);
    const explicit = deployment('dns', { app: 'dns' }, { containers: [{ name: 'dns', ports: [{ containerPort: 53, protocol: 'TCP' }], readinessProbe: probe }] }, 2);
    const tcp = service({ selector: { app: 'dns' }, ports: [{ port: 53, protocol: 'TCP' }] }, { name: 'dns-tcp' });
    expect(ids([udp, tcp, implicit])).not.toContain('UDP206');
    expect(ids([udp, explicit])).not.toContain('UDP206');
    expect(ids([udp, implicit])).toContain('UDP206');
  });

  test('UDP204 and UDP205 fire only for pods behind a UDP Service', () => {
    const d = deployment('dns', { app: 'dns' }, { containers: [{ name: 'dns', ports: [{ containerPort: 53, protocol: 'UDP' }] }] });
    expect(ids([d])).toEqual([]);
    expect(ids([udp, d])).toEqual(['UDP204', 'UDP205']);
    const tcp = service({ selector: { app: 'dns' }, ports: [{ port: 53, protocol: 'TCP' }] });
    expect(ids([tcp, d])).toEqual([]);
  });

  test('UDP201: a named UDP targetPort that no container declares', () => {
    const s = service({ selector: { app: 'dns' }, ports: [{ port: 53, protocol: 'UDP', targetPort: 'dns' }] });
    const d = deployment('dns', { app: 'dns' }, { containers: [{ name: 'dns', readinessProbe: { exec: { command: ['true'] } } }] }, 3);
    expect(checkObjects([s, d], OBJECT_RULES).map((f) => f.message)).toEqual([
      'Deployment/dns declares no port named "dns", so this UDP port has no endpoints there',
    ]);
  });

  test('pods of Pods, StatefulSets, DaemonSets, Jobs and CronJobs are found', () => {
    const podSpec = { containers: [{ name: 'c', ports: [{ containerPort: 53 }] }] };
    const template = { metadata: { labels: { app: 'dns' } }, spec: podSpec };
    const owners: KubeObject[] = [
      { kind: 'Pod', metadata: { name: 'p', labels: { app: 'dns' } }, spec: podSpec },
      { kind: 'StatefulSet', metadata: { name: 's' }, spec: { replicas: 3, template } },
      { kind: 'DaemonSet', metadata: { name: 'd' }, spec: { template } },
      { kind: 'CronJob', metadata: { name: 'c' }, spec: { jobTemplate: { spec: { template } } } },
    ];
    const findings = checkObjects([udp, ...owners], OBJECT_RULES).filter((f) => f.ruleId === 'UDP202');
    expect(findings.map((f) => `${f.object?.kind} ${f.field}`)).toEqual([
      'Pod spec.containers[0].ports[0].protocol',
      'StatefulSet spec.template.spec.containers[0].ports[0].protocol',
      'DaemonSet spec.template.spec.containers[0].ports[0].protocol',
      'CronJob spec.jobTemplate.spec.template.spec.containers[0].ports[0].protocol',
    ]);
  });
});

test('UDP205 leaves a workload alone that a HorizontalPodAutoscaler scales', () => {
  const udp = service({ selector: { app: 'dns' }, ports: [{ port: 53, protocol: 'UDP' }] });
  const d = deployment('dns', { app: 'dns' }, { containers: [{ name: 'dns', readinessProbe: { exec: { command: ['true'] } } }] });
  const hpa: KubeObject = { kind: 'HorizontalPodAutoscaler', metadata: { name: 'dns' }, spec: { scaleTargetRef: { kind: 'Deployment', name: 'dns' }, minReplicas: 2, maxReplicas: 5 } };
  expect(ids([udp, d])).toEqual(['UDP205']);
  expect(ids([udp, d, hpa])).toEqual([]);
});

test('UDP133: names of other kinds are DNS-1123 subdomains', () => {
  const bad: KubeObject = { apiVersion: 'externaldns.k8s.io/v1alpha1', kind: 'DNSEndpoint', metadata: { name: 'Bad_Name' }, spec: {} };
  expect(checkObjects([bad], OBJECT_RULES).map((f) => formatFinding(f, 'x'))).toEqual([
    `[UDP133] x: metadata.name "Bad_Name": must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (a DNS-1123 subdomain: lower case alphanumerics, '-' and '.', at most 253 characters; ${Sources.NAME_VALIDATION})`,
  ]);
  expect(ids([{ ...bad, metadata: { name: 'kerberos-srv.udp' } }])).toEqual([]);
});
