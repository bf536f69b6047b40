/**
 * Benchmarks of `k8s-udp-constructs/pulumi`, called by bench/run.ts (`benchPulumi`), runnable alone:
 * `npx ts-node --project tsconfig.dev.json bench/pulumi.ts`.
 *
 * - 100 `NlbUdpLoadBalancer`s under Pulumi's mocks vs the same resources declared directly with `@pulumi/aws`
 *   (goal <= 1.2x time): the price of the checks, the component resource and the outputs.
 * - The import cost of `k8s-udp-constructs/pulumi` vs requiring the deep `@pulumi/aws` modules it needs
 *   (`@pulumi/pulumi`, `@pulumi/aws/lb`, `/ec2`, `/route53`, `/autoscaling`) (goal <= 1.1x).
 *
 * Every sample runs in a fresh Node.js process on compiled JavaScript: lib/ when it is up to date with src/, else a
 * fresh `tsc` build into .bench/pulumi-lib (so that no TypeScript compiler is timed). Figures are ratios of medians
 * of BENCH_RUNS runs (default 5), the two variants alternating run by run.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BenchRow, median } from './report';

const root = path.resolve(__dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** The compiled library to measure, compiling a private copy when lib/ is missing or older than src/. */
function compiledLibrary(): { dir: string; note: string } {
  const lib = path.join(root, 'lib');
  const newest = (dir: string, ext: string): number => {
    let latest = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) latest = Math.max(latest, newest(full, ext));
      else if (entry.name.endsWith(ext)) latest = Math.max(latest, fs.statSync(full).mtimeMs);
    }
    return latest;
  };
  if (fs.existsSync(path.join(lib, 'pulumi.js')) && newest(lib, '.js') >= newest(path.join(root, 'src'), '.ts')) {
    return { dir: lib, note: 'lib/' };
  }
  const out = path.join(root, '.bench', 'pulumi-lib');
  fs.rmSync(out, { recursive: true, force: true });
  try {
    execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json', '--outDir', out], {
      cwd: root, stdio: 'pipe',
    });
  } catch {
    // tsc exits non-zero on type errors elsewhere but still emits (noEmitOnError is false).
  }
  return { dir: out, note: 'a fresh tsc build (lib/ was missing or older than src/)' };
}

/** The worker: runs in a fresh process, prints one JSON line. */
const WORKER = String.raw`
const [mode, libDir, countText] = process.argv.slice(1);
const count = Number(countText);
const t0 = process.hrtime.bigint();
if (mode === 'import-ours') {
  require(libDir + '/pulumi.js');
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rootAws = Object.keys(require.cache).some((f) => f.endsWith('/@pulumi/aws/index.js'));
  console.log(JSON.stringify({ ms, rootAws }));
} else if (mode === 'import-deep') {
  require('@pulumi/pulumi');
  const lb = require('@pulumi/aws/lb'); const ec2 = require('@pulumi/aws/ec2');
  const r53 = require('@pulumi/aws/route53'); const asg = require('@pulumi/aws/autoscaling');
  // Touch the lazily loaded classes the component uses, as the component's module does.
  void [lb.LoadBalancer, lb.TargetGroup, lb.Listener, lb.TargetGroupAttachment, ec2.Eip, r53.Record, asg.Attachment];
  console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - t0) / 1e6 }));
} else {
  const pulumi = require('@pulumi/pulumi');
  pulumi.runtime.setMocks({
    newResource: (a) => ({ id: a.name + '-id', state: { ...a.inputs, arn: 'arn:' + a.name, dnsName: a.name + '.elb', zoneId: 'Z1', allocationId: 'eipalloc-' + a.name, publicIp: '203.0.113.1' } }),
    call: (a) => a.inputs,
  }, 'bench', 'bench');
  const settings = require('@pulumi/pulumi/runtime/settings');
  const ours = mode === 'component' ? require(libDir + '/pulumi.js') : undefined;
  const lb = require('@pulumi/aws/lb'); const ec2 = require('@pulumi/aws/ec2');
  const r53 = require('@pulumi/aws/route53'); const asg = require('@pulumi/aws/autoscaling');
  const subnets = ['subnet-0aaaaaaaaaaaaaaa1', 'subnet-0aaaaaaaaaaaaaaa2', 'subnet-0aaaaaaaaaaaaaaa3'];
  const start = process.hrtime.bigint();
  for (let n = 0; n < count; n++) {
    const name = 'dns' + n;
    const hostname = name + '.example.com';
    if (ours) {
      new ours.NlbUdpLoadBalancer(name, {
        vpcId: 'vpc-0123456789abcdef0', subnets: subnets, scheme: 'internet-facing', eips: 'allocate',
        ports: [{ port: 53, protocol: 'TCP_UDP', targetPort: 30053 }],
        targets: { autoScalingGroupNames: ['ng-1'] },
        healthCheck: { protocol: 'TCP', port: 30081, interval: ours.Duration.seconds(10), timeout: ours.Duration.seconds(5) },
        dns: { zoneId: 'Z1', hostname, srv: [{ service: 'domain', protocol: 'udp' }, { service: 'domain', protocol: 'tcp' }] },
      });
    } else {
      const eips = subnets.map((s, i) => new ec2.Eip(name + '-eip-' + i, { domain: 'vpc' }, { retainOnDelete: true }));
      const nlb = new lb.LoadBalancer(name + '-nlb', {
        loadBalancerType: 'network', internal: false, ipAddressType: 'ipv4',
        subnetMappings: subnets.map((subnetId, i) => ({ subnetId, allocationId: eips[i].allocationId })),
        enableCrossZoneLoadBalancing: true, enableDeletionProtection: false,
      }, { deleteBeforeReplace: true });
      const tg = new lb.TargetGroup(name + '-tg-tcp-udp-53', {
        vpcId: 'vpc-0123456789abcdef0', port: 30053, protocol: 'TCP_UDP', targetType: 'instance',
        healthCheck: { enabled: true, protocol: 'TCP', port: '30081', interval: 10, timeout: 5, healthyThreshold: 5, unhealthyThreshold: 2 },
      });
      new lb.Listener(name + '-listener-tcp-udp-53', { loadBalancerArn: nlb.arn, port: 53, protocol: 'TCP_UDP', defaultActions: [{ type: 'forward', targetGroupArn: tg.arn }] });
      new asg.Attachment(name + '-tcp-udp-53-asg-ng-1', { autoscalingGroupName: 'ng-1', lbTargetGroupArn: tg.arn });
      new r53.Record(name + '-a', { zoneId: 'Z1', name: hostname, type: 'A', aliases: [{ name: nlb.dnsName, zoneId: nlb.zoneId, evaluateTargetHealth: true }] });
      for (const proto of ['udp', 'tcp']) {
        new r53.Record(name + '-srv-domain-' + proto, { zoneId: 'Z1', name: '_domain._' + proto + '.' + hostname, type: 'SRV', ttl: 300, records: ['10 100 53 ' + hostname + '.'] });
      }
    }
  }
  settings.waitForRPCs().then(() => {
    console.log(JSON.stringify({ ms: Number(process.hrtime.bigint() - start) / 1e6 }));
  });
}
`;

interface Sample { readonly ms: number; readonly rootAws?: boolean }

function sample(mode: string, libDir: string, count = 0): Sample {
  const out = execFileSync(process.execPath, ['-e', WORKER, mode, libDir, String(count)], {
    cwd: root, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(out.trim().split('\n').pop()!) as Sample;
}

function alternate(a: () => Sample, b: () => Sample, runs: number): { a: Sample[]; b: Sample[] } {
  a(); // warm the file cache
  b();
  const result = { a: [] as Sample[], b: [] as Sample[] };
  for (let i = 0; i < runs; i++) {
    result.a.push(a());
    result.b.push(b());
  }
  return result;
}

const med = (samples: Sample[]) => median(samples.map((s) => s.ms));

/** The Pulumi rows of BENCHMARKS.md. */
export async function benchPulumi(): Promise<BenchRow[]> {
  const { dir, note } = compiledLibrary();
  const rows: BenchRow[] = [];

  const build = alternate(() => sample('component', dir, 100), () => sample('direct', dir, 100), RUNS);
  const buildRatio = med(build.a) / med(build.b);
  rows.push({
    group: 'Pulumi',
    name: '100 NlbUdpLoadBalancer (11 resources each) vs the same resources declared directly, under mocks: time',
    measured: `${buildRatio.toFixed(2)}x`,
    goal: '<= 1.2x',
    met: buildRatio <= 1.2,
    note: `median of ${RUNS}: component ${med(build.a).toFixed(0)} ms, direct ${med(build.b).toFixed(0)} ms; compiled code from ${note}`,
  });

  const runs = Math.max(RUNS, 7);
  const imports = alternate(() => sample('import-ours', dir), () => sample('import-deep', dir), runs);
  const importRatio = med(imports.a) / med(imports.b);
  rows.push({
    group: 'Pulumi',
    name: "require('k8s-udp-constructs/pulumi') vs require of @pulumi/pulumi and the deep @pulumi/aws modules it needs: time",
    measured: `${importRatio.toFixed(2)}x`,
    goal: '<= 1.1x',
    met: importRatio <= 1.1,
    note: `median of ${runs} fresh processes: ours ${med(imports.a).toFixed(0)} ms, deep modules ${med(imports.b).toFixed(0)} ms`,
  });
  const rootAws = imports.a.some((s) => s.rootAws);
  rows.push({
    group: 'Pulumi',
    name: "require('k8s-udp-constructs/pulumi') never loads the root @pulumi/aws",
    measured: rootAws ? 'loaded' : 'not loaded',
    goal: 'not loaded',
    met: !rootAws,
  });
  return rows;
}

if (require.main === module) {
  benchPulumi().then((rows) => {
    for (const row of rows) console.log(`${row.met ? 'ok  ' : 'MISS'} ${row.name}: ${row.measured} (goal ${row.goal}) ${row.note ?? ''}`);
  }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
