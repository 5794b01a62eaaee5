/**
 * The rows of Keras 3's model.summary() for one analysed model (keras/src/utils/summary_utils.py
 * print_summary): one row per layer object, not per call. A Sequential lists its layers without the
 * InputLayer. A functional model lists its operations in Keras' order (ops/function.py map_graph: by
 * depth from the inputs, ties by first visit of a depth-first walk from the outputs), each shared layer
 * once with the output shape of its last call, and is "sequential-like" (no Connected to column) unless a
 * depth holds several nodes, a node has several inputs, or a layer is called twice.
 */
import type { ModelNode, ModelSummary, ParamCount, Shape, TensorInput } from './kerasModel';
import { canonicalClassName } from './layers/layerNames';

export interface SummaryRow {
  /** Keras' layer name, or null when HyperLab cannot count the automatic number. */
  readonly name: string | null;
  /** The name as the table shows it: 'dense_?' when the number is unknown. */
  readonly label: string;
  /** The class Keras prints: InputLayer for keras.Input, MaxPooling2D for MaxPool2D. */
  readonly className: string;
  readonly line: number;
  readonly outputShape: Shape | null;
  /** Every output's shape, for a layer that returns several tensors. */
  readonly outputShapes?: readonly (Shape | null)[];
  readonly params: ParamCount | null;
  /** `dense[0][0], input_layer[0][0]`, or '-'; null for sequential-like tables. */
  readonly connectedTo: string | null;
  /** The row's nodes (a shared layer's calls). */
  readonly nodeIds: readonly number[];
}

export interface SummaryRows {
  readonly sequentialLike: boolean;
  readonly rows: readonly SummaryRow[];
}

/** The layer (operation) a node belongs to: its first call. */
function opOf(node: ModelNode): number {
  return node.sharedWith ?? node.id;
}

function displayName(node: ModelNode): string | null {
  return node.name.includes('?') ? null : node.name;
}

export function displayClass(node: ModelNode): string {
  const c = node.call.className;
  return node.isInput ? 'InputLayer' : canonicalClassName(c);
}

/** Keras' map_graph ordering: operations by decreasing depth, ties by DFS first-visit index. */
function kerasOrder(nodes: readonly ModelNode[], outputs: readonly number[]): number[][] {
  const opIndex = new Map<number, number>();
  const post: number[] = [];
  const done = new Set<number>();
  const visit = (id: number, guard: Set<number>): void => {
    const node = nodes[id];
    if (!node || done.has(id) || guard.has(id)) return;
    if (!opIndex.has(opOf(node))) opIndex.set(opOf(node), opIndex.size);
    guard.add(id);
    if (!node.isInput) for (const i of node.inputs) visit(i, guard);
    guard.delete(id);
    done.add(id);
    post.push(id);
  };
  for (const o of outputs) visit(o, new Set());
  const nodeDepth = new Map<number, number>();
  const opDepth = new Map<number, number>();
  for (const id of [...post].reverse()) {
    const node = nodes[id]!;
    const depth = Math.max(nodeDepth.get(id) ?? 0, opDepth.get(opOf(node)) ?? 0);
    opDepth.set(opOf(node), depth);
    nodeDepth.set(id, depth);
    for (const parent of node.inputs) if (done.has(parent)) nodeDepth.set(parent, Math.max(depth + 1, nodeDepth.get(parent) ?? 0));
  }
  for (const node of nodes) {
    if (node.isInput && !opDepth.has(node.id)) { opDepth.set(node.id, 0); opIndex.set(node.id, -1); nodeDepth.set(node.id, 0); }
  }
  const ops = [...opDepth.keys()].sort((a, b) => (opDepth.get(b)! - opDepth.get(a)!) || (opIndex.get(a)! - opIndex.get(b)!));
  const byDepth = new Map<number, number[]>();
  for (const [id, d] of nodeDepth) byDepth.set(d, [...(byDepth.get(d) ?? []), id]);
  return [ops, ...byDepth.values()];
}

function isSequentialLike(nodes: readonly ModelNode[], depthGroups: readonly number[][]): boolean {
  for (const group of depthGroups) {
    if (group.length > 1) return false;
    if (group.length === 1 && (nodes[group[0]!]?.inputs.length ?? 0) > 1) return false;
  }
  return !nodes.some((n) => n.sharedWith !== null);
}

/** The tensors a node takes, with the output index of each (a layer returning several tensors: `lstm[0][2]`). */
function tensorInputs(node: ModelNode | undefined): TensorInput[] {
  if (!node) return [];
  if (node.args.length === 0) return node.inputs.map((n) => ({ node: n, output: 0 }));
  return node.args.flatMap((a) => (a.tensors ?? []).filter((t): t is TensorInput => t !== null));
}

/** `name[node_index][tensor_index]` for each input tensor of each call of the layer (Keras' node.input_tensors). */
function connections(nodes: readonly ModelNode[], callsOf: ReadonlyMap<number, number[]>, calls: readonly number[]): string {
  const parts: string[] = [];
  for (const id of calls) {
    for (const input of tensorInputs(nodes[id])) {
      const producer = nodes[input.node]!;
      const index = (callsOf.get(opOf(producer)) ?? []).indexOf(input.node);
      parts.push(`${producer.name}[${Math.max(0, index)}][${input.output}]`);
    }
  }
  return parts.length > 0 ? parts.join(', ') : '-';
}

export function summaryRows(summary: ModelSummary): SummaryRows {
  const { graph, layers } = summary;
  const nodes = graph.nodes;
  const outcome = (id: number) => layers[id]?.outcome ?? null;
  const callsOf = new Map<number, number[]>();
  for (const n of nodes) callsOf.set(opOf(n), [...(callsOf.get(opOf(n)) ?? []), n.id]);
  const row = (op: number, connectedTo: string | null): SummaryRow => {
    const calls = callsOf.get(op) ?? [op];
    const first = nodes[op]!;
    const last = outcome(calls[calls.length - 1]!);
    return {
      name: displayName(first), label: first.name, className: displayClass(first), line: first.call.span.line,
      outputShape: last?.outputShape ?? null, ...(last?.outputShapes ? { outputShapes: last.outputShapes } : {}), params: outcome(op)?.params ?? null,
      connectedTo, nodeIds: calls,
    };
  };
  if (graph.kind === 'sequential') {
    return { sequentialLike: true, rows: nodes.filter((n) => !n.isInput).map((n) => row(n.id, null)) };
  }
  const [ops, ...depthGroups] = kerasOrder(nodes, graph.outputs);
  const sequentialLike = isSequentialLike(nodes, depthGroups);
  return { sequentialLike, rows: ops!.map((op) => row(op, sequentialLike ? null : connections(nodes, callsOf, callsOf.get(op) ?? [op]))) };
}
