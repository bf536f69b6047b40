/**
 * The UDP health-check sidecar, measured on this machine: memory idle and under 100 checks per second, health-answer
 * latency, time from a UDP server's death to an unhealthy answer, and the default image's size. The sidecar runs
 * exactly as in the pod (the synthesized command, environment and ConfigMap script, under busybox sh), with Debian's
 * busybox instead of the image's static uClibc busybox: its static build (busybox-static, the closest to the image)
 * and its dynamic build (the one the tests use).
 *
 * Goals: seed 003's Rust sidecar (a 6 MB image, under 1 MiB of RAM).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Duration } from 'cdk8s';
import { BenchRow, median } from './report';
import { UDP_HEALTH_DEFAULT_IMAGE, UDP_HEALTH_DEFAULT_IMAGE_COMPRESSED_BYTES, UdpHealthCheckProps, UdpProbe } from '../src/sidecar';
import {
  freePort, httpRequest, requirePrograms, RunningSidecar, sleep, synthesizeSidecar, UdpServer, waitFor,
} from '../test/sidecar/harness';

const GROUP = 'Sidecar';
const MIB = 1024;

interface Memory { readonly pss: number; readonly rss: number; readonly anon: number; readonly processes: number }

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const kib = (n: number) => `${Math.round(n)} KiB`;

async function start(props: Omit<UdpHealthCheckProps, 'httpPort'>, udpPorts: number[], busybox?: string): Promise<{ sidecar: RunningSidecar; port: number }> {
  const port = await freePort('tcp');
  const sidecar = RunningSidecar.start(synthesizeSidecar({ ...props, httpPort: port }, udpPorts), { busybox });
  await waitFor('the sidecar to answer 200', async () => (await httpRequest(port)).status === 200, 20_000);
  return { sidecar, port };
}

/**
 * A statically linked busybox, like the image's (static uClibc): Debian's busybox-static, fetched with
 * `apt-get download` and unpacked into a temporary directory (it conflicts with the busybox package, so it is not
 * installed). `undefined` when apt cannot fetch it.
 */
function staticBusybox(): string | undefined {
  const dir = join(tmpdir(), 'k8s-udp-bench-busybox-static');
  const binary = join(dir, 'root', 'bin', 'busybox');
  if (existsSync(binary)) return binary;
  try {
    mkdirSync(dir, { recursive: true });
    execFileSync('apt-get', ['download', '-q', 'busybox-static'], { cwd: dir, stdio: 'ignore' });
    const deb = readdirSync(dir).find((f) => f.startsWith('busybox-static_') && f.endsWith('.deb'));
    if (!deb) return undefined;
    execFileSync('dpkg-deb', ['-x', join(dir, deb), join(dir, 'root')], { stdio: 'ignore' });
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/** What one run of `measure` found. */
interface Measured {
  readonly label: string;
  readonly idle: Memory[];
  readonly loaded: Memory[];
  readonly latencies: number[];
  readonly failures: number;
  readonly seconds: number;
}

/** Memory idle and under 100 checks/s, and the latency of those checks, for one sidecar with all three modes. */
async function measure(busybox: string | undefined, label: string): Promise<Measured> {
  const echo = new UdpServer(await freePort('udp'), 'echo');
  const dns = new UdpServer(await freePort('udp'), { dns: 'NOERROR' });
  await echo.start();
  await dns.start();
  const { sidecar, port } = await start({
    probes: [
      UdpProbe.bound(dns.port),
      UdpProbe.exchange(echo.port, { payload: 'ping', expect: '^ping$' }),
      UdpProbe.dns(dns.port, { name: 'example.com' }),
    ],
    // The Debian busybox has no `nc -u`: netcat 1.10 plays the official image's busybox netcat (see os-packages.sh).
    udpClient: 'nc.traditional',
  }, [echo.port, dns.port], busybox);
  try {
    // Idle: samples every 100 ms over 6 s, which spans a probe round with its short-lived nc, nslookup and awk.
    const idle: Memory[] = [];
    for (let i = 0; i < 60; i++) {
      idle.push(sidecar.memoryBreakdownKiB());
      await sleep(100);
    }
    // Load: 100 checks per second for 10 s, one new connection each (as kubelet and NLB checkers do).
    const latencies: number[] = [];
    const loaded: Memory[] = [];
    let failures = 0;
    const pending: Array<Promise<void>> = [];
    const startedAt = Date.now();
    for (let i = 0; i < 1000; i++) {
      const wait = startedAt + i * 10 - Date.now();
      if (wait > 0) await sleep(wait);
      const t0 = process.hrtime.bigint();
      pending.push(httpRequest(port, '/healthz', 'GET', 10_000).then((answer) => {
        if (answer.status === 200) latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
        else failures++;
      }, () => { failures++; }));
      if (i % 10 === 0) loaded.push(sidecar.memoryBreakdownKiB());
    }
    await Promise.all(pending);
    return { label, idle, loaded, latencies, failures, seconds: (Date.now() - startedAt) / 1000 };
  } finally {
    await sidecar.stop();
    await echo.stop();
    await dns.stop();
  }
}

const med = (samples: Memory[], key: keyof Memory) => median(samples.map((m) => m[key]));
const max = (samples: Memory[], key: keyof Memory) => Math.max(...samples.map((m) => m[key]));

/** The rows of one measurement; `other` (the dynamic busybox) only adds figures to the notes. */
function memoryRows(m: Measured, other?: Measured): BenchRow[] {
  const setup = `${m.label}; probes bound + exchange + dns every 5 s; HTTP served (the default; a TCP listener adds one `
    + `resident nc); ${med(m.idle, 'processes')} resident processes (the sh prober, the nc HTTP listener)`;
  const also = (key: keyof Memory, samples: (x: Measured) => Memory[]) => (other
    ? ` With ${other.label}: ${kib(med(samples(other), key))}.` : '');
  const idleAnon = med(m.idle, 'anon');
  const idlePss = med(m.idle, 'pss');
  const loadAnon = med(m.loaded, 'anon');
  const loadPss = med(m.loaded, 'pss');
  const p50 = percentile(m.latencies, 50);
  const p99 = percentile(m.latencies, 99);
  const pssOver = ' Over the goal because of program text, not allocations: Pss counts the file pages of the busybox '
    + 'binary the processes run (Debian\'s static build is a 1.9 MB glibc binary), which are shared, reclaimable page '
    + 'cache; the image\'s uClibc busybox is smaller. Allocated memory is the anonymous row.';
  return [
    {
      group: GROUP,
      name: `Idle memory: anonymous pages summed over the sidecar's processes (${m.label})`,
      measured: kib(idleAnon),
      goal: '< 1 MiB (seed 003)',
      met: idleAnon < MIB,
      note: `median of 60 samples over 6 s (/proc/<pid>/smaps_rollup Anonymous): heap, stack and data the sidecar allocates; ${setup}.`
        + also('anon', (x) => x.idle),
    },
    {
      group: GROUP,
      name: `Idle memory: Pss summed, program text included (${m.label})`,
      measured: kib(idlePss),
      goal: '< 1 MiB (seed 003)',
      met: idlePss < MIB,
      note: `median of 60 samples; VmRSS ${kib(med(m.idle, 'rss'))}.${also('pss', (x) => x.idle)}${idlePss < MIB ? '' : pssOver}`,
    },
    {
      group: GROUP,
      name: `Memory under 100 checks/s: anonymous, median; max (${m.label})`,
      measured: `${kib(loadAnon)}; ${kib(max(m.loaded, 'anon'))}`,
      goal: '< 1 MiB (seed 003)',
      met: loadAnon < MIB,
      note: `1,000 GET /healthz over ${m.seconds.toFixed(1)} s, one connection each, each answered by one short-lived busybox sh; `
        + `sampled every 100 ms.${also('anon', (x) => x.loaded)}`,
    },
    {
      group: GROUP,
      name: `Memory under 100 checks/s: Pss, median; max (${m.label})`,
      measured: `${kib(loadPss)}; ${kib(max(m.loaded, 'pss'))}`,
      goal: '< 1 MiB (seed 003)',
      met: loadPss < MIB,
      note: `VmRSS median ${kib(med(m.loaded, 'rss'))}.${also('pss', (x) => x.loaded)}${loadPss < MIB ? '' : pssOver}`,
    },
    {
      group: GROUP,
      name: `Health-answer latency at 100 checks/s, p50 / p99 (${m.label})`,
      measured: `${p50.toFixed(1)} ms / ${p99.toFixed(1)} ms`,
      goal: 'p99 <= 100 ms',
      met: p99 <= 100 && m.failures === 0,
      note: `${m.latencies.length} answers, ${m.failures} failures; connect + request + answer on loopback, from the cached probe result.`
        + (other ? ` With ${other.label}: ${percentile(other.latencies, 50).toFixed(1)} ms / ${percentile(other.latencies, 99).toFixed(1)} ms.` : ''),
    },
  ];
}

/** Time from the UDP server's death (socket closed) to the first 503, for one mode and period. */
async function timeToUnhealthy(mode: 'bound' | 'exchange' | 'dns', periodSeconds: number, trials: number): Promise<number[]> {
  const udp = new UdpServer(await freePort('udp'), mode === 'exchange' ? 'echo' : mode === 'dns' ? { dns: 'NOERROR' } : 'silent');
  await udp.start();
  const probe = mode === 'bound' ? UdpProbe.bound(udp.port)
    : mode === 'exchange' ? UdpProbe.exchange(udp.port, { payload: 'ping' })
      : UdpProbe.dns(udp.port, { timeout: Duration.seconds(1) });
  const { sidecar, port } = await start({ probes: [probe], period: Duration.seconds(periodSeconds), udpClient: 'nc.traditional' }, [udp.port]);
  const times: number[] = [];
  try {
    for (let i = 0; i < trials; i++) {
      // Die at a random point of the probe cycle.
      await sleep(Math.random() * periodSeconds * 1000);
      const died = Date.now();
      await udp.stop();
      await waitFor('503', async () => (await httpRequest(port)).status === 503, 60_000);
      times.push((Date.now() - died) / 1000);
      await udp.start();
      await waitFor('200 again', async () => (await httpRequest(port)).status === 200, 60_000);
    }
  } finally {
    await sidecar.stop();
    await udp.stop();
  }
  return times;
}

async function detection(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const cases: Array<['bound' | 'exchange' | 'dns', number, number, number]> = [
    // mode, period, trials, worst probe time in seconds (bound: one awk; exchange: refused at once when the port
    // closes; dns: nslookup is refused at once too)
    ['bound', 5, 3, 1],
    ['bound', 1, 5, 1],
    ['exchange', 1, 5, 1],
    ['dns', 1, 5, 1],
  ];
  for (const [mode, period, trials, probe] of cases) {
    const times = await timeToUnhealthy(mode, period, trials);
    const worst = Math.max(...times);
    const goal = period + probe;
    rows.push({
      group: GROUP,
      name: `UDP server death to 503, ${mode} probe, period ${period} s (median; max)`,
      measured: `${median(times).toFixed(1)} s; ${worst.toFixed(1)} s`,
      goal: `<= ${goal} s (one period + one probe)`,
      met: worst <= goal + 0.5,
      note: `${trials} deaths at random points of the cycle; the check is polled every 100 ms. A server that stays bound `
        + 'but stops answering is caught by exchange/dns probes only after their timeout (netcat: 2x timeout).',
    });
  }
  return rows;
}

function image(): BenchRow {
  const mb = UDP_HEALTH_DEFAULT_IMAGE_COMPRESSED_BYTES / 1e6;
  return {
    group: GROUP,
    name: `Default image ${UDP_HEALTH_DEFAULT_IMAGE}, compressed (linux/amd64)`,
    measured: `${mb.toFixed(2)} MB`,
    goal: '<= 6 MB (seed 003)',
    met: mb <= 6,
    note: 'Not measured here (no container engine on this machine): the layer size (753,073 bytes) plus image config '
      + '(481 bytes) that docker-library/busybox records in latest-1/uclibc/amd64/image-manifest.json for 1.36.1-uclibc. '
      + 'Rebuilds of the tag differ by a few bytes. Nothing is built or published by this library.',
  };
}

/**
 * Runs every sidecar measurement and returns its rows for BENCHMARKS.md. Needs /bin/busybox and
 * /bin/nc.traditional (`bash scripts/os-packages.sh`), and fetches Debian's busybox-static with `apt-get download` for
 * the static rows; takes about a minute and a half.
 */
export async function benchSidecar(): Promise<BenchRow[]> {
  requirePrograms();
  const rows = [image()];
  const stat = staticBusybox();
  const dynamic = await measure(undefined, 'Debian busybox 1.35, dynamic');
  if (stat) {
    rows.push(...memoryRows(await measure(stat, 'Debian busybox-static 1.35, static like the image'), dynamic));
  } else {
    rows.push(...memoryRows(dynamic));
    rows.push({
      group: GROUP,
      name: 'Memory with a static busybox, like the image',
      measured: 'not measured',
      goal: '< 1 MiB (seed 003)',
      met: false,
      note: '`apt-get download busybox-static` failed, so only the dynamic busybox was measured.',
    });
  }
  rows.push(...await detection());
  return rows;
}
