/**
 * The Gateway API rules that stand for the API server, against the real one with the Gateway API v1.6.1 standard
 * CRDs of ../shared/crds installed: what the rule refuses, the server refuses too (by the CRD's schema, its CEL rules,
 * or a version it does not serve), and the nearest object the rule accepts is created.
 */
import { Cluster } from './cluster';
import { checkObjects, GatewayApiChannel, KubeObject, OBJECT_RULES, Severity } from '../../src';

jest.setTimeout(120_000);

const G = 'gateway.networking.k8s.io';
const gateway: KubeObject = {
  apiVersion: `${G}/v1`,
  kind: 'Gateway',
  metadata: { name: 'edge' },
  spec: { gatewayClassName: 'eg', listeners: [{ name: 'dns-udp', port: 53, protocol: 'UDP', allowedRoutes: { kinds: [{ kind: 'UDPRoute' }] } }] },
};
function route(spec: Record<string, unknown> = {}, apiVersion = `${G}/v1`): KubeObject {
  return {
    apiVersion,
    kind: 'UDPRoute',
    metadata: { name: 'dns' },
    spec: { parentRefs: [{ name: 'edge', sectionName: 'dns-udp' }], rules: [{ backendRefs: [{ name: 'coredns', port: 53 }] }], ...spec },
  };
}

interface Case {
  readonly rule: string;
  readonly title: string;
  readonly refused: KubeObject;
  readonly server: RegExp;
  readonly accepted: KubeObject;
}

const CASES: readonly Case[] = [
  {
    rule: 'UDP701',
    title: 'a v1 UDPRoute with two rules',
    refused: route({ rules: [{ backendRefs: [{ name: 'a', port: 53 }] }, { backendRefs: [{ name: 'b', port: 53 }] }] }),
    server: /spec\.rules: Too many: 2: must have at most 1 items?/,
    accepted: route({ rules: [{ backendRefs: [{ name: 'a', port: 53, weight: 1 }, { name: 'b', port: 53, weight: 1 }] }] }),
  },
  {
    rule: 'UDP702',
    title: 'a backendRef to a Service without a port',
    refused: route({ rules: [{ backendRefs: [{ name: 'coredns' }] }] }),
    server: /Must have port for Service reference/,
    accepted: route(),
  },
  {
    rule: 'UDP707',
    title: 'a v1alpha2 UDPRoute on the standard channel',
    refused: route({}, `${G}/v1alpha2`),
    server: /the server serves no UDPRoute in gateway\.networking\.k8s\.io\/v1alpha2/,
    accepted: route(),
  },
];

const errors = (objects: readonly KubeObject[]) => checkObjects(objects, OBJECT_RULES, { gatewayApiChannel: GatewayApiChannel.STANDARD })
  .filter((f) => f.severity === Severity.ERROR).map((f) => f.ruleId);

let cluster: Cluster;
beforeAll(() => {
  cluster = Cluster.connect();
});

describe.each(CASES.map((c) => [`${c.rule} ${c.title}`, c] as const))('%s', (_name, c) => {
  test('the rule and the server both refuse it', async () => {
    expect(errors([gateway, c.refused])).toContain(c.rule);
    const { refused } = await cluster.createAndDelete([{ object: gateway, source: 'gateway' }, { object: c.refused, source: 'refused' }], c.rule);
    expect(refused).toEqual([expect.stringMatching(new RegExp(`^refused: .*${c.server.source}`))]);
  });

  test('the rule and the server both accept the nearest valid object', async () => {
    expect(errors([gateway, c.accepted])).toEqual([]);
    const { created, refused } = await cluster.createAndDelete([{ object: gateway, source: 'gateway' }, { object: c.accepted, source: 'accepted' }], c.rule);
    expect(refused).toEqual([]);
    expect(created).toHaveLength(2);
  });
});

test('UDP711: two listeners of one name are refused by the server (the construct refuses them before)', async () => {
  const twice = { ...gateway, spec: { gatewayClassName: 'eg', listeners: [{ name: 'dns', port: 53, protocol: 'UDP' }, { name: 'dns', port: 53, protocol: 'TCP' }] } };
  const { refused } = await cluster.createAndDelete([{ object: twice, source: 'refused' }], 'udp711');
  expect(refused).toEqual([expect.stringMatching(/^refused: .*Listener name must be unique within the Gateway/)]);
});
