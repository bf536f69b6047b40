// A benchmark worker (plain CommonJS so that no TypeScript compiler is measured): builds an app of `count` UDP
// services, each with its Deployment, the library's way or cdk8s-plus's way, synthesizes it, and prints one JSON line
// { ms, maxRssKiB, bytes }. Run by bench/run.ts in a fresh process per measurement.
'use strict';
const { App, ApiObject, Chart, JsonPatch } = require('cdk8s');
const kplus = require('cdk8s-plus-28');

const [variant, countText] = process.argv.slice(2);
const count = Number(countText);
const lib = variant === 'udp' ? require('../../lib') : undefined;

const start = process.hrtime.bigint();
const app = new App({ outdir: '/dev/null' });
const chart = new Chart(app, 'bench');
for (let i = 0; i < count; i++) {
  // NodePorts are one cluster-wide range: pinned for the first 2,768 services, allocated by the cluster after that
  const nodePort = i < 2768 ? 30000 + i : undefined;
  if (variant === 'udp') {
    const deployment = new kplus.Deployment(chart, `d${i}`, {
      replicas: 2,
      containers: [{ image: 'coredns/coredns:1.11.1', portNumber: 53, readiness: kplus.Probe.fromCommand(['true']) }],
    });
    new lib.UdpService(chart, `s${i}`, {
      selector: deployment,
      type: lib.ServiceType.NODE_PORT,
      ports: [{ port: 53, nodePort }],
    });
  } else {
    // The same objects through cdk8s-plus: its Service plus JSON patches for what it cannot say.
    const deployment = new kplus.Deployment(chart, `d${i}`, {
      replicas: 2,
      containers: [{ image: 'coredns/coredns:1.11.1', portNumber: 53, readiness: kplus.Probe.fromCommand(['true']) }],
    });
    ApiObject.of(deployment).addJsonPatch(
      JsonPatch.add('/spec/template/spec/containers/0/ports/0/protocol', 'UDP'),
      JsonPatch.remove('/spec/template/spec/containers/0/startupProbe'),
    );
    const service = new kplus.Service(chart, `s${i}`, {
      type: kplus.ServiceType.NODE_PORT,
      selector: deployment,
      ports: [{ port: 53, targetPort: 53, nodePort, protocol: kplus.Protocol.UDP }],
    });
    ApiObject.of(service).addJsonPatch(JsonPatch.remove('/spec/externalIPs'));
  }
}
const yaml = app.synthYaml();
const ms = Number(process.hrtime.bigint() - start) / 1e6;
process.stdout.write(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, bytes: yaml.length }) + '\n');
