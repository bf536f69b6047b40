import { clientAddressOf, NetworkPolicyPeer } from '../../src/model/network-policy';

test('whether the pods see the client\'s address, by Service type, traffic policy and NLB target type', () => {
  const cases: Array<[Parameters<typeof clientAddressOf>[0], boolean, boolean]> = [
    [{ udp: true }, true, false],
    [{ type: 'ClusterIP', externalTrafficPolicy: 'Cluster', udp: true }, true, false],
    [{ type: 'NodePort', udp: true }, false, true],
    [{ type: 'NodePort', externalTrafficPolicy: 'Local', udp: true }, true, true],
    [{ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', udp: true }, false, true],
    [{ type: 'LoadBalancer', externalTrafficPolicy: 'Cluster', nlbTargetType: 'ip', udp: true }, true, true],
    [{ type: 'LoadBalancer', externalTrafficPolicy: 'Local', nlbTargetType: 'ip', udp: false }, false, true],
    [{ type: 'LoadBalancer', externalTrafficPolicy: 'Local', nlbTargetType: 'instance', udp: true }, true, true],
  ];
  for (const [exposure, preserved, external] of cases) {
    expect([exposure, clientAddressOf(exposure).preserved, clientAddressOf(exposure).external]).toEqual([exposure, preserved, external]);
  }
  expect(clientAddressOf({ type: 'NodePort', udp: true }).reason)
    .toBe('externalTrafficPolicy is Cluster: kube-proxy replaces the client\'s address with a node\'s (source NAT) before the pod sees it');
});

test('peers as a NetworkPolicy writes them, and their problems', () => {
  expect(NetworkPolicyPeer.cidr('10.0.0.0/8').toJson()).toEqual({ ipBlock: { cidr: '10.0.0.0/8', except: undefined } });
  expect(NetworkPolicyPeer.namespaces({}).toJson()).toEqual({ namespaceSelector: { matchLabels: {} } });
  expect(NetworkPolicyPeer.namespace('dns').toJson()).toEqual({ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns' } } });
  expect(NetworkPolicyPeer.pods({ role: 'client' }).kind).toBe('selector');
  expect(NetworkPolicyPeer.cidr('2001:db8::/32').problem()).toBeUndefined();
  expect(NetworkPolicyPeer.cidr('10.0.0.0/8', ['10.1.0.0']).problem()).toBe('except "10.1.0.0" is not a CIDR');
  expect(NetworkPolicyPeer.isPeer({ kind: 'cidr', toJson: () => ({}) })).toBe(true);
  expect(NetworkPolicyPeer.isPeer('10.0.0.0/8')).toBe(false);
});
