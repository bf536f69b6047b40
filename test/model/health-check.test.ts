import * as fc from 'fast-check';
import { RULE_CATALOG } from '../../src/core/catalog';
import { formatFinding, Severity } from '../../src/core/finding';
import {
  checkHealthCheck,
  checkHealthCheckForTraffic,
  checkHealthCheckTiming,
  HEALTH_CHECK_DEFAULTS,
  HealthCheck,
  HealthCheckProtocol,
  resolveHealthCheck,
} from '../../src/model/health-check';

const CDK = 'https://github.com/aws/aws-cdk/blob/main/packages/aws-cdk-lib/aws-elasticloadbalancingv2/lib/nlb/network-target-group.ts';

function messages(hc: unknown, field = 'healthCheck'): string[] {
  return checkHealthCheck(hc as HealthCheck, field).map((f) => formatFinding(f, 'nlb'));
}

describe('resolveHealthCheck: AWS defaults for an NLB target group (CreateTargetGroup)', () => {
  test('TCP on the traffic port, interval 30, timeout 10, thresholds 5 and 2', () => {
    expect(resolveHealthCheck()).toEqual({
      protocol: 'TCP',
      port: 'traffic-port',
      path: undefined,
      interval: 30,
      timeout: 10,
      healthyThreshold: 5,
      unhealthyThreshold: 2,
      successCodes: undefined,
    });
  });
  test('HTTP: path /, timeout 6, success codes 200-399', () => {
    expect(resolveHealthCheck({ protocol: HealthCheckProtocol.HTTP, port: 10256 })).toEqual({
      protocol: 'HTTP',
      port: 10256,
      path: '/',
      interval: 30,
      timeout: 6,
      healthyThreshold: 5,
      unhealthyThreshold: 2,
      successCodes: '200-399',
    });
  });
  test('HTTPS: timeout 10', () => {
    expect(resolveHealthCheck({ protocol: 'HTTPS' }).timeout).toBe(HEALTH_CHECK_DEFAULTS.timeout);
  });
  test('given values are kept', () => {
    expect(resolveHealthCheck({ protocol: 'HTTP', port: 8080, path: '/ready', interval: 10, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3, successCodes: '200' }))
      .toEqual({ protocol: 'HTTP', port: 8080, path: '/ready', interval: 10, timeout: 5, healthyThreshold: 2, unhealthyThreshold: 3, successCodes: '200' });
  });
});

describe('checkHealthCheck: the ranges of DOMAIN.md section 3 (verified against aws-cdk-lib network-target-group.ts)', () => {
  test('no health check, or a valid one, has no findings', () => {
    expect(checkHealthCheck(undefined)).toEqual([]);
    expect(checkHealthCheck({})).toEqual([]);
    expect(checkHealthCheck({ protocol: 'HTTP', port: 'traffic-port', path: '/healthz', interval: 300, timeout: 120, healthyThreshold: 10, unhealthyThreshold: 2, successCodes: '200-299' })).toEqual([]);
    expect(checkHealthCheck({ protocol: 'TCP', port: 1, interval: 5, timeout: 2 })).toEqual([]);
    expect(checkHealthCheck({ protocol: 'HTTPS', port: 65535, successCodes: '200,204,599' })).toEqual([]);
  });

  test('UDP and TCP_UDP are refused even from untyped input; other protocols too', () => {
    expect(messages({ protocol: 'UDP' })).toEqual([
      '[UDP501] nlb: healthCheck.protocol "UDP": is not possible: AWS cannot health-check over UDP (TCP, HTTP or HTTPS; ' +
        'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html)' +
        ' Fix: check a TCP or HTTP health port (a health sidecar, or healthCheckNodePort with Local)',
    ]);
    expect(checkHealthCheck({ protocol: 'TCP_UDP' } as unknown as HealthCheck)[0].message).toBe('is not possible: AWS cannot health-check over UDP');
    expect(checkHealthCheck({ protocol: 'TLS' } as unknown as HealthCheck)[0].message).toBe('is not a health-check protocol');
    expect(checkHealthCheck({ protocol: 'tcp' } as unknown as HealthCheck)[0].ruleId).toBe('UDP501');
  });

  test.each([
    [{ port: 0 }, 'healthCheck.port 0'],
    [{ port: 65536 }, 'healthCheck.port 65536'],
    [{ port: '8080' }, 'healthCheck.port "8080"'],
    [{ port: 'traffic' }, 'healthCheck.port "traffic"'],
  ])('port %j is refused', (hc, head) => {
    expect(messages(hc)).toEqual([
      `[UDP502] nlb: ${head}: must be a port number between 1 and 65535 or 'traffic-port' (1..65535 or 'traffic-port'; https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html)`,
    ]);
  });

  test('path: only for HTTP(S), starting with /, at most 1024 characters', () => {
    expect(messages({ path: '/healthz' })).toEqual([
      `[UDP503] nlb: healthCheck.path "/healthz": is not supported by TCP health checks (a path only with protocol HTTP or HTTPS; ${CDK})`,
    ]);
    expect(messages({ protocol: 'HTTP', path: 'healthz' })).toEqual([
      `[UDP503] nlb: healthCheck.path "healthz": must start with '/' and be at most 1024 characters (for example /healthz; ${CDK})`,
    ]);
    expect(checkHealthCheck({ protocol: 'HTTP', path: `/${'a'.repeat(1023)}` })).toEqual([]);
    expect(checkHealthCheck({ protocol: 'HTTP', path: `/${'a'.repeat(1024)}` })[0].ruleId).toBe('UDP503');
  });

  test('interval 5..300 whole seconds', () => {
    expect(messages({ interval: 4 })).toEqual([
      `[UDP504] nlb: healthCheck.interval 4: must be a whole number of seconds between 5 and 300 (5..300 seconds; ${CDK})`,
    ]);
    expect(checkHealthCheck({ interval: 301 })[0].ruleId).toBe('UDP504');
    expect(checkHealthCheck({ interval: 10.5, timeout: 5 })[0].ruleId).toBe('UDP504');
    expect(checkHealthCheck({ interval: '30s' } as unknown as HealthCheck)[0].ruleId).toBe('UDP504');
  });

  test('timeout 2..120 whole seconds', () => {
    expect(messages({ timeout: 1 })).toEqual([
      `[UDP505] nlb: healthCheck.timeout 1: must be a whole number of seconds between 2 and 120 (2..120 seconds; ${CDK})`,
    ]);
    expect(checkHealthCheck({ timeout: 121, interval: 300 }).map((f) => f.ruleId)).toEqual(['UDP505']);
  });

  test('thresholds 2..10', () => {
    expect(messages({ healthyThreshold: 1, unhealthyThreshold: 11 })).toEqual([
      `[UDP506] nlb: healthCheck.healthyThreshold 1: must be a whole number between 2 and 10 (2..10; ${CDK})`,
      `[UDP506] nlb: healthCheck.unhealthyThreshold 11: must be a whole number between 2 and 10 (2..10; ${CDK})`,
    ]);
  });

  test('the timeout must not be above the interval; equal is accepted (aws-cdk #16446); defaults included', () => {
    const src = 'https://github.com/aws/aws-cdk/issues/16446';
    expect(messages({ interval: 5 })).toEqual([
      '[UDP507] nlb: healthCheck.interval 5: must be at least the timeout, 10 seconds (the default timeout)' +
        ` (an interval of at least 10 seconds, or a timeout of at most 5; ${src})`,
    ]);
    expect(messages({ interval: 20, timeout: 21 })).toEqual([
      '[UDP507] nlb: healthCheck.interval 20: must be at least the timeout, 21 seconds' +
        ` (an interval of at least 21 seconds, or a timeout of at most 20; ${src})`,
    ]);
    // a timeout alone, above the default interval: the timeout is what was written
    expect(messages({ timeout: 40 })).toEqual([
      '[UDP507] nlb: healthCheck.timeout 40: must be at most the interval, 30 seconds (the default interval)' +
        ` (a timeout of at most 30 seconds, or an interval of at least 40; ${src})`,
    ]);
    // equal is what an NLB accepts: the AWS Load Balancer Controller's own defaults are 10 and 10
    expect(checkHealthCheck({ interval: 10 })).toEqual([]);
    expect(checkHealthCheck({ interval: 20, timeout: 20 })).toEqual([]);
    // aws-load-balancer-controller #2951: HTTP (default timeout 6) with interval 6 is created, with interval 5 refused
    expect(checkHealthCheck({ protocol: 'HTTP', interval: 6 })).toEqual([]);
    expect(checkHealthCheck({ protocol: 'HTTP', interval: 5 }).map((f) => f.ruleId)).toEqual(['UDP507']);
  });

  test('the interval and timeout someone else sends when they are unset (the controller: 10 and 10)', () => {
    const controller = { interval: 10, timeout: 10, whose: "the controller's" };
    expect(checkHealthCheckTiming({ protocol: 'HTTP', interval: 8 }, 'healthCheck', controller).map((f) => formatFinding(f, 'nlb'))).toEqual([
      "[UDP507] nlb: healthCheck.interval 8: must be at least the timeout, 10 seconds (the controller's default timeout)" +
        ' (an interval of at least 10 seconds, or a timeout of at most 8; https://github.com/aws/aws-cdk/issues/16446)',
    ]);
    expect(checkHealthCheck({ timeout: 12 }, 'hc', controller).map((f) => formatFinding(f, 'nlb'))).toEqual([
      "[UDP507] nlb: hc.timeout 12: must be at most the interval, 10 seconds (the controller's default interval)" +
        ' (a timeout of at most 10 seconds, or an interval of at least 12; https://github.com/aws/aws-cdk/issues/16446)',
    ]);
    expect(checkHealthCheck({ interval: 10 }, 'hc', controller)).toEqual([]);
    // out of range: UDP504 / UDP505 only, no comparison
    expect(checkHealthCheck({ interval: 3, timeout: 4 }).map((f) => f.ruleId)).toEqual(['UDP504']);
    expect(checkHealthCheckTiming({ interval: 300, timeout: 121 })).toEqual([]);
  });

  test('success codes: HTTP(S) only, 200..599, a list or one range', () => {
    const src = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html';
    expect(messages({ successCodes: '200' })).toEqual([
      `[UDP508] nlb: healthCheck.successCodes "200": is not supported by TCP health checks (success codes only with protocol HTTP or HTTPS; ${src})`,
    ]);
    expect(messages({ protocol: 'HTTP', successCodes: '199' })).toEqual([
      `[UDP508] nlb: healthCheck.successCodes "199": must be HTTP codes between 200 and 599, comma-separated, or one range (for example "200", "200,204" or "200-399"; ${src})`,
    ]);
    expect(checkHealthCheck({ protocol: 'HTTP', successCodes: '200-600' })[0].message).toBe('must be HTTP codes between 200 and 599');
    expect(checkHealthCheck({ protocol: 'HTTP', successCodes: '399-200' })[0].message).toBe('must be a range from a lower to a higher code');
    expect(checkHealthCheck({ protocol: 'HTTP', successCodes: '' })[0].message).toBe('must be a non-empty string');
  });

  test('a custom field prefix (the cdk8s side passes its own prop path)', () => {
    expect(checkHealthCheck({ interval: 1 }, 'props.healthCheck')[0].field).toBe('props.healthCheck.interval');
  });

  test('property: every whole interval/timeout pair inside the ranges passes exactly when timeout <= interval', () => {
    fc.assert(fc.property(fc.integer({ min: 5, max: 300 }), fc.integer({ min: 2, max: 120 }), (interval, timeout) => {
      const findings = checkHealthCheck({ interval, timeout });
      expect(findings.length === 0).toBe(timeout <= interval);
    }));
    fc.assert(fc.property(fc.integer({ min: 5, max: 120 }), (both) => {
      expect(checkHealthCheck({ interval: both, timeout: both })).toEqual([]);
    }));
  });

  test('property: any interval outside 5..300 is UDP504', () => {
    fc.assert(fc.property(fc.oneof(fc.integer({ max: 4 }), fc.integer({ min: 301 })), (interval) => {
      expect(checkHealthCheck({ interval, timeout: 2 }).map((f) => f.ruleId)).toContain('UDP504');
    }));
  });
});

describe('checkHealthCheckForTraffic: a TCP check of a UDP-only traffic port never succeeds', () => {
  test('UDP with the traffic port warns; a health port or TCP_UDP does not', () => {
    expect(checkHealthCheckForTraffic(undefined, 'UDP').map((f) => [f.ruleId, f.severity, f.message])).toEqual([
      ['UDP509', Severity.WARNING, 'checks the traffic port of a UDP target over TCP, which never answers'],
    ]);
    expect(checkHealthCheckForTraffic({ protocol: 'HTTP' }, 'UDP')[0].message).toBe('checks the traffic port of a UDP target over HTTP, which never answers');
    expect(checkHealthCheckForTraffic({ port: 30080 }, 'UDP')).toEqual([]);
    expect(checkHealthCheckForTraffic(undefined, 'TCP_UDP')).toEqual([]);
    expect(checkHealthCheckForTraffic(undefined, 'TCP')).toEqual([]);
  });
});

// Found by the property tests: untyped input (JavaScript, config) gives findings, never a TypeError nor an empty check.
describe('a health check that is null or no object (untyped input)', () => {
  const CREATE_TG = 'https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html';

  test('null is no health check given, as undefined: no finding, every AWS default, the UDP509 warning', () => {
    expect(checkHealthCheck(null)).toEqual([]);
    expect(checkHealthCheckTiming(null)).toEqual([]);
    expect(resolveHealthCheck(null)).toEqual(resolveHealthCheck());
    expect(checkHealthCheckForTraffic(null, 'UDP').map((f) => formatFinding(f, 'nlb'))).toEqual([
      '[UDP509] nlb: healthCheck.port (unset): checks the traffic port of a UDP target over TCP, which never answers' +
        ' (the port of a TCP or HTTP health endpoint; https://github.com/kubernetes-sigs/aws-load-balancer-controller/issues/2144)' +
        ' Fix: set healthCheck.port to a health NodePort or sidecar port',
    ]);
  });

  test.each([
    [5, '5'],
    ['TCP', '"TCP"'],
    [true, 'true'],
    [[], '[]'],
    [[{ protocol: 'TCP' }], '[{"protocol":"TCP"}]'],
  ])('%p is UDP501, never read as no health check', (value, shown) => {
    expect(messages(value)).toEqual([
      `[UDP501] nlb: healthCheck ${shown}: is not a health check` +
        ` (a health check such as { protocol: 'HTTP', port: 30080, path: '/healthz' }, or none for AWS's defaults; ${CREATE_TG})`,
    ]);
    // one finding, from checkHealthCheck: the timing check and the traffic warning have nothing to add
    expect(checkHealthCheckTiming(value as HealthCheck)).toEqual([]);
    expect(checkHealthCheckForTraffic(value as HealthCheck, 'UDP')).toEqual([]);
    expect(resolveHealthCheck(value as HealthCheck)).toEqual(resolveHealthCheck());
  });
});

describe('health-check rules of the catalog', () => {
  test('ids UDP501..UDP509 in order, each with a source URL', () => {
    const HEALTH_CHECK_RULES = RULE_CATALOG.filter((r) => r.id >= 'UDP501' && r.id <= 'UDP509');
    expect(HEALTH_CHECK_RULES.map((r) => r.id)).toEqual(['UDP501', 'UDP502', 'UDP503', 'UDP504', 'UDP505', 'UDP506', 'UDP507', 'UDP508', 'UDP509']);
    for (const rule of HEALTH_CHECK_RULES) expect(rule.sources[0]).toMatch(/^https:\/\//);
  });
});
