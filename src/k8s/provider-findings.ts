import { RULES } from '../core/catalog';
import { Finding } from '../core/finding';
import { findingOf } from '../core/rule-info';
import { LoadBalancerProvider } from '../model/load-balancer-provider';

/**
 * What is wrong with a `provider` prop: its options (each provider checks its own), or UDP143 for a value that is no
 * provider (untyped input such as `'aws'`).
 */
export function providerFindingsOf(given: unknown): Finding[] {
  if (given === undefined) return [];
  if (LoadBalancerProvider.isProvider(given)) return given.checkOptions('provider');
  return [findingOf(RULES.UDP143, {
    field: 'provider',
    value: given,
    message: 'is not a LoadBalancerProvider',
    allowed: 'LoadBalancerProvider.awsLoadBalancerController(), .awsInTree(), .gke(), .aks(), .metalLb(), .cilium(), .kubeVip() or .generic()',
    hint: typeof given === 'string'
      ? 'a provider written as text is read with LoadBalancerProvider.parse(), for example "aws-lbc:2.13" or "aws-in-tree"'
      : undefined,
  })];
}
