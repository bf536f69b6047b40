import { AWS_NLB_RULES } from './aws-nlb';
import { CONNTRACK_RULES } from './conntrack';
import { EXTERNAL_DNS_RULES } from './external-dns';
import { GATEWAY_RULES } from './gateway-routes';
import { METADATA_RULES } from './metadata';
import { MIXED_PROTOCOL_RULES } from './mixed-protocol';
import { NETWORK_POLICY_RULES } from './network-policy';
import { PROVIDER_RULES } from './providers';
import { Rule } from './rule';
import { SERVICE_PORT_RULES } from './service-ports';
import { SERVICE_SPEC_RULES } from './service-spec';
import { WORKLOAD_RULES } from './workload';
import { byRuleId } from '../core/rule-info';

/**
 * Every rule over Kubernetes objects, in id order.
 *
 * Ids are grouped by hundreds: UDP1xx what the API server accepts for a Service and its metadata; UDP2xx the
 * workloads behind UDP Services (ports, probes, readiness); UDP3xx mixed protocols and load-balancer providers;
 * UDP4xx DNS; UDP5xx AWS Network Load Balancers; UDP6xx the health-check sidecar; UDP7xx Gateway API L4 (routes, listeners,
 * implementations); UDP8xx NetworkPolicies in front of UDP Services.
 */
export const OBJECT_RULES: readonly Rule[] = [
  ...SERVICE_PORT_RULES,
  ...SERVICE_SPEC_RULES,
  ...METADATA_RULES,
  ...WORKLOAD_RULES,
  ...MIXED_PROTOCOL_RULES,
  ...PROVIDER_RULES,
  ...CONNTRACK_RULES,
  ...EXTERNAL_DNS_RULES,
  ...AWS_NLB_RULES,
  ...GATEWAY_RULES,
  ...NETWORK_POLICY_RULES,
].sort(byRuleId);
