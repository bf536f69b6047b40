export * from './diagram';
export type { DiagramEdge, DiagramGraph, DiagramGroup, DiagramMark, DiagramNode } from './graph';
export { HopKind, PathKind } from './graph';
