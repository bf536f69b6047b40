/*
 * Every argument of the Pulumi NlbUdpLoadBalancer, audited under Pulumi's mocks: a valid value changes what the
 * component registers (or is a warning), and a value of the wrong type is an error naming the argument, thrown
 * before any resource is registered, never a TypeError. The table is typed by the arguments interface.
 */
import { MockResourceRecorder } from '../../src/aws/mock-recorder';

const recorder = MockResourceRecorder.start({ project: 'test', stack: 'audit' });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const lib = require('../../src/pulumi') as typeof import('../../src/pulumi');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const pulumi = require('@pulumi/pulumi') as typeof import('@pulumi/pulumi');

type Args = import('../../src/pulumi').NlbUdpLoadBalancerArgs;

const SUBNETS = ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2'];
const BASE: Args = {
  vpcId: 'vpc-0123456789abcdef0',
  subnets: SUBNETS,
  ports: [{ port: 53, protocol: 'UDP', targetPort: 30053 }],
  healthCheck: { port: 30080 },
};

interface ArgCase {
  readonly valid: unknown;
  readonly wrong: unknown;
  readonly with?: Partial<Args>;
}

const CASES: Record<keyof Args, ArgCase> = {
  vpcId: { valid: 'vpc-0123456789abcdef1', wrong: 5 },
  subnets: { valid: [SUBNETS[0]], wrong: SUBNETS[0] },
  scheme: { valid: 'internet-facing', wrong: 'public' },
  eips: { valid: 'allocate', wrong: 2, with: { scheme: 'internet-facing' } },
  retainEipsOnDelete: { valid: false, wrong: 'false', with: { scheme: 'internet-facing', eips: 'allocate' } },
  crossZone: { valid: false, wrong: 'false' },
  ipAddressType: { valid: 'dualstack', wrong: 'ipv6' },
  ipv6SourceNatPrefix: { valid: false, wrong: 'off', with: { ipAddressType: 'dualstack' } },
  ports: { valid: [{ port: 54, protocol: 'UDP', targetPort: 30054 }], wrong: 53 },
  targetType: { valid: 'ip', wrong: 'pod' },
  targets: { valid: { instanceIds: ['i-0123456789abcdef0'] }, wrong: 'i-0123456789abcdef0' },
  healthCheck: { valid: { port: 30081 }, wrong: 5 },
  targetGroupAttributes: { valid: { deregistrationDelay: 30 }, wrong: 'deregistration_delay.timeout_seconds=30' },
  deletionProtection: { valid: true, wrong: 'true' },
  securityGroups: { valid: ['sg-0123456789abcdef0'], wrong: 'sg-0123456789abcdef0' },
  dns: { valid: { zoneId: 'Z0123456789', hostname: 'dns.example.com' }, wrong: 'dns.example.com' },
  tags: { valid: { team: 'games' }, wrong: 'team=games' },
  disabledRules: { valid: ['UDP509'], wrong: 'UDP509', with: { healthCheck: undefined } },
};

let serial = 0;

/** Registers the component and returns the inputs of what it registered, or the error thrown. */
async function register(args: Args): Promise<{ resources?: string; error?: string; warnings?: string }> {
  const name = `audit-${serial++}`;
  const warnings: string[] = [];
  const warn = jest.spyOn(pulumi.log, 'warn').mockImplementation(async (message: string) => {
    warnings.push(message.split(name).join('<name>'));
  });
  try {
    new lib.NlbUdpLoadBalancer(name, args);
    await recorder.settle();
    const mine = recorder.resources
      .filter((r) => r.name === name || r.name.startsWith(`${name}-`))
      .map((r) => ({ type: r.type, name: r.name, inputs: r.inputs, options: r.options }));
    return { resources: JSON.stringify(mine).split(name).join('<name>'), warnings: JSON.stringify(warnings) };
  } catch (error) {
    return { error: error instanceof lib.NlbUdpLoadBalancerError ? error.message : `not a finding: ${(error as Error).stack}` };
  } finally {
    warn.mockRestore();
  }
}

test('the baseline registers its resources', async () => {
  const result = await register(BASE);
  expect(result.error).toBeUndefined();
});

describe.each(Object.entries(CASES))('%s', (arg, { valid, wrong, with: extra }) => {
  test('a valid value takes effect', async () => {
    const without = await register({ ...BASE, ...extra } as Args);
    const result = await register({ ...BASE, ...extra, [arg]: valid } as Args);
    expect(result.error).toBeUndefined();
    expect(result.resources !== without.resources || result.warnings !== without.warnings).toBe(true);
  });

  test('a value of the wrong type is an error naming the argument, before any resource', async () => {
    const result = await register({ ...BASE, ...extra, [arg]: wrong } as Args);
    expect(result.error).toBeDefined();
    expect(result.error).not.toMatch(/^not a finding/);
    expect(result.error).toMatch(new RegExp(`\\] audit-\\d+: ${arg}\\b`));
  });
});
