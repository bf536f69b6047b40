/**
 * Runs the UDP health-check sidecar on this machine exactly as the pod would: the script text of the synthesized
 * ConfigMap, the synthesized container's command (busybox sh) and environment, with two substitutions only: the
 * script's mount path becomes a temporary file, and the in-memory emptyDir becomes a temporary directory.
 * Also: real UDP servers on loopback (echo, DNS responder, silent bound socket) to probe.
 */
import { ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import * as dgram from 'node:dgram';
import {
  existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, realpathSync, rmSync, symlinkSync, writeFileSync,
} from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Testing } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { UdpHealthCheck, UdpHealthCheckProps, UDP_HEALTH_SCRIPT_DIR, UDP_HEALTH_SCRIPT_KEY } from '../../src/sidecar';

/**
 * The OS programs the sidecar tests run besides the busybox of `sidecarBusybox()`, and the Debian package of each:
 * netcat-traditional, for the one test of the `udpClient` override (a netcat 1.10 other than busybox's own).
 */
export const REQUIRED_PROGRAMS: ReadonlyArray<{ path: string; pkg: string }> = [
  { path: '/bin/nc.traditional', pkg: 'netcat-traditional' },
];

const BUILD_SCRIPT = join(__dirname, '..', '..', 'scripts', 'build-busybox.sh');
let builtBusybox: string | undefined;

/**
 * The busybox the sidecar runs in the tests and the benchmark: busybox built from Debian's source package with the
 * official busybox image's configuration, static with musl, by `scripts/build-busybox.sh` (which the test set-up,
 * `scripts/os-packages.sh`, runs). Throws with the command to run when it is not built. Never builds it itself.
 * `cacheDir` replaces the build cache directory (for the test of that message).
 */
export function sidecarBusybox(cacheDir?: string): string {
  if (cacheDir === undefined && builtBusybox) return builtBusybox;
  const env = cacheDir === undefined ? process.env : { ...process.env, K8S_UDP_CACHE_DIR: cacheDir };
  const result = spawnSync('bash', [BUILD_SCRIPT, '--path'], { encoding: 'utf8', env });
  if (result.status !== 0) {
    throw new Error((result.stderr || String(result.error ?? '')).trim() || `${BUILD_SCRIPT} --path failed`);
  }
  const path = result.stdout.trim();
  if (cacheDir === undefined) builtBusybox = path;
  return path;
}

/**
 * Throws, naming the command to run, when a program the sidecar tests need is missing: the busybox of
 * `sidecarBusybox()` and `programs`. Never skips.
 */
export function requirePrograms(programs: ReadonlyArray<{ path: string; pkg: string }> = REQUIRED_PROGRAMS): void {
  sidecarBusybox();
  const missing = programs.filter((p) => !existsSync(p.path));
  if (missing.length > 0) {
    throw new Error(`missing ${missing.map((p) => p.path).join(', ')}: run "bash scripts/os-packages.sh" `
      + `(or as root: apt-get update && apt-get install -y ${missing.map((p) => p.pkg).join(' ')})`);
  }
}

/** A free port on loopback, for `tcp` or `udp`. */
export async function freePort(kind: 'tcp' | 'udp'): Promise<number> {
  if (kind === 'udp') {
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    const port = socket.address().port;
    await new Promise<void>((resolve) => socket.close(() => resolve()));
    return port;
  }
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/**
 * What a UDP server does with a datagram: echo it, ignore it, answer as a DNS server, or send `replies`, one datagram
 * each, `gapMs` apart.
 */
export type UdpBehaviour = 'echo' | 'silent' | { dns: 'NOERROR' | 'NXDOMAIN' | 'SERVFAIL' | 'REFUSED' }
| { replies: readonly string[]; gapMs: number };

const RCODES = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

/** A minimal DNS answer: the query's header and question, QR set, the rcode, and one A record for NOERROR. */
export function dnsAnswer(query: Buffer, rcode: keyof typeof RCODES): Buffer | undefined {
  if (query.length < 17) return undefined;
  let i = 12;
  while (i < query.length && query[i] !== 0) i += query[i] + 1;
  const end = i + 5;
  if (end > query.length) return undefined;
  const header = Buffer.from(query.subarray(0, end));
  header[2] = query[2] % 2 === 1 ? 0x81 : 0x80; // QR, and RD as asked
  header[3] = 0x80 + RCODES[rcode]; // RA, rcode
  const qtype = query.readUInt16BE(end - 4);
  const withAnswer = rcode === 'NOERROR' && qtype === 1;
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(withAnswer ? 1 : 0, 6);
  header.writeUInt16BE(0, 8);
  header.writeUInt16BE(0, 10);
  const answer = withAnswer ? Buffer.from([0xc0, 0x0c, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 0, 0, 1]) : Buffer.alloc(0);
  return Buffer.concat([header, answer]);
}

/** A real UDP server on 127.0.0.1 that can be stopped and started again on the same port. */
export class UdpServer {
  private socket?: dgram.Socket;
  /** Datagrams received since the start. */
  public received = 0;

  public constructor(public readonly port: number, public behaviour: UdpBehaviour) {}

  /** Binds the port. */
  public async start(): Promise<void> {
    const socket = dgram.createSocket('udp4');
    socket.on('message', (message, remote) => {
      this.received++;
      const behaviour = this.behaviour;
      if (behaviour === 'silent') return;
      if (typeof behaviour === 'object' && 'replies' in behaviour) {
        behaviour.replies.forEach((reply, i) => {
          setTimeout(() => this.socket?.send(reply, remote.port, remote.address), i * behaviour.gapMs);
        });
        return;
      }
      const reply = behaviour === 'echo' ? message : dnsAnswer(message, behaviour.dns);
      if (reply) socket.send(reply, remote.port, remote.address);
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(this.port, '127.0.0.1', () => resolve());
    });
    this.socket = socket;
  }

  /** Closes the socket: the port is no longer bound and datagrams to it are refused. */
  public async stop(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) await new Promise<void>((resolve) => socket.close(() => resolve()));
  }
}

/** An HTTP answer. */
export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

/** `GET` (or another method) on 127.0.0.1, one connection per request. */
export function httpRequest(port: number, path = '/healthz', method = 'GET', timeoutMs = 5000): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, path, method, agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { body += chunk; });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end();
  });
}

/** Whether a TCP connection to 127.0.0.1:`port` is accepted. */
export function tcpAccepts(port: number, timeoutMs = 3000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    const done = (accepted: boolean) => { socket.destroy(); resolve(accepted); };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/** Polls `check` every 100 ms until it returns true; returns the time it took, or throws after `timeoutMs`. */
export async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number): Promise<number> {
  const start = Date.now();
  let last: unknown;
  while (Date.now() - start < timeoutMs) {
    try {
      if (await check()) return Date.now() - start;
    } catch (error) {
      last = error;
    }
    await sleep(100);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The sidecar container and script as synthesized for a Deployment. */
export interface SynthesizedSidecar {
  readonly command: string[];
  readonly env: Record<string, string>;
  readonly script: string;
}

/** Synthesizes a Deployment with `props` and returns the sidecar's command, environment and ConfigMap script. */
export function synthesizeSidecar(props: UdpHealthCheckProps, udpPorts: readonly number[] = []): SynthesizedSidecar {
  Testing.app();
  const chart = Testing.chart();
  const deployment = new kplus.Deployment(chart, 'server', {
    containers: [{ image: 'example/udp-server:1', ports: udpPorts.map((number) => ({ number, protocol: kplus.Protocol.UDP })) }],
  });
  UdpHealthCheck.addTo(deployment, props);
  const objects = Testing.synth(chart);
  const dep = objects.find((o) => o.kind === 'Deployment');
  const container = dep.spec.template.spec.containers.find((c: { name: string }) => c.name === 'udp-health');
  const configMap = objects.find((o) => o.kind === 'ConfigMap');
  const env: Record<string, string> = {};
  for (const e of container.env as Array<{ name: string; value: string }>) env[e.name] = e.value;
  return { command: container.command, env, script: configMap.data[UDP_HEALTH_SCRIPT_KEY] };
}

const appletLists = new Map<string, string[]>();

/** The applets a busybox binary provides (`busybox --list`). */
function applets(busybox: string): string[] {
  let list = appletLists.get(busybox);
  if (!list) {
    list = execFileSync(busybox, ['--list'], { encoding: 'utf8' }).split('\n').filter((name) => /^[\w.[-]+$/.test(name));
    appletLists.set(busybox, list);
  }
  return list;
}

/** The sidecar running on this machine. */
export class RunningSidecar {
  /**
   * Starts the sidecar from what `synthesizeSidecar` returned: the command with the script's mount path replaced by
   * a temporary copy of the ConfigMap's script, the container's environment with the state directory replaced
   * (and `options.env` on top, for tests of the script's own limits). Like the image, the sidecar finds only busybox
   * and its applets on its PATH: a directory with `options.busybox` (default: `sidecarBusybox()`) and a link to it
   * for each applet, which also replaces `/bin/busybox` in the command.
   */
  public static start(sidecar: SynthesizedSidecar, options: { busybox?: string; env?: Record<string, string> } = {}): RunningSidecar {
    const busybox = options.busybox ?? sidecarBusybox();
    const dir = mkdtempSync(join(tmpdir(), 'udp-health-'));
    const scriptPath = join(dir, UDP_HEALTH_SCRIPT_KEY);
    writeFileSync(scriptPath, sidecar.script, { mode: 0o444 });
    const stateDir = join(dir, 'state');
    mkdirSync(stateDir);
    const bin = join(dir, 'bin');
    mkdirSync(bin);
    symlinkSync(busybox, join(bin, 'busybox'));
    for (const applet of applets(busybox)) {
      if (applet !== 'busybox') symlinkSync('busybox', join(bin, applet));
    }
    const mounted = `${UDP_HEALTH_SCRIPT_DIR}/${UDP_HEALTH_SCRIPT_KEY}`;
    const command = sidecar.command.map((part) => (part === mounted ? scriptPath : part === '/bin/busybox' ? join(bin, 'busybox') : part));
    const path = bin;
    const env = { PATH: path, ...sidecar.env, UDP_HEALTH_STATE_DIR: stateDir, ...options.env };
    // A process group of its own, so that stop() can end every process the sidecar started, even orphaned ones.
    const child = spawn(command[0], command.slice(1), { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    return new RunningSidecar(child, dir, sidecar.env, realpathSync(busybox));
  }

  /** What the sidecar printed (stdout and stderr). */
  public log = '';

  private constructor(
    private readonly child: ChildProcess,
    private readonly dir: string,
    public readonly env: Record<string, string>,
    private readonly busybox: string,
  ) {
    child.stdout?.on('data', (chunk) => { this.log += String(chunk); });
    child.stderr?.on('data', (chunk) => { this.log += String(chunk); });
  }

  /** The sidecar's main process id. */
  public get pid(): number {
    return this.child.pid ?? -1;
  }

  /** Whether the main process still runs. */
  public get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** The live (not zombie) processes of the sidecar's process group, from /proc. */
  private group(): number[] {
    const members: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[2]) === this.pid && fields[0] !== 'Z') members.push(Number(entry));
      } catch {
        // gone
      }
    }
    return members;
  }

  /** The main process and all its descendants (from /proc). */
  public processes(): number[] {
    const parents = new Map<number, number>();
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        parents.set(Number(entry), Number(fields[1]));
      } catch {
        // the process ended while we looked
      }
    }
    const tree = [this.pid];
    for (let i = 0; i < tree.length; i++) {
      for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
    }
    return tree.filter((pid) => parents.has(pid));
  }

  /**
   * The sidecar's processes outside its process tree: busybox `timeout` runs the watchdog that would end an exchange
   * probe's netcat as a daemon, which outlives the probe by up to a second (in the pod it is adopted by the
   * container's first process, the prober, and counts in the container's memory). Found by their busybox binary and
   * their command line (`timeout`, and the address of one of this sidecar's exchange probes).
   */
  public strays(): number[] {
    const targets = (this.env.UDP_HEALTH_PROBES ?? '').split('\n')
      .filter((line) => line.startsWith('exchange '))
      .map((line) => ` ${line.split(' ').slice(1, 3).join(' ')} `);
    const tree = new Set(this.processes());
    const strays: number[] = [];
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry) || tree.has(Number(entry))) continue;
      try {
        if (readlinkSync(`/proc/${entry}/exe`) !== this.busybox) continue;
        const cmdline = ` ${readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ')}`;
        if (cmdline.includes(' timeout ') && targets.some((target) => cmdline.includes(target))) strays.push(Number(entry));
      } catch {
        // gone, or not ours to read
      }
    }
    return strays;
  }

  /**
   * The memory of the sidecar's processes, summed, in KiB, from /proc/<pid>/smaps_rollup: `rss` (VmRSS, pages shared
   * between the processes counted once per process), `pss` (shared pages divided among their users) and `anon` (the
   * anonymous pages the processes allocated themselves: heap, stack, data; no file-backed program text). The
   * processes are those of its process tree and its `strays()`.
   */
  public memoryBreakdownKiB(): { rss: number; pss: number; anon: number; processes: number } {
    const total = { rss: 0, pss: 0, anon: 0, processes: 0 };
    for (const pid of [...this.processes(), ...this.strays()]) {
      try {
        const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
        const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(rollup)?.[1] ?? 0);
        total.rss += field('Rss');
        total.pss += field('Pss');
        total.anon += field('Anonymous');
        total.processes++;
      } catch {
        // gone
      }
    }
    return total;
  }

  /** The resident memory of the sidecar's processes, summed, in KiB (VmRSS; Pss when `proportional`). */
  public memoryKiB(proportional = false): number {
    let total = 0;
    for (const pid of this.processes()) {
      try {
        if (proportional) {
          const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
          total += Number(/^Pss:\s+(\d+) kB/m.exec(rollup)?.[1] ?? 0);
        } else {
          const status = readFileSync(`/proc/${pid}/status`, 'utf8');
          total += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0);
        }
      } catch {
        // gone
      }
    }
    return total;
  }

  /** Stops the sidecar (SIGTERM, as the kubelet does) and removes its files. */
  public async stop(): Promise<void> {
    if (this.running) {
      let timer: NodeJS.Timeout | undefined;
      const exited = new Promise<void>((resolve) => {
        this.child.once('exit', () => resolve());
        timer = setTimeout(resolve, 3000);
      });
      this.child.kill('SIGTERM');
      await exited;
      clearTimeout(timer);
      if (this.running) this.child.kill('SIGKILL');
    }
    try { process.kill(-this.pid, 'SIGKILL'); } catch { /* the group is gone */ }
    // A killed process keeps its sockets until it is really gone: wait for the whole group to disappear.
    for (let i = 0; i < 50 && this.group().length > 0; i++) await sleep(20);
    this.child.stdout?.destroy();
    this.child.stderr?.destroy();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
