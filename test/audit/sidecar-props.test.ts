/* Every prop of UdpHealthCheck, audited (see audit.ts). */
import { Duration, Size } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { auditProps, PropCase } from './audit';
import { UdpHealthCheck, UdpHealthCheckProps, UdpProbe } from '../../src';

const BASE: UdpHealthCheckProps = { probes: [UdpProbe.bound(53)] };

const CASES: Record<keyof UdpHealthCheckProps, PropCase<UdpHealthCheckProps>> = {
  probes: { valid: [UdpProbe.exchange(53, { payload: 'ping' })], wrong: 53 },
  httpPort: { valid: 10090, wrong: '10090' },
  serveHttp: { valid: false, wrong: 'no', with: { tcpPort: 10081 } },
  tcpPort: { valid: 10081, wrong: '10081' },
  period: { valid: Duration.seconds(10), wrong: 10 },
  image: { valid: 'busybox:1.37.0-musl', wrong: 5 },
  command: { valid: ['/bin/sh', '/etc/udp-health/udp-health.sh'], wrong: '/bin/sh' },
  udpClient: { valid: 'nc', wrong: 5 },
  containerName: { valid: 'health', wrong: 5 },
  resources: { valid: { cpu: { request: kplus.Cpu.millis(10) }, memory: { limit: Size.mebibytes(32) } }, wrong: '10m' },
  readiness: { valid: false, wrong: 'no' },
  readinessFailureThreshold: { valid: 5, wrong: '5' },
};

auditProps((scope, props: UdpHealthCheckProps) => {
  const dns = new kplus.Deployment(scope, 'dns', {
    replicas: 2,
    containers: [{
      name: 'dns', image: 'coredns/coredns:1.11.1', ports: [{ number: 53, protocol: kplus.Protocol.UDP }],
    }],
  });
  UdpHealthCheck.addTo(dns, props);
}, BASE, CASES);
