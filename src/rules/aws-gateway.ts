/**
 * The AWS Load Balancer Controller's Gateway parameters as the NLB rules read them: a LoadBalancerConfiguration's
 * scheme, subnets and Elastic IPs (UDP560, UDP561) and a TargetGroupConfiguration's health check (UDP562, UDP563), fed
 * to the same model checks as a Service's annotations, each finding naming the field of the object.
 */
import { kindOf, KubeObject, list, record, specOf, str } from './manifest';
import { RULES } from '../core/catalog';
import { Finding, Violation } from '../core/finding';
import { AWS_GATEWAY_GROUP } from '../model/gateway-implementation';
import { checkHealthCheck, HealthCheck } from '../model/health-check';
import { checkPlacement } from '../model/placement';

/** The kinds of the AWS Load Balancer Controller's Gateway parameters the NLB rules check. */
export const AWS_GATEWAY_PARAMETER_KINDS = ['LoadBalancerConfiguration', 'TargetGroupConfiguration'] as const;

function isAwsGatewayObject(object: KubeObject, kind: string): boolean {
  return kindOf(object) === kind && (str(object.apiVersion) ?? '').startsWith(`${AWS_GATEWAY_GROUP}/`);
}

function violation(finding: Finding): Violation {
  return { field: finding.field, value: finding.value, message: finding.message, allowed: finding.allowed, hint: finding.hint };
}

/** UDP560 (scheme) and UDP561 (Elastic IPs) of a LoadBalancerConfiguration, or `undefined` for another object. */
export function loadBalancerConfigurationPlacement(object: KubeObject): { scheme: Violation[]; eips: Violation[] } | undefined {
  if (!isAwsGatewayObject(object, 'LoadBalancerConfiguration')) return undefined;
  const spec = specOf(object);
  const subnets = list(spec.loadBalancerSubnets).map((raw) => record(raw) ?? {});
  const withEip = subnets.filter((s) => s.eipAllocation !== undefined);
  const findings = checkPlacement({
    scheme: spec.scheme,
    subnets: subnets.length === 0 ? undefined : subnets.map((s) => s.identifier ?? ''),
    subnetNames: true,
    eips: withEip.length === 0 ? undefined : withEip.map((s) => s.eipAllocation),
    fields: { scheme: 'spec.scheme', subnets: 'spec.loadBalancerSubnets', eips: 'spec.loadBalancerSubnets[].eipAllocation' },
  });
  const result = { scheme: [] as Violation[], eips: [] as Violation[] };
  for (const f of findings) {
    if (f.ruleId === RULES.UDP520.id || f.ruleId === RULES.UDP521.id) result.scheme.push(violation(f));
    else if ([RULES.UDP522.id, RULES.UDP523.id, RULES.UDP525.id].includes(f.ruleId)) result.eips.push(violation(f));
  }
  return result;
}

const HEALTH_CHECK_FIELDS: Record<string, string> = {
  protocol: 'healthCheckProtocol',
  port: 'healthCheckPort',
  path: 'healthCheckPath',
  interval: 'healthCheckInterval',
  timeout: 'healthCheckTimeout',
  healthyThreshold: 'healthyThresholdCount',
  unhealthyThreshold: 'unhealthyThresholdCount',
  successCodes: 'matcher.httpCode',
};

/** UDP562 (protocol) and UDP563 (values) of a TargetGroupConfiguration's health checks, or `undefined` for another object. */
export function targetGroupConfigurationHealthCheck(object: KubeObject): { protocol: Violation[]; values: Violation[] } | undefined {
  if (!isAwsGatewayObject(object, 'TargetGroupConfiguration')) return undefined;
  const spec = specOf(object);
  const configs: Array<{ path: string; config: Record<string, unknown> }> = [];
  const defaults = record(record(spec.defaultConfiguration)?.healthCheckConfig);
  if (defaults) configs.push({ path: 'spec.defaultConfiguration.healthCheckConfig', config: defaults });
  list(spec.routeConfigurations).forEach((raw, i) => {
    const config = record(record(record(raw)?.targetGroupProps)?.healthCheckConfig);
    if (config) configs.push({ path: `spec.routeConfigurations[${i}].targetGroupProps.healthCheckConfig`, config });
  });
  const result = { protocol: [] as Violation[], values: [] as Violation[] };
  for (const { path, config } of configs) {
    const port = str(config.healthCheckPort);
    const hc: HealthCheck = {
      protocol: config.healthCheckProtocol as HealthCheck['protocol'],
      port: port === undefined ? undefined : /^\d+$/.test(port) ? Number(port) : port === 'traffic-port' ? 'traffic-port' : port as never,
      path: config.healthCheckPath as string | undefined,
      interval: config.healthCheckInterval as number | undefined,
      timeout: config.healthCheckTimeout as number | undefined,
      healthyThreshold: config.healthyThresholdCount as number | undefined,
      unhealthyThreshold: config.unhealthyThresholdCount as number | undefined,
      successCodes: str(record(config.matcher)?.httpCode),
    };
    for (const finding of checkHealthCheck(hc, 'hc')) {
      const name = finding.field.slice('hc.'.length);
      const field = `${path}.${HEALTH_CHECK_FIELDS[name] ?? name}`;
      const v = { ...violation(finding), field };
      if (finding.ruleId === RULES.UDP501.id) result.protocol.push({ ...v, allowed: 'TCP, HTTP or HTTPS' });
      else result.values.push(v);
    }
  }
  return result;
}
