/**
 * k8s-udp-constructs/rules: the rules one by one and the checks of single values, for tools built on the library's
 * rules. Constructs and `checkObjects` are in `k8s-udp-constructs`; most users need nothing from here.
 *
 * @packageDocumentation
 */
export { Severity, formatFinding, renderValue } from '../core/finding';
export type { Finding, ObjectRef, Violation } from '../core/finding';
export { findingOf } from '../core/rule-info';
export type { RuleExample, RuleInfo } from '../core/rule-info';
export { RULES, RULE_CATALOG, catalogEntry, ruleDocUrl } from '../core/catalog';
export type { RuleId } from '../core/catalog';
export { Sources } from '../core/sources';
export * from './rule';
export * from './engine';
export * from './catalog';
export type { KubeObject } from './manifest';
export * from './service-ports';
export * from './service-spec';
export * from './metadata';
export * from './workload';
export * from './mixed-protocol';
export * from './providers';
export * from './conntrack';
export * from './aws-nlb';
export * from './external-dns';
export * from './gateway-routes';
export * from './network-policy';
// The AWS Load Balancer Controller's annotation keys, class, defaults and parsers
export * from '../model/aws-load-balancer-controller';
// The checks of single values that the constructs, the Pulumi component and the rules share
export { checkHealthCheck, checkHealthCheckForTraffic, checkHealthCheckTiming, resolveHealthCheck, HEALTH_CHECK_DEFAULTS, HEALTH_CHECK_LIMITS, TRAFFIC_PORT } from '../model/health-check';
export type { HealthCheck, HealthCheckTimingDefaults, ResolvedHealthCheck } from '../model/health-check';
export { checkIpAddressType, checkPlacement, checkSwitch } from '../model/placement';
export type { PlacementInput } from '../model/placement';
export { checkListeners, checkTargets, checkTargetType } from '../model/nlb-listeners';
export type { NlbTargetsInput } from '../model/nlb-listeners';
export { describeNlb, carriesUdp } from '../model/nlb';
export type { NlbDescription, NlbPortDescription, NlbSide } from '../model/nlb';
export { planNlbDns } from '../model/nlb-dns';
export type { PlannedNlbDns, PlannedSrvRecord, PlannedSrvTarget } from '../model/nlb-dns';
export { checkTargetGroupAttributes } from '../model/target-group-attributes';
export { checkHostname, checkSrvNumber, checkSrvProtocol, checkSrvService, checkSrvTarget, checkTtl, srvTarget, TTL_RANGE } from '../model/dns';
export type { SrvTarget } from '../model/dns';
export { checkDns1035Label, checkDns1123Label, checkDns1123Subdomain, checkIanaSvcName, checkLabelValue, checkQualifiedName } from '../model/names';
