import { annotationsOf, KubeObject, serviceType, specOf, str } from './manifest';
import { awsImplementationOf } from './mixed-protocol';
import { RuleContext } from './rule';
import { LoadBalancerProvider } from '../model/load-balancer-provider';
import { GkeAnnotations } from '../model/providers/gke';

/** The provider a Service's own class or annotations name, by id, when they name one. */
export function implementationOf(service: KubeObject): string | undefined {
  const aws = awsImplementationOf(service);
  if (aws) return aws;
  const cls = str(specOf(service).loadBalancerClass) ?? '';
  const keys = Object.keys(annotationsOf(service));
  const prefixed = (...prefixes: string[]) => keys.some((key) => prefixes.some((prefix) => key.startsWith(prefix)));
  if (cls.startsWith('networking.gke.io/') || keys.includes(GkeAnnotations.RBS) || keys.includes(GkeAnnotations.LOAD_BALANCER_TYPE)) return 'gke';
  if (cls.startsWith('io.cilium/') || prefixed('lbipam.cilium.io/')) return 'cilium';
  if (prefixed('service.beta.kubernetes.io/azure-')) return 'aks';
  if (prefixed('kube-vip.io/')) return 'kube-vip';
  if (prefixed('metallb.io/', 'metallb.universe.tf/')) return 'metallb';
  return undefined;
}

const DEFAULTS: Record<string, () => LoadBalancerProvider> = {
  'aws-load-balancer-controller': () => LoadBalancerProvider.awsLoadBalancerController(),
  'aws-in-tree': () => LoadBalancerProvider.awsInTree(),
  'gke': () => LoadBalancerProvider.gke(),
  'aks': () => LoadBalancerProvider.aks(),
  'cilium': () => LoadBalancerProvider.cilium(),
  'kube-vip': () => LoadBalancerProvider.kubeVip(),
  'metallb': () => LoadBalancerProvider.metalLb(),
};

/**
 * The provider that builds a LoadBalancer Service's load balancer: the cluster's (`--provider`, or the construct's
 * `provider`) unless the Service's own class or annotations name another one, which is then taken with its defaults.
 */
export function loadBalancerProviderOf(service: KubeObject, context: RuleContext): LoadBalancerProvider | undefined {
  const own = implementationOf(service);
  if (own === undefined || context.provider?.id === own) return context.provider;
  return DEFAULTS[own]?.();
}

/**
 * What to add for a readiness signal to pods behind `services`: the health-check sidecar, unless every load balancer
 * in front of them is known not to health-check pods (GKE and AKS check nodes; MetalLB, Cilium and kube-vip check
 * nothing), where a sidecar would serve no load balancer and an exec probe is the simpler signal.
 */
export function readinessAdvice(services: readonly KubeObject[], context: RuleContext, sidecar: string, exec: string): string {
  const balanced = services.filter((service) => serviceType(service) === 'LoadBalancer');
  const providers = balanced.map((service) => loadBalancerProviderOf(service, context));
  if (balanced.length === 0 || providers.some((p) => p === undefined || p.checksPods)) return sidecar;
  return `${exec} (${providers[0]!.description} does not health-check the pods, so no health-check sidecar is needed for it)`;
}
