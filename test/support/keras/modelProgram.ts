/**
 * A Keras model as a small program, independent of how it is spelt: its layer calls in construction order,
 * each with the earlier nodes it is applied to (an Input call takes none). The spelling generator
 * (pythonSpelling.ts) writes it as Python in many equivalent ways; the metamorphic tests and the Keras
 * differential tier compare what each spelling gives. Test-only.
 */
import type { LayerCall } from '../../../src/keras/kerasModel';

export type Call = Pick<LayerCall, 'className' | 'args' | 'kwargs'>;

export interface ProgramNode {
  readonly call: Call;
  /** Indices of the earlier nodes it is applied to, in order (a merge layer's list). */
  readonly inputs: readonly number[];
  /** Tensors passed in the call's other arguments: '#1' for the second positional one, else a keyword (`key=`). */
  readonly callArgs?: readonly { readonly name: string; readonly node: number }[];
}

export interface ModelProgram {
  readonly nodes: readonly ProgramNode[];
}

export const isInputCall = (call: Call): boolean => call.className === 'Input' || call.className === 'InputLayer';

/** The nodes no other node takes: the model's outputs, in order. */
export function outputNodes(p: ModelProgram): number[] {
  const used = new Set(p.nodes.flatMap((n) => [...n.inputs, ...(n.callArgs ?? []).map((a) => a.node)]));
  return p.nodes.map((_, i) => i).filter((i) => !used.has(i) && !isInputCall(p.nodes[i]!.call));
}

/** The Input nodes, in order. */
export function inputNodes(p: ModelProgram): number[] {
  return p.nodes.map((n, i) => (isInputCall(n.call) ? i : -1)).filter((i) => i >= 0);
}

/**
 * True when the program can also be a Sequential: a chain from an optional leading Input, each node taking the
 * previous one, no merge functions.
 */
export function isChain(p: ModelProgram): boolean {
  return p.nodes.every((n, i) => {
    if (n.callArgs && n.callArgs.length > 0) return false;
    if (i === 0) return n.inputs.length === 0;
    if (isInputCall(n.call) || /^[a-z]/.test(n.call.className)) return false;
    return n.inputs.length === 1 && n.inputs[0] === i - 1;
  });
}

/**
 * The same program with its input as an Input node: a first layer's `input_shape=(…)` / `input_dim=n`
 * becomes `Input(shape=…)` before it. Unchanged when the program already starts with an Input or declares
 * its input some other way.
 */
export function withInputNode(p: ModelProgram): ModelProgram {
  const first = p.nodes[0];
  if (!first || isInputCall(first.call)) return p;
  const { input_shape: shape, input_dim: dim, ...rest } = first.call.kwargs;
  if ((shape === undefined) === (dim === undefined) || Object.keys(rest).some((k) => k.startsWith('batch') || k === 'input_length')) return p;
  const inputShape = shape ?? { kind: 'tuple' as const, items: [dim!] };
  const input: ProgramNode = { call: { className: 'Input', args: [], kwargs: { shape: inputShape } }, inputs: [] };
  const shifted = p.nodes.map((n, i): ProgramNode => ({ call: i === 0 ? { ...n.call, kwargs: rest } : n.call, inputs: i === 0 ? [0] : n.inputs.map((j) => j + 1) }));
  return { nodes: [input, ...shifted] };
}

/** Every value of the program can be written as Python source (no value known only at run time). */
export function isWritable(p: ModelProgram): boolean {
  const ok = (v: Call['args'][number]): boolean => {
    if (v.kind === 'unknown') return false;
    if (v.kind === 'tuple') return v.items.every(ok);
    if (v.kind === 'call') return v.args.every(ok) && Object.values(v.kwargs).every(ok);
    return true;
  };
  return p.nodes.every((n) => (n.call.args.every(ok) || /^[a-z]/.test(n.call.className)) && Object.values(n.call.kwargs).every(ok));
}
