/**
 * The real Kubernetes API server of the API-server tests: kube-apiserver v1.28.7 with etcd on loopback, started once
 * per jest run by ../shared/tools/kube-apiserver/kapi (global-setup.ts) and stopped at its end (global-teardown.ts).
 *
 * The server is configured dual-stack (an IPv4 and an IPv6 Service range), so that IPv6 and dual-stack Services, which
 * the constructs emit on request, are judged by validation rather than refused for the cluster's configuration.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The project root (the shared folder is `../shared` beside it). */
export const ROOT = path.resolve(__dirname, '..', '..');
/** The `kapi` script. */
export const KAPI = path.resolve(ROOT, '..', 'shared', 'tools', 'kube-apiserver', 'kapi');
/** The CRDs installed before anything is created. */
export const CRD_DIR = path.resolve(ROOT, '..', 'shared', 'crds');
/** The Kubernetes version of the server, as the tests and the docs name it. */
export const SERVER_VERSION = 'v1.28.7';
/** Where global-setup.ts tells the test workers the state directory of the running server. */
export const STATE_DIR_ENV = 'UDP_APISERVER_STATE_DIR';
/** The Service ranges: the IPv4 one kapi uses, plus an IPv6 one (dual-stack). */
export const SERVICE_CIDRS = '10.96.0.0/12,fd00:10:96::/112';

/** A new, empty state directory for a server, under the OS temp directory. */
export function newStateDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'udp-apiserver-'));
}

/** Starts a fresh server in `dir` (stopped again, and `dir` removed, when the start fails). */
export function startServer(dir: string): void {
  try {
    execFileSync(KAPI, ['start', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, KAPI_APISERVER_EXTRA_ARGS: `--service-cluster-ip-range=${SERVICE_CIDRS}` },
    });
  } catch (e) {
    const err = e as { stderr?: Buffer };
    const message = `kapi start ${dir} failed:\n${err.stderr?.toString() ?? String(e)}\n${logTail(dir)}`;
    stopServer(dir);
    throw new Error(message);
  }
}

/** Stops the server of `dir` (nothing when it is not running) and removes the directory. */
export function stopServer(dir: string): void {
  try {
    execFileSync(KAPI, ['stop', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The kubeconfig of the server of this jest run (set by global-setup.ts). */
export function kubeconfigPath(): string {
  const dir = process.env[STATE_DIR_ENV];
  if (!dir) throw new Error(`${STATE_DIR_ENV} is not set: run these tests through jest (the apiserver project starts the server)`);
  return path.join(dir, 'kubeconfig');
}

function logTail(dir: string): string {
  const logs = path.join(dir, 'log');
  if (!fs.existsSync(logs)) return '';
  return fs.readdirSync(logs).map((name) => {
    const lines = fs.readFileSync(path.join(logs, name), 'utf8').trimEnd().split('\n');
    return `--- ${name} (last lines)\n${lines.slice(-15).join('\n')}`;
  }).join('\n');
}
