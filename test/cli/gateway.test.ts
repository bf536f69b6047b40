import { run } from './helpers';

const ROUTE = `apiVersion: gateway.networking.k8s.io/v1alpha2
kind: UDPRoute
metadata:
  name: dns
spec:
  parentRefs:
    - name: edge
  rules:
    - backendRefs:
        - name: coredns
          port: 53
`;

describe('--gateway-api-channel reaches the rule on route versions', () => {
  test('UDP707 on the standard channel; silent on the experimental one and without the flag', async () => {
    const standard = await run(['lint', '-', '--format', 'json', '--gateway-api-channel', 'standard'], { stdin: ROUTE });
    expect(standard.code).toBe(1);
    expect(JSON.parse(standard.stdout).findings.map((f: any) => [f.ruleId, f.field])).toEqual([['UDP707', 'apiVersion']]);
    expect((await run(['lint', '-', '--gateway-api-channel', 'experimental'], { stdin: ROUTE })).code).toBe(0);
    expect((await run(['lint', '-'], { stdin: ROUTE })).code).toBe(0);
  });

  test('an unknown channel is a usage error', async () => {
    const result = await run(['lint', 'x.yaml', '--gateway-api-channel', 'alpha']);
    expect([result.code, result.stderr]).toEqual([2, 'k8s-udp lint: --gateway-api-channel: "alpha" is not standard or experimental\n']);
  });
});
