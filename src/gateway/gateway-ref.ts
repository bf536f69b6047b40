import { GatewayImplementation } from '../model/gateway-implementation';
import { Protocol } from '../model/protocol';

/** A listener of an L4 Gateway: a port and a protocol, which route kind attaches to it. */
export interface L4Listener {
  /** The listener's name, a DNS-1123 label unique within the Gateway; routes name it in `sectionName`. */
  readonly name: string;
  /** The port the Gateway listens on, 1..65535. */
  readonly port: number;
  /** `Protocol.UDP` (UDPRoute attaches) or `Protocol.TCP` (TCPRoute attaches). */
  readonly protocol: Protocol;
}

/** A Gateway that L4 routes attach to: one this app creates (`L4Gateway`) or one that exists (`GatewayRef.fromName`). */
export interface IL4Gateway {
  /** The Gateway's name. */
  readonly gatewayName: string;
  /** The Gateway's namespace, or `undefined` for the namespace the routes are applied to. */
  readonly gatewayNamespace?: string;
  /** The implementation that serves it, when known (what it supports is checked). */
  readonly implementation?: GatewayImplementation;
  /** The listeners, when known. */
  readonly listeners: L4Listener[];
}

/** Options of `GatewayRef.fromName`. */
export interface GatewayRefOptions {
  /**
   * The Gateway's namespace.
   * @default - the namespace the routes are applied to
   */
  readonly namespace?: string;
  /**
   * The implementation of its GatewayClass, so that a UDPRoute on an implementation without UDPRoute is refused.
   * @default - unknown: not checked
   */
  readonly implementation?: GatewayImplementation;
  /**
   * Its listeners, so that routes name the one of their port and protocol in `sectionName`.
   * @default - unknown: routes attach by `port` to every listener of that port that allows them
   */
  readonly listeners?: L4Listener[];
}

/**
 * A Gateway that exists, owned by someone else (platform teams often own the Gateway and app teams the routes).
 *
 * @example
 * const shared = GatewayRef.fromName('edge', {
 *   namespace: 'gateways',
 *   implementation: GatewayImplementation.envoyGateway(),
 *   listeners: [{ name: 'game-udp', port: 7777, protocol: Protocol.UDP }],
 * });
 */
export class GatewayRef implements IL4Gateway {
  /** A Gateway by its name (and namespace). */
  public static fromName(name: string, options: GatewayRefOptions = {}): GatewayRef {
    return new GatewayRef(name, options);
  }

  public readonly gatewayName: string;
  public readonly gatewayNamespace?: string;
  public readonly implementation?: GatewayImplementation;
  public readonly listeners: L4Listener[];

  private constructor(name: string, options: GatewayRefOptions) {
    this.gatewayName = name;
    this.gatewayNamespace = options.namespace;
    this.implementation = options.implementation;
    this.listeners = [...options.listeners ?? []];
  }
}
