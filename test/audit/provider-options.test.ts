/*
 * Every option of the providers of 2026 (GKE, AKS, Cilium LB IPAM, kube-vip), audited through the endpoint that uses
 * it: a valid value takes effect (the synthesized Services or the findings change), and a value of the wrong type is a
 * finding on `provider.<option>`, never a TypeError. The tables are typed by the options interfaces, so a new option
 * without an entry fails the type check.
 */
import { Testing } from 'cdk8s';
import {
  AksOptions, CiliumLoadBalancerClass, CiliumOptions, DualProtocolEndpoint, GkeLoadBalancerMode, GkeOptions, KubeVipOptions,
  LoadBalancerProvider, ServiceType, UdpRules,
} from '../../src';

UdpRules.onWarning(() => undefined);

interface OptionCase<O> {
  readonly valid: unknown;
  readonly wrong: unknown;
  readonly with?: Partial<O>;
}

interface Built { readonly objects?: unknown[]; readonly findings: Array<{ ruleId: string; field: string }>; readonly thrown?: string }

function build(provider: () => LoadBalancerProvider): Built {
  const chart = Testing.chart();
  try {
    new DualProtocolEndpoint(chart, 'dns', { metadata: { name: 'dns' }, selector: { app: 'dns' }, type: ServiceType.LOAD_BALANCER, provider: provider(), ports: [{ name: 'dns', port: 53 }] });
    const findings = UdpRules.findings(chart).map((f) => ({ ruleId: f.ruleId, field: f.field }));
    let objects: unknown[] | undefined;
    try {
      objects = Testing.synth(chart);
    } catch {
      objects = undefined;
    }
    return { objects, findings };
  } catch (error) {
    return { findings: [], thrown: (error as Error).stack };
  }
}

function auditOptions<O extends object>(name: string, make: (options: O) => LoadBalancerProvider, cases: Record<keyof O, OptionCase<O>>): void {
  describe.each(Object.entries(cases) as Array<[string, OptionCase<O>]>)(`${name} %s`, (option, { valid, wrong, with: extra }) => {
    test('a valid value takes effect or is a finding', () => {
      const without = build(() => make({ ...extra } as O));
      const result = build(() => make({ ...extra, [option]: valid } as O));
      expect(result.thrown).toBeUndefined();
      expect(JSON.stringify([result.objects, result.findings])).not.toEqual(JSON.stringify([without.objects, without.findings]));
    });

    test('a value of the wrong type is a finding on provider.<option>, never a TypeError', () => {
      const result = build(() => make({ ...extra, [option]: wrong } as O));
      expect(result.thrown).toBeUndefined();
      expect(result.findings.filter((f) => f.field === `provider.${option}`).map((f) => f.ruleId)).toEqual([option === 'version' ? 'UDP313' : 'UDP146']);
    });
  });
}

auditOptions<GkeOptions>('gke', (o) => LoadBalancerProvider.gke(o), {
  mode: { valid: GkeLoadBalancerMode.BACKEND_SERVICE, wrong: 'rbs' },
  reservedAddressName: { valid: 'dns-ip', wrong: 5 },
  version: { valid: '1.34.1-gke.2190000', wrong: 134, with: { mode: GkeLoadBalancerMode.BACKEND_SERVICE } },
  internal: { valid: true, wrong: 'yes' },
});

auditOptions<AksOptions>('aks', (o) => LoadBalancerProvider.aks(o), {
  internal: { valid: false, wrong: 'false' },
  ipv4Address: { valid: '10.1.2.3', wrong: 10, with: { sharedHealthProbe: true } },
  publicIpName: { valid: 'dns-pip', wrong: ['dns-pip'], with: { internal: false } },
  sharedHealthProbe: { valid: true, wrong: 'shared' },
});

auditOptions<CiliumOptions>('cilium', (o) => LoadBalancerProvider.cilium(o), {
  loadBalancerClass: { valid: CiliumLoadBalancerClass.BGP_CONTROL_PLANE, wrong: 'bgp' },
  sharingKey: { valid: 'game', wrong: 7 },
  loadBalancerIps: { valid: ['192.0.2.10'], wrong: '192.0.2.10' },
  sharingCrossNamespace: { valid: ['*'], wrong: '*' },
});

auditOptions<KubeVipOptions>('kube-vip', (o) => LoadBalancerProvider.kubeVip(o), {
  loadBalancerIps: { valid: ['192.0.2.20'], wrong: '192.0.2.20' },
});
