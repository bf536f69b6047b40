/**
 * The sidecar script run for real on loopback: the synthesized command, environment and ConfigMap script, under the
 * busybox the official image runs, built from source with the image's configuration (scripts/build-busybox.sh):
 * its sh, its nc (the HTTP and TCP listeners, and the UDP client of exchange probes), its nslookup, awk and the rest,
 * and nothing else on PATH. One test (marked below) replaces the UDP client with netcat-traditional, through the
 * `udpClient` option. The servers probed are real UDP sockets (node dgram). Health transitions are timed with
 * generous bounds (slow CI).
 */
import * as net from 'node:net';
import { Duration } from 'cdk8s';
import {
  freePort, httpRequest, requirePrograms, RunningSidecar, sleep, synthesizeSidecar, tcpAccepts, UdpServer, waitFor,
} from './harness';
import { DnsResponseCode, UdpHealthCheckProps, UdpProbe } from '../../src/sidecar';

jest.setTimeout(60_000);

const sidecars: RunningSidecar[] = [];
const udpServers: UdpServer[] = [];

beforeAll(() => {
  // Fails every test of this file, with the command to run, when the built busybox or netcat-traditional is missing.
  requirePrograms();
});

afterEach(async () => {
  for (const udp of udpServers.splice(0)) await udp.stop();
  for (const s of sidecars.splice(0)) await s.stop();
});

async function server(behaviour: ConstructorParameters<typeof UdpServer>[1]): Promise<UdpServer> {
  const s = new UdpServer(await freePort('udp'), behaviour);
  await s.start();
  udpServers.push(s);
  return s;
}

async function sidecar(props: Omit<UdpHealthCheckProps, 'httpPort'>, udpPorts: number[]): Promise<{ s: RunningSidecar; port: number }> {
  const port = await freePort('tcp');
  const s = RunningSidecar.start(synthesizeSidecar({ period: Duration.seconds(1), ...props, httpPort: port }, udpPorts));
  sidecars.push(s);
  return { s, port };
}

/** Waits until GET /healthz answers `status`, returns the body. */
async function expectHealth(port: number, status: number, withinMs: number): Promise<string> {
  let body = '';
  await waitFor(`GET /healthz ${status}`, async () => {
    const answer = await httpRequest(port);
    body = answer.body;
    return answer.status === status && !body.startsWith('starting:');
  }, withinMs);
  return body;
}

// The sidecar probes every second; a round of one probe takes at most 2 s (its 1 s timeout, then the round's end).
// Bounds below are about twice period + round, plus slack for slow machines.
const BOUND_MS = 8_000;
const EXCHANGE_MS = 8_000;

describe('bound mode', () => {
  test('healthy while a silent socket is bound, unhealthy when it closes, healthy when it is bound again', async () => {
    const udp = await server('silent');
    const { port } = await sidecar({ probes: [UdpProbe.bound(udp.port)] }, [udp.port]);

    expect(await expectHealth(port, 200, BOUND_MS)).toMatch(new RegExp(`^healthy: udp/${udp.port} bound \\(probed \\d+s ago\\)\\n$`));
    await udp.stop();
    expect(await expectHealth(port, 503, BOUND_MS)).toMatch(new RegExp(`^unhealthy: udp/${udp.port} not bound \\(probed \\d+s ago\\)\\n$`));
    await udp.start();
    await expectHealth(port, 200, BOUND_MS);
    expect(udp.received).toBe(0); // bound mode never sends anything
  });
});

describe('exchange mode', () => {
  test('healthy while the echo server replies, unhealthy when it stops, healthy when it returns', async () => {
    const udp = await server('echo');
    const { port } = await sidecar({
      probes: [UdpProbe.exchange(udp.port, { payload: 'ping 100% \u0000binary', expect: '^ping 100%' })],
    }, [udp.port]);

    expect(await expectHealth(port, 200, EXCHANGE_MS)).toMatch(new RegExp(`^healthy: udp/${udp.port} replied \\(probed \\d+s ago\\)\\n$`));
    await udp.stop();
    expect(await expectHealth(port, 503, EXCHANGE_MS)).toMatch(new RegExp(`^unhealthy: udp/${udp.port} no reply within 1s`));
    await udp.start();
    await expectHealth(port, 200, EXCHANGE_MS);
  });

  test('checks are answered from the cached result: 50 checks cost no extra probe', async () => {
    const udp = await server('echo');
    const { port } = await sidecar({
      probes: [UdpProbe.exchange(udp.port, { payload: 'ping' })],
      period: Duration.seconds(5),
    }, [udp.port]);
    await expectHealth(port, 200, EXCHANGE_MS);
    const before = udp.received;
    const answers: Array<{ status: number }> = [];
    for (let i = 0; i < 50; i++) answers.push(await httpRequest(port));
    expect(answers.filter((a) => a.status !== 200)).toEqual([]);
    // At most the one round that may have started meanwhile (one datagram per round).
    expect(udp.received - before).toBeLessThanOrEqual(1);
  });

  test('the first reply datagram decides: the probe does not wait for more', async () => {
    // The server answers "first" at once and "second" 1.5 s later, within the probe's 3 s timeout. busybox nc alone
    // would relay both (it waits for further datagrams for twice its -w); the probe keeps the first and ends it.
    const udp = await server({ replies: ['first', 'second'], gapMs: 1_500 });
    const { port } = await sidecar({
      probes: [UdpProbe.exchange(udp.port, { payload: 'ping', expect: 'second', timeout: Duration.seconds(3) })],
    }, [udp.port]);
    expect(await expectHealth(port, 503, EXCHANGE_MS)).toMatch(new RegExp(`^unhealthy: udp/${udp.port} reply does not match `));
  });

  test('a reply that does not match the pattern is unhealthy, and a silent server is unhealthy', async () => {
    const echo = await server('echo');
    const silent = await server('silent');
    const { port } = await sidecar({
      probes: [
        UdpProbe.exchange(echo.port, { payload: 'hello', expect: '^pong$' }),
        UdpProbe.exchange(silent.port, { payload: 'hello' }),
      ],
    }, [echo.port, silent.port]);

    const body = await expectHealth(port, 503, EXCHANGE_MS);
    expect(body).toMatch(new RegExp(
      `^unhealthy: udp/${echo.port} reply does not match; udp/${silent.port} no reply within 1s \\(probed \\d+s ago\\)\\n$`));
    expect(silent.received).toBeGreaterThanOrEqual(1);
  });
});

describe('exchange mode with another UDP client', () => {
  // The one test with netcat-traditional instead of the image's busybox nc: the `udpClient` option, for images whose
  // busybox has no `nc -u` (Debian's busybox package). The script drives this netcat exactly as busybox's.
  test('udpClient "/bin/nc.traditional": healthy while the echo server replies, unhealthy when it stops, healthy again', async () => {
    const udp = await server('echo');
    const { s, port } = await sidecar({
      probes: [UdpProbe.exchange(udp.port, { payload: 'ping', expect: '^ping$' })],
      udpClient: '/bin/nc.traditional',
    }, [udp.port]);
    expect(s.env.UDP_HEALTH_NC).toBe('/bin/nc.traditional');

    expect(await expectHealth(port, 200, EXCHANGE_MS)).toMatch(new RegExp(`^healthy: udp/${udp.port} replied \\(probed \\d+s ago\\)\\n$`));
    await udp.stop();
    expect(await expectHealth(port, 503, EXCHANGE_MS)).toMatch(new RegExp(`^unhealthy: udp/${udp.port} no reply within 1s`));
    await udp.start();
    await expectHealth(port, 200, EXCHANGE_MS);
  });
});

describe('dns mode', () => {
  test('healthy while the DNS server answers, unhealthy when it stops, healthy when it returns', async () => {
    const udp = await server({ dns: 'NOERROR' });
    const { port } = await sidecar({ probes: [UdpProbe.dns(udp.port, { name: 'example.com', timeout: Duration.seconds(1) })] }, [udp.port]);

    expect(await expectHealth(port, 200, BOUND_MS)).toMatch(new RegExp(`^healthy: udp/${udp.port} DNS NOERROR \\(probed \\d+s ago\\)\\n$`));
    await udp.stop();
    expect(await expectHealth(port, 503, BOUND_MS)).toMatch(new RegExp(`^unhealthy: udp/${udp.port} no DNS response within 1s`));
    await udp.start();
    await expectHealth(port, 200, BOUND_MS);
  });

  test('NXDOMAIN is accepted by default, SERVFAIL is not, and the accepted codes can be set', async () => {
    const nx = await server({ dns: 'NXDOMAIN' });
    const fail = await server({ dns: 'SERVFAIL' });
    const refused = await server({ dns: 'REFUSED' });
    const { port } = await sidecar({
      probes: [
        UdpProbe.dns(nx.port, { timeout: Duration.seconds(1) }),
        UdpProbe.dns(fail.port, { timeout: Duration.seconds(1) }),
        UdpProbe.dns(refused.port, { timeout: Duration.seconds(1), rcodes: [DnsResponseCode.REFUSED] }),
      ],
    }, [nx.port, fail.port, refused.port]);

    expect(await expectHealth(port, 503, BOUND_MS)).toMatch(new RegExp(
      `^unhealthy: udp/${nx.port} DNS NXDOMAIN; udp/${fail.port} DNS SERVFAIL \\(want NOERROR,NXDOMAIN\\); `
      + `udp/${refused.port} DNS REFUSED \\(probed \\d+s ago\\)\\n$`));
    fail.behaviour = { dns: 'NOERROR' };
    await expectHealth(port, 200, BOUND_MS);
  });
});

describe('TCP serving', () => {
  test('the TCP port accepts connections only while healthy', async () => {
    const udp = await server('silent');
    const tcpPort = await freePort('tcp');
    const { port } = await sidecar({ probes: [UdpProbe.bound(udp.port)], tcpPort }, [udp.port]);

    await expectHealth(port, 200, BOUND_MS);
    await waitFor('TCP accepted', () => tcpAccepts(tcpPort), BOUND_MS);
    await udp.stop();
    await waitFor('TCP refused', async () => !(await tcpAccepts(tcpPort)), BOUND_MS);
    await udp.start();
    await waitFor('TCP accepted again', () => tcpAccepts(tcpPort), BOUND_MS);
  });

  test('TCP alone, without HTTP, also works', async () => {
    const udp = await server('silent');
    const tcpPort = await freePort('tcp');
    const props = { probes: [UdpProbe.bound(udp.port)], serveHttp: false, tcpPort, period: Duration.seconds(1) };
    const s = RunningSidecar.start(synthesizeSidecar(props, [udp.port]));
    sidecars.push(s);
    expect(s.env.UDP_HEALTH_HTTP_PORT).toBeUndefined();
    await waitFor('TCP accepted', () => tcpAccepts(tcpPort), BOUND_MS);
  });
});

describe('HTTP answers', () => {
  test('other paths, other methods, HEAD and garbage get exact answers', async () => {
    const udp = await server('silent');
    const { port } = await sidecar({ probes: [UdpProbe.bound(udp.port)] }, [udp.port]);
    await expectHealth(port, 200, BOUND_MS);

    expect(await httpRequest(port, '/healthz?verbose=1')).toEqual({ status: 200, body: expect.stringMatching(/^healthy: /) });
    expect(await httpRequest(port, '/')).toEqual({ status: 404, body: 'not found: GET /healthz\n' });
    expect(await httpRequest(port, '/healthz', 'POST')).toEqual({ status: 405, body: 'method not allowed: GET /healthz\n' });
    expect(await httpRequest(port, '/healthz', 'HEAD')).toEqual({ status: 200, body: '' });
    expect(await rawExchange(port, 'garbage\r\n\r\n')).toBe(
      'HTTP/1.0 400 Bad Request\r\nContent-Type: text/plain\r\nContent-Length: 12\r\nCache-Control: no-store\r\n'
      + 'Connection: close\r\n\r\nbad request\n');
  });
});

describe('result states', () => {
  test('before the first probe ends, the answer is 503 starting', async () => {
    const silent = await server('silent');
    const port = await freePort('tcp');
    // The first round takes the DNS probe's whole 3 s timeout (a silent server), while HTTP is served at once.
    const probes = [UdpProbe.dns(silent.port, { timeout: Duration.seconds(3) })];
    const s = RunningSidecar.start(synthesizeSidecar({ probes, httpPort: port, period: Duration.seconds(1) }, [silent.port]));
    sidecars.push(s);
    let first: { status: number; body: string } | undefined;
    await waitFor('the HTTP listener', async () => { first = await httpRequest(port); return true; }, 3_000);
    expect(first).toEqual({ status: 503, body: 'starting: no probe yet\n' });
  });

  test('a result older than UDP_HEALTH_MAX_AGE is answered 503 stale', async () => {
    const udp = await server('silent');
    const port = await freePort('tcp');
    const props = { probes: [UdpProbe.bound(udp.port)], httpPort: port, period: Duration.seconds(30) };
    // The synthesized MAX_AGE is 2 x (period + round) + 1 = 63 s; 1 s here makes the result stale quickly.
    const s = RunningSidecar.start(synthesizeSidecar(props, [udp.port]), { env: { UDP_HEALTH_MAX_AGE: '1' } });
    sidecars.push(s);
    expect(s.env.UDP_HEALTH_MAX_AGE).toBe('63');
    const body = await expectHealth(port, 503, BOUND_MS);
    expect(body).toMatch(new RegExp(`^stale: last probe \\d+s ago \\(max 1s\\): udp/${udp.port} bound\\n$`));
  });
});

/** Sends `data` on a new TCP connection and returns everything received until the server closes. */
function rawExchange(port: number, data: string | Buffer, endAfterWrite = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    let received = '';
    socket.setTimeout(10_000, () => socket.destroy(new Error('timeout')));
    socket.on('connect', () => { if (endAfterWrite) socket.end(data); else socket.write(data); });
    socket.on('data', (chunk) => { received += String(chunk); });
    socket.on('close', () => resolve(received));
    socket.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' ? resolve(received) : reject(error)));
  });
}

describe('robustness', () => {
  test('garbage, oversized, slow and many concurrent clients neither kill the sidecar nor grow it', async () => {
    const udp = await server('silent');
    const { s, port } = await sidecar({ probes: [UdpProbe.bound(udp.port)] }, [udp.port]);
    await expectHealth(port, 200, BOUND_MS);
    await sleep(500);
    const baseline = s.processes().length;

    // A storm of 60 simultaneous connections: 40 send random bytes, 10 send 64 KiB without a newline, 10 send
    // nothing at all (slow clients). netcat's listen backlog is 1 (busybox's netcat 1.10 port, as in the image), so the
    // kernel makes most of them retransmit their SYN: they are served over several seconds, one short-lived process
    // each, each with read deadlines. Connections not served within 10 s give up (rawExchange's timeout).
    const storm: Array<Promise<string>> = [];
    for (let i = 0; i < 40; i++) {
      const bytes = Buffer.from(Array.from({ length: 300 }, (_, j) => (i * 31 + j * 7) % 256));
      storm.push(rawExchange(port, bytes, true).catch(() => ''));
    }
    for (let i = 0; i < 10; i++) storm.push(rawExchange(port, 'G'.repeat(65_536), true).catch(() => ''));
    const slow = Array.from({ length: 10 }, () => net.connect({ host: '127.0.0.1', port }).on('error', () => undefined));
    const answers = await Promise.all(storm);
    for (const answer of answers) expect(['', 'HTTP/1.0 400 Bad Request']).toContain(answer.split('\r\n')[0]);
    expect(answers.filter((a) => a.startsWith('HTTP/1.0 400 Bad Request')).length).toBeGreaterThan(0);

    for (const socket of slow) socket.destroy();

    expect(s.running).toBe(true);
    // Served again as soon as the storm's queued connections are gone (generous bound: SYN retransmission backs off).
    await waitFor('GET /healthz 200 after the storm', async () => (await httpRequest(port)).status === 200, 30_000);
    // Every handler gave up or finished within its read deadlines: the processes go back to the baseline.
    await waitFor('the process count to return to its baseline', async () => s.processes().length <= baseline, 15_000);
    expect(s.running).toBe(true);
    expect((await httpRequest(port)).status).toBe(200);
  });

  test('SIGTERM stops the sidecar and its listeners at once', async () => {
    const udp = await server('silent');
    const { s, port } = await sidecar({ probes: [UdpProbe.bound(udp.port)] }, [udp.port]);
    await expectHealth(port, 200, BOUND_MS);
    const started = Date.now();
    await s.stop();
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(await tcpAccepts(port)).toBe(false);
  });
});
