// A benchmark worker (plain CommonJS so that no TypeScript compiler is measured): builds an app of `count` UDP game
// servers behind AWS Network Load Balancers, each with its Deployment and the UDP health-check sidecar, the library's
// way (`NlbUdpLoadBalancer`) or cdk8s-plus's way (its Service, a ConfigMap, and JSON patches for what it cannot say:
// the NLB annotations, the UDP port, the sidecar container, its volumes), synthesizes it, and prints one JSON line
// { ms, maxRssKiB, bytes }. Both variants emit the same objects (names aside): `node bench/workers/nlb.js check 3`
// builds both and exits 1 when they differ (the sidecar below is written out by hand and must follow the library's).
// Run by bench/run.ts in a fresh process per measurement.
'use strict';
const { createHash } = require('node:crypto');
const { App, ApiObject, Chart, JsonPatch } = require('cdk8s');
const kplus = require('cdk8s-plus-28');

const [variant, countText] = process.argv.slice(2);
const count = Number(countText);
if (!['udp', 'plus', 'check'].includes(variant) || !Number.isInteger(count) || count < 1) {
  process.stderr.write('usage: node bench/workers/nlb.js udp|plus|check <count>\n');
  process.exit(2);
}
const lib = variant !== 'plus' ? require('../../lib') : undefined;
// The sidecar's script is data a user of cdk8s-plus would carry too: load only that module, not the library.
const SCRIPT = variant !== 'udp' ? require('../../lib/sidecar/script').SIDECAR_SCRIPT : undefined;

const K = 'service.beta.kubernetes.io/';
const PORT = 7777;

const Q = kplus.k8s.Quantity;

/**
 * The sidecar container as the library emits it, for a pod whose UDP server listens on `port`. A JSON patch of a
 * cdk8s-plus object is applied before its typed rendering, so quantities and int-or-strings take their L1 form.
 */
function sidecarContainer(port) {
  return {
    command: ['/bin/busybox', 'sh', '/etc/udp-health/udp-health.sh'],
    env: [
      { name: 'UDP_HEALTH_PROBES', value: `bound ${port}` },
      { name: 'UDP_HEALTH_PERIOD', value: '5' },
      { name: 'UDP_HEALTH_MAX_AGE', value: '13' },
      { name: 'UDP_HEALTH_STATE_DIR', value: '/run/udp-health' },
      { name: 'UDP_HEALTH_HTTP_PORT', value: '10080' },
    ],
    image: 'busybox:1.36.1-uclibc',
    imagePullPolicy: 'IfNotPresent',
    name: 'udp-health',
    ports: [{ containerPort: 10080, name: 'udp-health', protocol: 'TCP' }],
    readinessProbe: {
      failureThreshold: 2,
      httpGet: { path: '/healthz', port: kplus.k8s.IntOrString.fromNumber(10080), scheme: 'HTTP' },
      periodSeconds: 5,
      successThreshold: 1,
      timeoutSeconds: 2,
    },
    resources: {
      limits: { cpu: Q.fromString('100m'), memory: Q.fromString('16Mi') },
      requests: { cpu: Q.fromString('5m'), memory: Q.fromString('8Mi') },
    },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      privileged: false,
      readOnlyRootFilesystem: true,
      runAsGroup: 65534,
      runAsNonRoot: true,
      runAsUser: 65534,
      seccompProfile: { type: 'RuntimeDefault' },
    },
    volumeMounts: [
      { mountPath: '/etc/udp-health', name: 'udp-health-script', readOnly: true },
      { mountPath: '/run/udp-health', name: 'udp-health-state' },
    ],
  };
}

const ANNOTATIONS = {
  [`${K}aws-load-balancer-attributes`]: 'load_balancing.cross_zone.enabled=true',
  [`${K}aws-load-balancer-healthcheck-path`]: '/healthz',
  [`${K}aws-load-balancer-healthcheck-port`]: '10080',
  [`${K}aws-load-balancer-healthcheck-protocol`]: 'http',
  [`${K}aws-load-balancer-nlb-target-type`]: 'ip',
  [`${K}aws-load-balancer-scheme`]: 'internal',
  [`${K}aws-load-balancer-type`]: 'external',
};

const scriptHash = SCRIPT === undefined ? undefined : createHash('sha256').update(SCRIPT).digest('hex').slice(0, 16);

/** Adds `count` servers behind NLBs to `chart`, the `how` way (`udp` or `plus`). */
function build(chart, how) {
  for (let i = 0; i < count; i++) {
    const deployment = new kplus.Deployment(chart, `d${i}`, {
      replicas: 2,
      containers: [{ image: 'game:1', portNumber: PORT, readiness: kplus.Probe.fromCommand(['true']) }],
    });
    if (how === 'udp') {
      new lib.NlbUdpLoadBalancer(chart, `n${i}`, { selector: deployment, ports: [{ port: PORT }] });
    } else {
      plus(chart, i, deployment);
    }
  }
}

/** The same objects through cdk8s-plus: a ConfigMap with the script, its Service, and JSON patches. */
function plus(chart, i, deployment) {
  const script = new kplus.ConfigMap(chart, `c${i}`, { data: { 'udp-health.sh': SCRIPT } });
  ApiObject.of(deployment).addJsonPatch(
    JsonPatch.add('/spec/template/spec/containers/0/ports/0/protocol', 'UDP'),
    JsonPatch.remove('/spec/template/spec/containers/0/startupProbe'),
    JsonPatch.add('/spec/template/spec/containers/-', sidecarContainer(PORT)),
    JsonPatch.add('/spec/template/spec/volumes', [
      { configMap: { defaultMode: 0o444, name: script.name }, name: 'udp-health-script' },
      { emptyDir: { medium: 'Memory', sizeLimit: Q.fromString('1Mi') }, name: 'udp-health-state' },
    ]),
    JsonPatch.add('/spec/template/metadata/annotations', { 'k8s-udp-constructs.io/udp-health-script': scriptHash }),
  );
  const service = new kplus.Service(chart, `n${i}`, {
    type: kplus.ServiceType.LOAD_BALANCER,
    selector: deployment,
    ports: [{ port: PORT, targetPort: PORT, protocol: kplus.Protocol.UDP }],
  });
  ApiObject.of(service).addJsonPatch(
    JsonPatch.remove('/spec/externalIPs'),
    JsonPatch.add('/spec/externalTrafficPolicy', 'Local'),
    JsonPatch.add('/metadata/annotations', { ...ANNOTATIONS }),
  );
}

if (variant === 'check') {
  // generated names differ (construct paths); everything else must be the same
  const objects = (how) => {
    const chart = new Chart(new App({ outdir: '/dev/null' }), 'bench');
    build(chart, how);
    return chart.toJson()
      .map((o) => JSON.stringify(o).replace(/bench-[a-z0-9-]+-c8[0-9a-f]{6}/g, 'NAME'))
      .sort();
  };
  const [ours, theirs] = [objects('udp'), objects('plus')];
  const same = ours.length === theirs.length && ours.every((o, i) => o === theirs[i]);
  process.stdout.write(JSON.stringify({ same, objects: ours.length }) + '\n');
  if (!same) {
    const i = ours.findIndex((o, j) => o !== theirs[j]);
    process.stderr.write(`the variants differ:\nudp:  ${ours[i]}\nplus: ${theirs[i]}\n`);
    process.exit(1);
  }
} else {
  const start = process.hrtime.bigint();
  const app = new App({ outdir: '/dev/null' });
  build(new Chart(app, 'bench'), variant);
  const yaml = app.synthYaml();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  process.stdout.write(JSON.stringify({ ms, maxRssKiB: process.resourceUsage().maxRSS, bytes: yaml.length }) + '\n');
}
