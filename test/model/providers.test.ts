/*
 * The load-balancer providers of 2026 one by one: the annotations and class each option emits, whether TCP and UDP fit
 * in one Service (by provider version), how split Services share an address, their command-line forms, and the exact
 * finding of each bad option.
 */
import { CiliumLoadBalancerClass, GkeLoadBalancerMode, LoadBalancerProvider, Protocol } from '../../src';
import { PROVIDER_FORMS } from '../../src/model/load-balancer-provider';

const single = { protocols: [Protocol.TCP, Protocol.UDP], split: false, endpointName: 'dns' };
const split = { protocols: [Protocol.UDP], split: true, endpointName: 'dns' };
const BS = GkeLoadBalancerMode.BACKEND_SERVICE;

describe('GKE', () => {
  test.each([
    ['target pool (the default)', {}, {}, undefined],
    ['backend service, version unknown: the annotation every version reads', { mode: BS }, { 'cloud.google.com/l4-rbs': 'enabled' }, undefined],
    ['backend service before 1.33.1-gke.1779000: the annotation', { mode: BS, version: '1.33.1-gke.1778999' }, { 'cloud.google.com/l4-rbs': 'enabled' }, undefined],
    ['backend service from 1.33.1-gke.1779000: the class', { mode: BS, version: '1.33.1-gke.1779000' }, {}, 'networking.gke.io/l4-regional-external'],
    ['internal, version unknown: the annotation', { internal: true }, { 'networking.gke.io/load-balancer-type': 'Internal' }, undefined],
    ['internal from 1.33.1-gke.1779000: the class', { internal: true, version: '1.35.0-gke.100' }, {}, 'networking.gke.io/l4-regional-internal'],
  ])('%s', (_, options, annotations, loadBalancerClass) => {
    expect(LoadBalancerProvider.gke(options).settings(single)).toEqual({ annotations, loadBalancerClass });
  });

  test('a reserved address on the Service, and on both Services of a split endpoint', () => {
    const gke = LoadBalancerProvider.gke({ internal: true, version: '1.36.2-gke.1498000', reservedAddressName: 'dns-ip' });
    expect(gke.settings(split)).toEqual({
      annotations: { 'networking.gke.io/load-balancer-ip-addresses': 'dns-ip' },
      loadBalancerClass: 'networking.gke.io/l4-regional-internal',
    });
    expect(gke.settings(single).annotations).toEqual({ 'networking.gke.io/load-balancer-ip-addresses': 'dns-ip' });
    expect(gke.sharedAddress('dns')).toBe('the reserved GKE address "dns-ip"');
  });

  test.each([
    [{}, false, 'GKE target-pool load balancers carry one protocol (use GkeLoadBalancerMode.BACKEND_SERVICE)'],
    [{ mode: BS }, true, 'GKE backend-service-based load balancers support mixed protocols (from GKE 1.34.1-gke.2190000)'],
    [{ mode: BS, version: '1.34.1-gke.2189999' }, false, 'GKE 1.34.1-gke.2189999 carries one protocol per external LoadBalancer Service (TCP and UDP together need 1.34.1-gke.2190000 or later)'],
    [{ mode: BS, version: '1.34.1-gke.2190000' }, true, 'GKE 1.34.1-gke.2190000 carries TCP and UDP in one external LoadBalancer Service over IPv4 only (1.34.1-gke.2190000 or later; IPv6 from 1.36.2-gke.1498000)'],
    [{ mode: BS, version: '1.36.2-gke.1498000' }, true, 'GKE 1.36.2-gke.1498000 carries TCP and UDP in one external LoadBalancer Service over IPv4, IPv6 or both (1.36.2-gke.1498000 or later)'],
    [{ internal: true }, false, 'the GKE version is unknown: TCP and UDP in one internal LoadBalancer Service need 1.36.2-gke.1498000 or later'],
    [{ internal: true, version: '1.36.1-gke.900' }, false, 'GKE 1.36.1-gke.900 carries one protocol per internal LoadBalancer Service (TCP and UDP together need 1.36.2-gke.1498000 or later)'],
    [{ internal: true, version: '1.36.2-gke.1498000' }, true, 'GKE 1.36.2-gke.1498000 carries TCP and UDP in one internal LoadBalancer Service (1.36.2-gke.1498000 or later)'],
  ])('mixed protocols with %j', (options, supported, reason) => {
    expect(LoadBalancerProvider.gke(options).mixedProtocol()).toEqual({ supported, reason });
  });

  test('its description names the version and the load balancer; it health-checks nodes, not pods', () => {
    expect(LoadBalancerProvider.gke().description).toBe('GKE (target-pool load balancer)');
    expect(LoadBalancerProvider.gke({ mode: BS, version: '1.34.1-gke.2190000' }).description).toBe('GKE 1.34.1-gke.2190000 (backend-service load balancer)');
    expect(LoadBalancerProvider.gke({ internal: true }).description).toBe('GKE (internal passthrough load balancer)');
    expect(LoadBalancerProvider.gke().checksPods).toBe(false);
    expect(LoadBalancerProvider.gke({ version: '1.34.1-gke.2190000' }).isAtLeast('1.34.1-gke.2189999')).toBe(true);
    expect(LoadBalancerProvider.gke({ version: '1.34.1-gke.2190000' }).isAtLeast('1.36.2-gke.1498000')).toBe(false);
  });
});

describe('AKS', () => {
  test('internal by default; the address on the Service, shared by split Services', () => {
    expect(LoadBalancerProvider.aks().settings(single)).toEqual({ annotations: { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' } });
    const aks = LoadBalancerProvider.aks({ ipv4Address: '10.1.2.3', sharedHealthProbe: true });
    expect(aks.settings(single)).toEqual(aks.settings(split));
    expect(aks.settings(split)).toEqual({
      annotations: {
        'service.beta.kubernetes.io/azure-load-balancer-internal': 'true',
        'service.beta.kubernetes.io/azure-load-balancer-ipv4': '10.1.2.3',
      },
    });
    expect(aks.sharedAddress('dns')).toBe('the address 10.1.2.3');
    expect(aks.checksPods).toBe(false);
    expect(LoadBalancerProvider.aks({ internal: false, publicIpName: 'dns-pip' }).settings(split)).toEqual({
      annotations: { 'service.beta.kubernetes.io/azure-pip-name': 'dns-pip' },
    });
  });
});

describe('Cilium LB IPAM', () => {
  test('by default: the endpoint name as sharing key on split Services only, no class, split', () => {
    const cilium = LoadBalancerProvider.cilium();
    expect(cilium.settings(single)).toEqual({ annotations: {} });
    expect(cilium.settings(split)).toEqual({ annotations: { 'lbipam.cilium.io/sharing-key': 'dns' } });
    expect(cilium.sharedAddress('dns')).toBe('the Cilium LB IPAM sharing key "dns"');
    expect(cilium.mixedProtocol()).toEqual({
      supported: false,
      reason: 'Cilium LB IPAM is not documented to carry TCP and UDP in one Service: split, on one address shared by sharing key',
    });
    expect(cilium.checksPods).toBe(false);
  });

  test('every option: class, key (on every Service when given), addresses, namespaces', () => {
    const cilium = LoadBalancerProvider.cilium({
      loadBalancerClass: CiliumLoadBalancerClass.L2_ANNOUNCER,
      sharingKey: 'game',
      loadBalancerIps: ['192.0.2.10', '2001:db8::10'],
      sharingCrossNamespace: ['query', 'voice'],
    });
    expect(cilium.settings(single)).toEqual({
      annotations: {
        'lbipam.cilium.io/sharing-key': 'game',
        'lbipam.cilium.io/sharing-cross-namespace': 'query,voice',
        'lbipam.cilium.io/ips': '192.0.2.10,2001:db8::10',
      },
      loadBalancerClass: 'io.cilium/l2-announcer',
    });
    expect(LoadBalancerProvider.cilium({ loadBalancerClass: CiliumLoadBalancerClass.BGP_CONTROL_PLANE }).settings(single))
      .toEqual({ annotations: {}, loadBalancerClass: 'io.cilium/bgp-control-plane' });
  });
});

describe('kube-vip', () => {
  test('its addresses, and TCP with UDP in one Service', () => {
    expect(LoadBalancerProvider.kubeVip().settings(single)).toEqual({ annotations: {} });
    const kubeVip = LoadBalancerProvider.kubeVip({ loadBalancerIps: ['192.0.2.20'] });
    expect(kubeVip.settings(single)).toEqual({ annotations: { 'kube-vip.io/loadbalancerIPs': '192.0.2.20' } });
    expect(kubeVip.sharedAddress('dns')).toBe('the kube-vip address 192.0.2.20');
    expect(kubeVip.mixedProtocol()).toEqual({ supported: true, reason: 'kube-vip serves every port of a Service, TCP and UDP alike' });
  });
});

describe('MetalLB', () => {
  test('mixed protocols from 0.13.6; both annotation prefixes', () => {
    expect(LoadBalancerProvider.metalLb({ version: '0.13.5' }).mixedProtocol().supported).toBe(false);
    expect(LoadBalancerProvider.metalLb({ version: '0.13.6' }).mixedProtocol().supported).toBe(true);
    expect(LoadBalancerProvider.metalLb({ sharingKey: 'kdc' }).settings(split).annotations).toEqual({
      'metallb.io/allow-shared-ip': 'kdc',
      'metallb.universe.tf/allow-shared-ip': 'kdc',
    });
  });
});

describe('command-line forms', () => {
  test('one spelling, in PROVIDER_FORMS', () => {
    expect(PROVIDER_FORMS).toBe('aws-lbc[:version], aws-in-tree, gke[:backend-service|:internal][:version], aks[:shared-probe], '
      + 'metallb[:version], cilium[:bgp-control-plane|:l2-announcer], kube-vip, generic[:mixed]');
  });

  test.each([
    ['gke', 'GKE (target-pool load balancer)', {}, undefined],
    ['gke:backend-service:1.34.1-gke.2190000', 'GKE 1.34.1-gke.2190000 (backend-service load balancer)', {}, 'networking.gke.io/l4-regional-external'],
    ['gke:internal:1.36.2-gke.1498000', 'GKE 1.36.2-gke.1498000 (internal passthrough load balancer)', {}, 'networking.gke.io/l4-regional-internal'],
    ['aks:shared-probe', 'AKS', { 'service.beta.kubernetes.io/azure-load-balancer-internal': 'true' }, undefined],
    ['cilium', 'Cilium LB IPAM', {}, undefined],
    ['cilium:l2-announcer', 'Cilium LB IPAM', {}, 'io.cilium/l2-announcer'],
    ['cilium:bgp-control-plane', 'Cilium LB IPAM', {}, 'io.cilium/bgp-control-plane'],
    ['kube-vip', 'kube-vip', {}, undefined],
  ])('%s', (form, description, annotations, loadBalancerClass) => {
    const provider = LoadBalancerProvider.parse(form);
    expect(provider.description).toBe(description);
    expect(provider.settings(single)).toEqual({ annotations, loadBalancerClass });
  });

  test('aks:shared-probe declares the shared health probe', () => {
    expect(LoadBalancerProvider.parse('aks:shared-probe').optionValue('sharedHealthProbe')).toBe(true);
    expect(LoadBalancerProvider.parse('aks').optionValue('sharedHealthProbe')).toBeUndefined();
  });

  test.each(['cilium:bgp', 'kube-vip:x', 'aks:x', 'gke:foo', 'gke:1.34:1.35'])('%s is refused with the forms', (form) => {
    expect(() => LoadBalancerProvider.parse(form)).toThrow(`"${form}" is not a provider (${PROVIDER_FORMS})`);
  });
});

describe('bad options, each with its finding', () => {
  const findings = (provider: LoadBalancerProvider) => provider.checkOptions('provider').map((f) => [f.ruleId, f.field, f.value, f.message, f.allowed]);

  test('values of the wrong type (UDP146), never a TypeError', () => {
    const gke = LoadBalancerProvider.gke({ internal: 'yes' as never, mode: 'rbs' as never });
    expect(findings(gke)).toEqual([
      ['UDP146', 'provider.internal', 'yes', 'must be true or false', 'true or false'],
      ['UDP146', 'provider.mode', 'rbs', 'must be one of "target-pool", "backend-service"', 'one of "target-pool", "backend-service"'],
    ]);
    expect(gke.settings(single)).toEqual({ annotations: {} });
    const metalLb = LoadBalancerProvider.metalLb({ loadBalancerIps: '192.0.2.1' as never });
    expect(findings(metalLb)).toEqual([['UDP146', 'provider.loadBalancerIps', '192.0.2.1', 'must be a list of strings', 'a list of strings']]);
    expect(metalLb.settings(split).annotations).toEqual({ 'metallb.io/allow-shared-ip': 'dns', 'metallb.universe.tf/allow-shared-ip': 'dns' });
    expect(findings(LoadBalancerProvider.cilium({ loadBalancerClass: 'io.cilium/l2' as never }))).toEqual([
      ['UDP146', 'provider.loadBalancerClass', 'io.cilium/l2', 'must be one of "io.cilium/bgp-control-plane", "io.cilium/l2-announcer"', 'one of "io.cilium/bgp-control-plane", "io.cilium/l2-announcer"'],
    ]);
  });

  test('a GKE version that is not one (UDP313)', () => {
    expect(findings(LoadBalancerProvider.gke({ version: 'latest' }))).toEqual([
      ['UDP313', 'provider.version', 'latest', 'is not a GKE version', 'a GKE version such as "1.34.1-gke.2190000"'],
    ]);
  });

  test('addresses, namespaces and keys that are not ones (UDP324)', () => {
    expect(findings(LoadBalancerProvider.cilium({ sharingCrossNamespace: ['Bad_NS', '*'], sharingKey: ' ' }))).toEqual([
      ['UDP324', 'provider.sharingCrossNamespace[0]', 'Bad_NS', 'is not a namespace name: must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character', 'namespace names, or "*" for every namespace'],
      ['UDP324', 'provider.sharingKey', ' ', 'must not be empty', 'a key that the Services sharing one address have in common'],
    ]);
    expect(findings(LoadBalancerProvider.kubeVip({ loadBalancerIps: ['192.0.2.10', 'vip'] }))).toEqual([
      ['UDP324', 'provider.loadBalancerIps[1]', 'vip', 'is not an IP address', 'IPv4 or IPv6 addresses, such as "192.0.2.10"'],
    ]);
    expect(findings(LoadBalancerProvider.aks({ ipv4Address: '2001:db8::1' }))).toEqual([
      ['UDP324', 'provider.ipv4Address', '2001:db8::1', 'is not an IPv4 address', 'an IPv4 address, such as "192.0.2.10"'],
    ]);
  });

  test('an option of another provider (UDP312) names its owners', () => {
    expect(findings(LoadBalancerProvider.kubeVip({ sharingKey: 'dns' } as never))).toEqual([
      ['UDP312', 'provider.sharingKey', 'dns', 'is an option of metallb and cilium, not of kube-vip, which ignores it', 'kube-vip options: loadBalancerIps'],
    ]);
  });
});
