import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

/** Loads `entry` in a fresh node process (through ts-node) and returns the node_modules files it loaded. */
function modulesLoadedBy(entry: string): string[] {
  const script = [
    `require(${JSON.stringify(entry)});`,
    'const loaded = Object.keys(require.cache).filter((f) => f.includes("node_modules"));',
    'process.stdout.write(JSON.stringify(loaded.map((f) => f.slice(f.lastIndexOf("node_modules/") + 13))));',
  ].join('\n');
  const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script], {
    cwd: ROOT,
    env: { ...process.env, TS_NODE_PROJECT: path.join(ROOT, 'tsconfig.dev.json') },
    encoding: 'utf8',
  });
  return JSON.parse(out) as string[];
}

describe('entry points load only what they need', () => {
  test('k8s-udp-constructs/pulumi (src/pulumi.ts) never loads the root @pulumi/aws module', () => {
    const loaded = modulesLoadedBy(path.join(ROOT, 'src', 'pulumi.ts'));
    const aws = loaded.filter((f) => f.startsWith('@pulumi/aws/'));
    expect(aws).not.toContain('@pulumi/aws/index.js');
    // The deep modules it does use.
    for (const deep of ['@pulumi/aws/lb/index.js', '@pulumi/aws/ec2/index.js', '@pulumi/aws/route53/index.js', '@pulumi/aws/autoscaling/index.js']) {
      expect(aws).toContain(deep);
    }
    // No other service module of @pulumi/aws (each is a directory directly under the package; files such as package.json are not modules).
    const services = new Set(aws.map((f) => f.split('/')[2]).filter((entry) => !entry.includes('.')));
    expect([...services].sort()).toEqual(['autoscaling', 'ec2', 'lb', 'route53', 'types']);
  }, 60_000);

  test('k8s-udp-constructs (src/index.ts) never loads any @pulumi module', () => {
    const loaded = modulesLoadedBy(path.join(ROOT, 'src', 'index.ts'));
    expect(loaded.filter((f) => f.startsWith('@pulumi/'))).toEqual([]);
  }, 60_000);
});
