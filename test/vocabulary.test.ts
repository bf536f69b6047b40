/**
 * One vocabulary: every option of `NlbOptions` (declared once, in the model) is an option of the cdk8s
 * `NlbUdpLoadBalancer` and of the Pulumi `NlbUdpLoadBalancer`, with the same name, and each side accepts every value the
 * shared type allows (the Pulumi side may widen a type to take outputs). The checks below are types: if a side drops,
 * renames or narrows a shared option, this file no longer compiles and the test run fails. The defaults are checked at
 * run time below, side by side.
 */
import { App, Chart, Duration } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { NlbOptions, NlbUdpLoadBalancer, NlbUdpLoadBalancerProps } from '../src';
import { planNlb } from '../src/aws/plan';
import { NlbUdpLoadBalancerArgs } from '../src/pulumi';

/**
 * `true` when every value of `Shared` is a value of `Side`; for an object of options, when the side has each of its
 * options and accepts each (a side may add options of its own, such as the Pulumi side's `dns.zoneId`).
 */
type Accepts<Side, Shared> = [Shared] extends [Side] ? true
  : [Shared] extends [object] ? [Side] extends [object] ? All<{
    readonly [K in keyof Required<Shared>]-?: K extends keyof Side ? Accepts<Required<Side>[K], Required<Shared>[K]> : false
  }> : false : false;

/** For each shared option: whether the side has it and accepts every value of the shared type. */
type SameVocabulary<Side> = {
  readonly [K in keyof Required<NlbOptions>]-?: K extends keyof Side ? Accepts<Required<Side>[K], Required<NlbOptions>[K]> : false
};

/** `true` only when every entry is `true`. */
type All<T> = false extends T[keyof T] ? false : true;

const cdk8sSide: All<SameVocabulary<NlbUdpLoadBalancerProps>> = true;
const pulumiSide: All<SameVocabulary<NlbUdpLoadBalancerArgs>> = true;

describe('one vocabulary for the cdk8s and the Pulumi NlbUdpLoadBalancer', () => {
  test('every shared option has the same name and accepts the same values on both sides (checked when compiling)', () => {
    expect([cdk8sSide, pulumiSide]).toEqual([true, true]);
  });

  test('the defaults are the same: scheme internal, cross-zone on, UDP ports, health check every 10 s with a 10 s timeout, TTL 300 s', () => {
    const chart = new Chart(new App(), 'c');
    const server = new kplus.Deployment(chart, 'server', { containers: [{ image: 'example/game:1', portNumber: 7777 }] });
    const nlb = new NlbUdpLoadBalancer(chart, 'nlb', {
      selector: server,
      ports: [{ port: 7777 }],
      // the sidecar is the Kubernetes side's own default health check: the shared timing is what is compared here
      healthSidecar: false,
      healthCheck: { port: 10080, protocol: 'TCP' },
      dns: { hostname: 'game.example.com' },
    });
    const plan = planNlb('nlb', {
      vpcId: 'vpc-0123456789abcdef0',
      subnets: ['subnet-0aaaaaaaaaaaaaaa1'],
      ports: [{ port: 7777 }],
      healthCheck: { port: 10080, protocol: 'TCP' },
      dns: { zoneId: 'Z0123456789', hostname: 'game.example.com' },
    });
    const a = nlb.annotations;
    const A = 'service.beta.kubernetes.io/aws-load-balancer-';
    expect({
      scheme: a[`${A}scheme`],
      crossZone: a[`${A}attributes`],
      protocols: chart.toJson().find((o) => o.kind === 'Service').spec.ports.map((p: { protocol: string }) => p.protocol),
      ttl: chart.toJson().find((o) => o.kind === 'Service').metadata.annotations['external-dns.kubernetes.io/ttl'],
    }).toEqual({
      scheme: plan.scheme,
      crossZone: `load_balancing.cross_zone.enabled=${plan.nlb.crossZone}`,
      protocols: plan.listeners.map((l) => l.protocol),
      ttl: String(plan.ttl),
    });
    // the controller sends 10 and 10 when the annotations give none; the Pulumi component sends the same
    expect(a[`${A}healthcheck-interval`]).toBeUndefined();
    expect([plan.healthCheck.interval, plan.healthCheck.timeout]).toEqual([10, 10]);
    expect(plan.ttl).toBe(Duration.minutes(5).toSeconds());
  });
});
