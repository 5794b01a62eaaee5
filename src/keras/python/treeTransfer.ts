/**
 * A @lezer syntax tree as plain data that crosses a worker boundary (structured clone) and back: each
 * Tree becomes its type id, length and children with their positions; each TreeBuffer keeps its own
 * Uint16Array of (type, from, to, end index) quadruples, copied as is. Rebuilding with the same parser's
 * node set gives the tree the parser made: same nodes, same buffers. Tree props (look-ahead, context
 * hashes) are not carried: they only serve incremental reuse through TreeFragments, which segment trees
 * never go through (pySegments.ts reuses whole segments).
 */
import { type NodeSet, Tree, TreeBuffer } from '@lezer/common';

export interface PackedBuffer {
  readonly buffer: Uint16Array;
  readonly length: number;
}

export interface PackedTree {
  readonly type: number;
  readonly length: number;
  readonly children: readonly (PackedTree | PackedBuffer)[];
  readonly positions: readonly number[];
}

export function packTree(tree: Tree): PackedTree {
  return {
    type: tree.type.id,
    length: tree.length,
    children: tree.children.map((c) => (c instanceof Tree ? packTree(c) : { buffer: c.buffer, length: c.length })),
    positions: tree.positions,
  };
}

export function unpackTree(packed: PackedTree, nodeSet: NodeSet): Tree {
  const type = nodeSet.types[packed.type];
  if (!type) throw new Error(`unknown node type ${packed.type}`);
  const children = packed.children.map((c) => ('buffer' in c ? new TreeBuffer(c.buffer, c.length, nodeSet) : unpackTree(c, nodeSet)));
  return new Tree(type, children, [...packed.positions], packed.length);
}
