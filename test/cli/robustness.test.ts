import * as fc from 'fast-check';
import { stringify } from 'yaml';
import { run } from './helpers';
import { parseManifests } from '../../src/cli/load';
import { LINT_RULES } from '../../src/cli/rules';
import { checkObjects } from '../../src/rules/engine';

/** Keys the rules read, so that random objects reach deep into them. */
const KEYS = [
  'ports', 'port', 'protocol', 'targetPort', 'name', 'containers', 'template', 'spec', 'metadata', 'labels', 'selector', 'type',
  'annotations', 'endpoints', 'targets', 'recordType', 'dnsName', 'recordTTL', 'nodePort', 'readinessProbe', 'startupProbe',
  'tcpSocket', 'containerPort', 'replicas', 'externalTrafficPolicy', 'items', 'scaleTargetRef', 'kind', 'namespace',
  'service.beta.kubernetes.io/aws-load-balancer-type', 'service.beta.kubernetes.io/aws-load-balancer-healthcheck-port',
  'service.beta.kubernetes.io/aws-load-balancer-eip-allocations', 'external-dns.kubernetes.io/ttl',
];
const leaf = fc.oneof(
  fc.constant(null), fc.integer(), fc.double(), fc.string({ maxLength: 6 }), fc.boolean(),
  fc.constantFrom('UDP', 'TCP', 'LoadBalancer', 'Local', 'SRV', 'external', 'ip', 'nlb', 'traffic-port', 'dns', '0 0 53 a.', 'List'),
);
const value = fc.letrec((tie) => ({
  v: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 4, noNullPrototype: true })),
})).v;
const object = fc.record({
  apiVersion: fc.constantFrom('v1', 'apps/v1', 'externaldns.k8s.io/v1alpha1', 'autoscaling/v2'),
  kind: fc.constantFrom('Service', 'Deployment', 'Pod', 'DNSEndpoint', 'CronJob', 'HorizontalPodAutoscaler', 'StatefulSet', 'List'),
  metadata: value,
  spec: value,
});

test('no rule throws on any shape a YAML parser can produce', () => {
  fc.assert(fc.property(fc.array(object, { maxLength: 4 }), (objects) => {
    const text = objects.map((o) => stringify(o)).join('---\n');
    const parsed = parseManifests(text, 'fuzz.yaml').objects;
    const findings = checkObjects(parsed.map((o) => o.object), LINT_RULES);
    for (const finding of findings) {
      const where = parsed[finding.object!.index].locate(finding.field, finding.value);
      expect(where.line).toBeGreaterThanOrEqual(1);
    }
  }), { numRuns: 3000 });
});

test('the command line exits 0 or 1 (never crashes) on such input; 2 only for input without any object', async () => {
  await fc.assert(fc.asyncProperty(fc.array(object, { maxLength: 3 }), async (objects) => {
    const result = await run(['lint', '-', '--format', 'sarif'], { stdin: objects.map((o) => stringify(o)).join('---\n') });
    expect(objects.length === 0 ? [2] : [0, 1, 2]).toContain(result.code);
    if (result.code === 2) expect(result.stderr).toMatch(/is not a Kubernetes object|has no Kubernetes object to lint/);
  }), { numRuns: 200 });
});
