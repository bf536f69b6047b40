import { Severity, Violation } from './finding';
import { isHeadless, list, nameOf, record, servicePorts, serviceType, specOf } from './manifest';
import { Rule } from './rule';
import { Sources } from './sources';
import { isCidr } from '../model/cidr';
import { checkDns1035Label } from '../model/names';

const SERVICE = ['Service'];
const SERVICE_TYPES = ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];

/** UDP111: the Service name is a DNS-1035 label. */
export const SERVICE_NAME: Rule = {
  id: 'UDP111',
  severity: Severity.ERROR,
  title: 'Service name must be a DNS-1035 label',
  why: 'The API server rejects the Service: its name becomes a DNS label in the cluster domain.',
  source: Sources.NAME_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const name = nameOf(service);
    if (name === undefined) return [];
    const problem = checkDns1035Label(name);
    return problem
      ? [{
        field: 'metadata.name',
        value: name,
        message: problem,
        allowed: 'a DNS-1035 label: [a-z]([-a-z0-9]*[a-z0-9])?, at most 63 characters',
      }]
      : [];
  },
};

/** UDP112: externalTrafficPolicy only where traffic comes from outside, and only Cluster or Local. */
export const EXTERNAL_TRAFFIC_POLICY: Rule = {
  id: 'UDP112',
  severity: Severity.ERROR,
  title: 'externalTrafficPolicy only on NodePort and LoadBalancer Services (or with externalIPs from 1.29)',
  why: 'The API server rejects externalTrafficPolicy on a Service no external traffic reaches. A ClusterIP Service with '
    + 'externalIPs may set it from Kubernetes 1.29 only: a 1.28 API server refuses it ("may only be set when `type` is '
    + '\'NodePort\' or \'LoadBalancer\'"), so it is refused when the cluster\'s version is known to be older.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service, context) {
    const spec = specOf(service);
    const policy = spec.externalTrafficPolicy;
    if (policy === undefined || policy === '') return [];
    const field = 'spec.externalTrafficPolicy';
    if (!TRAFFIC_POLICIES.includes(policy as string)) {
      return [{ field, value: policy, message: 'is not a supported policy', allowed: 'Cluster or Local' }];
    }
    const type = serviceType(service);
    if (type === 'NodePort' || type === 'LoadBalancer') return [];
    const allowed = 'type NodePort or LoadBalancer, or (Kubernetes 1.29 and later) a ClusterIP Service with externalIPs';
    if (list(spec.externalIPs).length === 0) {
      return [{ field, value: policy, message: `may only be set on externally-accessible services (type is '${type}')`, allowed }];
    }
    const version = context.kubernetesVersion;
    if (!version?.valid || version.isAtLeast(EXTERNAL_IPS_POLICY_SINCE)) return [];
    return [{
      field,
      value: policy,
      message: `may only be set when type is 'NodePort' or 'LoadBalancer' on Kubernetes ${version} (type is '${type}', with externalIPs)`,
      allowed,
    }];
  },
};

/** The first Kubernetes version whose API server takes externalTrafficPolicy on a ClusterIP Service with externalIPs. */
const EXTERNAL_IPS_POLICY_SINCE = '1.29';

/** UDP113: healthCheckNodePort only with LoadBalancer and Local. */
export const HEALTH_CHECK_NODE_PORT: Rule = {
  id: 'UDP113',
  severity: Severity.ERROR,
  title: 'healthCheckNodePort only on a LoadBalancer Service with externalTrafficPolicy Local',
  why: 'The API server rejects it elsewhere.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service, context) {
    const spec = specOf(service);
    const port = spec.healthCheckNodePort;
    if (port === undefined || port === 0) return [];
    const field = 'spec.healthCheckNodePort';
    if (serviceType(service) !== 'LoadBalancer' || spec.externalTrafficPolicy !== 'Local') {
      return [{
        field,
        value: port,
        message: 'may only be set when type is LoadBalancer and externalTrafficPolicy is Local',
        allowed: 'unset, or type LoadBalancer with externalTrafficPolicy Local',
      }];
    }
    if (typeof port !== 'number' || !context.nodePortRange.includes(port)) {
      return [{
        field,
        value: port,
        message: 'is not in the valid NodePort range',
        allowed: `${context.nodePortRange}, the cluster's --service-node-port-range`,
      }];
    }
    return [];
  },
};

/** UDP114: loadBalancerSourceRanges are CIDRs, on a LoadBalancer Service. */
export const SOURCE_RANGES: Rule = {
  id: 'UDP114',
  severity: Severity.ERROR,
  title: 'loadBalancerSourceRanges must be CIDRs on a LoadBalancer Service',
  why: 'The API server rejects ranges that are not CIDRs, and ranges on other types do nothing.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const ranges = specOf(service).loadBalancerSourceRanges;
    if (ranges === undefined) return [];
    const result: Violation[] = [];
    const type = serviceType(service);
    if (type !== 'LoadBalancer' && list(ranges).length > 0) {
      result.push({
        field: 'spec.loadBalancerSourceRanges',
        value: ranges,
        message: `may only be used when type is 'LoadBalancer' (type is '${type}')`,
        allowed: 'type LoadBalancer',
      });
    }
    list(ranges).forEach((range, i) => {
      if (typeof range !== 'string' || !isCidr(range.trim())) {
        result.push({
          field: `spec.loadBalancerSourceRanges[${i}]`,
          value: range,
          message: 'must be a CIDR',
          allowed: 'an IPv4 or IPv6 CIDR such as "10.0.0.0/8" or "2001:db8::/32"',
        });
      }
    });
    return result;
  },
};

/** UDP115: loadBalancerClass and allocateLoadBalancerNodePorts only on a LoadBalancer Service. */
export const LOAD_BALANCER_ONLY_FIELDS: Rule = {
  id: 'UDP115',
  severity: Severity.ERROR,
  title: 'loadBalancerClass and allocateLoadBalancerNodePorts only on a LoadBalancer Service',
  why: 'The API server rejects them on other types.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const type = serviceType(service);
    if (type === 'LoadBalancer') return [];
    const spec = specOf(service);
    return (['loadBalancerClass', 'allocateLoadBalancerNodePorts'] as const)
      .filter((field) => spec[field] !== undefined)
      .map((field) => ({
        field: `spec.${field}`,
        value: spec[field],
        message: `may only be used when type is 'LoadBalancer' (type is '${type}')`,
        allowed: 'type LoadBalancer',
      }));
  },
};

/** UDP116: ClientIP session affinity timeout in 1..86400 seconds. */
export const SESSION_AFFINITY: Rule = {
  id: 'UDP116',
  severity: Severity.ERROR,
  title: 'sessionAffinity ClientIP timeout must be 1..86400 seconds',
  why: 'The API server rejects other timeouts. A sessionAffinityConfig without sessionAffinity ClientIP is not refused '
    + 'but dropped by the server\'s defaulting (SetDefaults_Service, pkg/apis/core/v1/defaults.go): the timeout has no effect.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const spec = specOf(service);
    const affinity = spec.sessionAffinity;
    const config = record(spec.sessionAffinityConfig);
    const result: Violation[] = [];
    if (affinity !== undefined && affinity !== 'None' && affinity !== 'ClientIP') {
      result.push({ field: 'spec.sessionAffinity', value: affinity, message: 'is not supported', allowed: 'None or ClientIP' });
    }
    if (!config) return result;
    if (affinity !== 'ClientIP') {
      result.push({
        field: 'spec.sessionAffinityConfig',
        value: config,
        message: 'is dropped by the API server when sessionAffinity is not ClientIP: its timeout has no effect',
        allowed: 'sessionAffinity ClientIP',
      });
      return result;
    }
    const timeout = record(config.clientIP)?.timeoutSeconds;
    if (timeout !== undefined && (typeof timeout !== 'number' || !Number.isInteger(timeout) || timeout < 1 || timeout > 86400)) {
      result.push({
        field: 'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
        value: timeout,
        message: 'must be between 1 and 86400 seconds inclusive',
        allowed: '1..86400 (default 10800)',
      });
    }
    return result;
  },
};

/** UDP117: ports are required unless the Service is headless or ExternalName; type is a known one. */
export const PORTS_REQUIRED: Rule = {
  id: 'UDP117',
  severity: Severity.ERROR,
  title: 'A Service needs ports unless it is headless or ExternalName',
  why: 'The API server rejects it.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const type = serviceType(service);
    const given: unknown = specOf(service).type;
    if (given !== undefined && given !== null && typeof given !== 'string') {
      return [{ field: 'spec.type', value: given, message: 'must be a string', allowed: SERVICE_TYPES.join(', ') }];
    }
    if (!SERVICE_TYPES.includes(type)) {
      return [{ field: 'spec.type', value: type, message: 'is not a Service type', allowed: SERVICE_TYPES.join(', ') }];
    }
    if (type === 'ExternalName' || isHeadless(service) || servicePorts(service).length > 0) return [];
    return [{ field: 'spec.ports', value: specOf(service).ports, message: 'must have at least one port', allowed: 'one or more ports' }];
  },
};

/** UDP118: internalTrafficPolicy is Cluster or Local. */
export const INTERNAL_TRAFFIC_POLICY: Rule = {
  id: 'UDP118',
  severity: Severity.ERROR,
  title: 'internalTrafficPolicy must be Cluster or Local',
  why: 'The API server rejects other values.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const policy = specOf(service).internalTrafficPolicy;
    if (policy === undefined || TRAFFIC_POLICIES.includes(policy as string)) return [];
    return [{ field: 'spec.internalTrafficPolicy', value: policy, message: 'is not a supported policy', allowed: 'Cluster or Local' }];
  },
};

/** UDP119: ipFamilies and ipFamilyPolicy agree. */
export const IP_FAMILIES: Rule = {
  id: 'UDP119',
  severity: Severity.ERROR,
  title: 'ipFamilies must be IPv4/IPv6, distinct, and agree with ipFamilyPolicy',
  why: 'The API server rejects the Service.',
  source: Sources.SERVICE_VALIDATION,
  kinds: SERVICE,
  check(service) {
    const spec = specOf(service);
    const result: Violation[] = [];
    const policy = spec.ipFamilyPolicy;
    const policies = ['SingleStack', 'PreferDualStack', 'RequireDualStack'];
    if (policy !== undefined && !policies.includes(policy as string)) {
      result.push({ field: 'spec.ipFamilyPolicy', value: policy, message: 'is not a supported policy', allowed: policies.join(', ') });
    }
    if (spec.ipFamilies === undefined) return result;
    const families = list(spec.ipFamilies);
    families.forEach((family, i) => {
      if (family !== 'IPv4' && family !== 'IPv6') {
        result.push({ field: `spec.ipFamilies[${i}]`, value: family, message: 'is not an IP family', allowed: 'IPv4 or IPv6' });
      } else if (families.indexOf(family) !== i) {
        result.push({ field: `spec.ipFamilies[${i}]`, value: family, message: 'is listed twice', allowed: 'each family once' });
      }
    });
    if (families.length > 2) {
      result.push({ field: 'spec.ipFamilies', value: families, message: 'may list at most two families', allowed: 'one or two of IPv4, IPv6' });
    }
    if (families.length === 2 && (policy === undefined || policy === 'SingleStack')) {
      result.push({
        field: 'spec.ipFamilies',
        value: families,
        message: `lists two families but ipFamilyPolicy is ${policy === undefined ? 'unset (SingleStack)' : 'SingleStack'}`,
        allowed: 'ipFamilyPolicy PreferDualStack or RequireDualStack for two families',
      });
    }
    return result;
  },
};

/** The rules on a Service's spec and name. */
export const SERVICE_SPEC_RULES: readonly Rule[] = [
  SERVICE_NAME,
  EXTERNAL_TRAFFIC_POLICY,
  HEALTH_CHECK_NODE_PORT,
  SOURCE_RANGES,
  LOAD_BALANCER_ONLY_FIELDS,
  SESSION_AFFINITY,
  PORTS_REQUIRED,
  INTERNAL_TRAFFIC_POLICY,
  IP_FAMILIES,
];

