/**
 * Rules on what ExternalDNS publishes: DNSEndpoint objects (`externaldns.k8s.io/v1alpha1`), the only way to SRV
 * records, and the hostname and TTL annotations on Services. The value checks come from the shared DNS model
 * (src/model/dns.ts), so the constructs and the linter judge a name or a TTL alike.
 */
import { annotationsOf, list, record, specOf, str } from './manifest';
import { Rule } from './rule';
import { RULES } from '../core/catalog';
import { Severity, Violation } from '../core/finding';
import { checkHostname, checkSrvNumber, checkSrvService, checkTtl, hostnameProblem, srvTargetForm, SrvTargetForm } from '../model/dns';

/** The annotation prefixes ExternalDNS reads: `external-dns.alpha.kubernetes.io/` up to v0.21, the other from v0.22. */
export const EXTERNAL_DNS_PREFIXES = ['external-dns.alpha.kubernetes.io/', 'external-dns.kubernetes.io/'] as const;

/** The DNSEndpoint API group. */
export const DNS_ENDPOINT_GROUP = 'externaldns.k8s.io';

const DNS_ENDPOINT = ['DNSEndpoint'];

/** A DNSEndpoint's endpoints with their index, only for objects of the ExternalDNS group. */
function endpointsOf(object: Record<string, unknown>): Array<{ readonly index: number; readonly endpoint: Record<string, unknown> }> {
  const apiVersion = str(object.apiVersion) ?? '';
  if (!apiVersion.startsWith(`${DNS_ENDPOINT_GROUP}/`)) return [];
  return list(specOf(object).endpoints).map((raw, index) => ({ index, endpoint: record(raw) ?? {} }));
}

/** The SRV targets of a DNSEndpoint, with their field paths. */
function srvTargets(object: Record<string, unknown>): Array<{ readonly field: string; readonly target: unknown }> {
  const result: Array<{ field: string; target: unknown }> = [];
  for (const { index, endpoint } of endpointsOf(object)) {
    if (endpoint.recordType !== 'SRV') continue;
    list(endpoint.targets).forEach((target, j) => result.push({ field: `spec.endpoints[${index}].targets[${j}]`, target }));
  }
  return result;
}

/**
 * UDP430: every SRV target of a DNSEndpoint has the form the ExternalDNS release publishes: with the trailing dot
 * (v0.22.0 and later, and when the release is unknown), without it (v0.20.0 and earlier); v0.21.x publishes none.
 */
export const SRV_TARGET_TRAILING_DOT: Rule = {
  ...RULES.UDP430,
  kinds: DNS_ENDPOINT,
  check(object, context) {
    const result: Violation[] = [];
    const form = srvTargetForm(context.externalDnsVersion);
    for (const { field, target } of srvTargets(object)) {
      if (typeof target !== 'string') continue;
      if (form === SrvTargetForm.NONE) {
        result.push({
          field,
          value: target,
          message: `is never published: ExternalDNS ${context.externalDnsVersion} publishes no DNSEndpoint SRV record, with or without the dot`,
          allowed: 'ExternalDNS v0.22.0 or later (targets with the dot), or v0.20.x (targets without it)',
        });
        continue;
      }
      if (form === SrvTargetForm.UNDOTTED) {
        if (!target.trim().endsWith('.')) continue;
        result.push({
          field,
          value: target,
          message: `ends with a dot, which ExternalDNS ${context.externalDnsVersion} skips as an illegal target format`,
          allowed: '"priority weight port host" without the trailing dot, or ExternalDNS v0.22.0 or later',
          hint: `write "${target.trim().slice(0, -1)}"`,
        });
        continue;
      }
      if (target.trim().endsWith('.')) continue;
      const fields = target.trim().split(/\s+/);
      result.push({
        field,
        value: target,
        message: 'does not end with a dot: ExternalDNS (v0.21.0 and later) drops the whole SRV endpoint, with only a warning',
        allowed: '"priority weight port host." with the trailing dot (or, for ExternalDNS v0.20.0 and earlier, say so: --external-dns-version)',
        hint: fields.length === 4 ? `write "${target.trim()}."` : undefined,
      });
    }
    return result;
  },
};

const SRV_FIELD_NAMES = ['priority', 'weight', 'port'] as const;

/** UDP431: SRV targets have four fields, numbers 0..65535 and a host that is a DNS name. */
export const SRV_TARGET_FIELDS: Rule = {
  ...RULES.UDP431,
  kinds: DNS_ENDPOINT,
  check(object) {
    const result: Violation[] = [];
    for (const { field, target } of srvTargets(object)) {
      if (typeof target !== 'string') {
        result.push({ field, value: target, message: 'must be a string', allowed: '"priority weight port host."' });
        continue;
      }
      const parts = target.trim().split(/\s+/).filter((p) => p.length > 0);
      if (parts.length !== 4) {
        result.push({
          field,
          value: target,
          message: `has ${parts.length} field${parts.length === 1 ? '' : 's'}, not 4`,
          allowed: '"priority weight port host.", for example "0 10 88 kdc.example.com."',
        });
        continue;
      }
      SRV_FIELD_NAMES.forEach((name, i) => {
        const number = /^\d+$/.test(parts[i]) ? Number(parts[i]) : parts[i];
        for (const finding of checkSrvNumber(number, name)) {
          result.push({ field, value: target, message: `${name} "${parts[i]}" ${finding.message}`, allowed: `${name}: ${finding.allowed}` });
        }
      });
      for (const finding of checkHostname(parts[3], 'host')) {
        result.push({ field, value: target, message: `host "${parts[3]}": ${finding.message}`, allowed: finding.allowed });
      }
    }
    return result;
  },
};

/** UDP432: an SRV record's name is `_service._proto.domain`. */
export const SRV_RECORD_NAME: Rule = {
  ...RULES.UDP432,
  kinds: DNS_ENDPOINT,
  check(object) {
    const result: Violation[] = [];
    for (const { index, endpoint } of endpointsOf(object)) {
      if (endpoint.recordType !== 'SRV') continue;
      const field = `spec.endpoints[${index}].dnsName`;
      const name = endpoint.dnsName;
      const allowed = '_service._udp.domain or _service._tcp.domain, for example _kerberos._udp.example.com';
      if (typeof name !== 'string') {
        result.push({ field, value: name, message: 'must be a string', allowed });
        continue;
      }
      const labels = name.replace(/\.$/, '').split('.');
      if (labels.length < 3 || !labels[0].startsWith('_') || !labels[1].startsWith('_')) {
        result.push({ field, value: name, message: 'is not of the form _service._proto.domain', allowed });
        continue;
      }
      // (the warning that a common name is not the registered one, UDP412, is the constructs' hint on their prop)
      for (const finding of checkSrvService(labels[0], 'service').filter((f) => f.severity === Severity.ERROR)) {
        result.push({ field, value: name, message: `service label "${labels[0]}" ${finding.message}`, allowed });
      }
      const proto = labels[1].slice(1);
      if (proto !== 'udp' && proto !== 'tcp') {
        result.push({ field, value: name, message: `protocol label "${labels[1]}" must be _udp or _tcp`, allowed });
      }
      const domain = labels.slice(2).join('.');
      const problem = hostnameProblem(domain);
      if (problem) result.push({ field, value: name, message: `domain "${domain}": ${problem}`, allowed });
    }
    return result;
  },
};

/** UDP433: DNSEndpoint names are DNS names and TTLs are 1..2147483647 seconds. */
export const DNS_ENDPOINT_NAME_TTL: Rule = {
  ...RULES.UDP433,
  kinds: DNS_ENDPOINT,
  check(object) {
    const result: Violation[] = [];
    for (const { index, endpoint } of endpointsOf(object)) {
      if (endpoint.recordType !== 'SRV') {
        for (const finding of checkHostname(endpoint.dnsName, `spec.endpoints[${index}].dnsName`, true)) {
          result.push({ field: finding.field, value: finding.value, message: finding.message, allowed: finding.allowed });
        }
      }
      const ttl = endpoint.recordTTL;
      if (ttl === undefined || ttl === 0) continue; // 0 or unset: the provider's default
      for (const finding of checkTtl(ttl, `spec.endpoints[${index}].recordTTL`)) {
        result.push({ field: finding.field, value: finding.value, message: finding.message, allowed: finding.allowed });
      }
    }
    return result;
  },
};

/** The ExternalDNS annotations of a Service whose name (after the prefix) is one of `names`. */
function externalDnsAnnotations(object: Record<string, unknown>, names: readonly string[]): Array<{ key: string; value: string }> {
  const result: Array<{ key: string; value: string }> = [];
  for (const [key, value] of Object.entries(annotationsOf(object))) {
    for (const prefix of EXTERNAL_DNS_PREFIXES) {
      if (key.startsWith(prefix) && names.includes(key.slice(prefix.length))) result.push({ key, value });
    }
  }
  return result;
}

/** UDP434: ExternalDNS hostname annotations on a Service hold DNS names. */
export const EXTERNAL_DNS_HOSTNAME: Rule = {
  ...RULES.UDP434,
  kinds: ['Service'],
  check(service) {
    const result: Violation[] = [];
    for (const { key, value } of externalDnsAnnotations(service, ['hostname', 'internal-hostname'])) {
      const field = `metadata.annotations[${JSON.stringify(key)}]`;
      // ExternalDNS removes every space, then splits on commas.
      const names = value.replace(/ /g, '').split(',');
      for (const name of names) {
        for (const finding of checkHostname(name, field, true)) {
          const which = names.length > 1 ? `"${name}": ` : '';
          result.push({ field, value, message: `${which}${finding.message}`, allowed: finding.allowed });
        }
      }
    }
    return result;
  },
};

const GO_DURATION_UNITS: Record<string, number> = { ns: 1e-9, us: 1e-6, µs: 1e-6, μs: 1e-6, ms: 1e-3, s: 1, m: 60, h: 3600 };

/**
 * A TTL annotation in seconds, as ExternalDNS reads it: a whole number, else a Go duration (`90s`, `1m30s`, `1.5h`)
 * truncated to whole seconds; `undefined` when it is neither.
 */
export function parseExternalDnsTtl(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^[+-]?\d+$/.test(trimmed)) return Number(trimmed);
  if (trimmed === '0') return 0;
  const match = /^([+-]?)((?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+)$/.exec(trimmed);
  if (!match) return undefined;
  let seconds = 0;
  for (const part of match[2].matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g)) {
    seconds += Number(part[1]) * GO_DURATION_UNITS[part[2]];
  }
  return Math.trunc(match[1] === '-' ? -seconds : seconds);
}

/** UDP435: the ExternalDNS ttl annotation is seconds or a duration, 1..2147483647 seconds. */
export const EXTERNAL_DNS_TTL: Rule = {
  ...RULES.UDP435,
  kinds: ['Service'],
  check(service) {
    const result: Violation[] = [];
    for (const { key, value } of externalDnsAnnotations(service, ['ttl'])) {
      const field = `metadata.annotations[${JSON.stringify(key)}]`;
      const seconds = parseExternalDnsTtl(value);
      if (seconds === undefined) {
        result.push({
          field,
          value,
          message: 'is neither whole seconds nor a duration: ExternalDNS ignores it',
          allowed: 'whole seconds such as "160", or a duration such as "60s" or "5m"',
        });
        continue;
      }
      for (const finding of checkTtl(seconds, field)) {
        const shown = String(seconds) === value.trim() ? '' : ` (${seconds} seconds)`;
        result.push({ field, value, message: `${finding.message}${shown}: ExternalDNS ignores it`, allowed: finding.allowed });
      }
    }
    return result;
  },
};

/** The rules on ExternalDNS records and annotations, in id order (UDP430..UDP449). */
export const EXTERNAL_DNS_RULES: readonly Rule[] = [
  SRV_TARGET_TRAILING_DOT,
  SRV_TARGET_FIELDS,
  SRV_RECORD_NAME,
  DNS_ENDPOINT_NAME_TTL,
  EXTERNAL_DNS_HOSTNAME,
  EXTERNAL_DNS_TTL,
];
