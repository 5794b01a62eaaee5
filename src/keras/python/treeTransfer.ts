/**
 * A @lezer syntax tree as flat plain data that crosses a worker boundary (structured clone) and back. The
 * Tree nodes are listed children first, each as (type id, length, child count) followed by one
 * (kind, index, position) triple per child, where kind 0 points to an earlier Tree of the list and kind 1 to a
 * TreeBuffer, whose Uint16Array of (type, from, to, end index) quadruples is copied as is. Flat on purpose:
 * error recovery can nest trees thousands deep, and a nested object that deep overflows the stack when it is
 * cloned or rebuilt; packing and unpacking here use no recursion. Rebuilding with the same parser's node set
 * gives the tree the parser made: same nodes, same buffers. Tree props (look-ahead, context hashes) are not
 * carried: they only serve incremental reuse through TreeFragments, which segment trees never go through
 * (pySegments.ts reuses whole segments).
 */
import { type NodeSet, Tree, TreeBuffer } from '@lezer/common';

export interface PackedTree {
  /** Per Tree node, children first: type, length, child count, then (kind, index, position) per child. */
  readonly nodes: readonly number[];
  readonly buffers: readonly Uint16Array[];
  readonly bufferLengths: readonly number[];
  /** Nesting depth of the Tree nodes (1 for a tree whose children are all buffers). */
  readonly depth: number;
}

const TREE = 0;
const BUFFER = 1;

export function packTree(root: Tree): PackedTree {
  const nodes: number[] = [];
  const buffers: Uint16Array[] = [];
  const bufferLengths: number[] = [];
  const indexOf = new Map<Tree, number>();
  let count = 0;
  let depth = 0;
  // Iterative post-order: a tree is written once all its Tree children have been.
  const stack: { tree: Tree; next: number }[] = [{ tree: root, next: 0 }];
  while (stack.length > 0) {
    depth = Math.max(depth, stack.length);
    const top = stack[stack.length - 1]!;
    const { tree } = top;
    if (top.next < tree.children.length) {
      const child = tree.children[top.next++]!;
      if (child instanceof Tree && !indexOf.has(child)) stack.push({ tree: child, next: 0 });
      continue;
    }
    stack.pop();
    nodes.push(tree.type.id, tree.length, tree.children.length);
    tree.children.forEach((child, i) => {
      const position = tree.positions[i]!;
      if (child instanceof Tree) {
        nodes.push(TREE, indexOf.get(child)!, position);
      } else {
        nodes.push(BUFFER, buffers.length, position);
        buffers.push(child.buffer);
        bufferLengths.push(child.length);
      }
    });
    indexOf.set(tree, count++);
  }
  return { nodes, buffers, bufferLengths, depth };
}

export function unpackTree(packed: PackedTree, nodeSet: NodeSet): Tree {
  const { nodes } = packed;
  const trees: Tree[] = [];
  let i = 0;
  while (i < nodes.length) {
    const type = nodeSet.types[nodes[i]!];
    if (!type) throw new Error(`unknown node type ${nodes[i]}`);
    const length = nodes[i + 1]!;
    const count = nodes[i + 2]!;
    i += 3;
    const children: (Tree | TreeBuffer)[] = [];
    const positions: number[] = [];
    for (let c = 0; c < count; c++, i += 3) {
      const kind = nodes[i]!, index = nodes[i + 1]!;
      const child = kind === TREE ? trees[index] : new TreeBuffer(packed.buffers[index]!, packed.bufferLengths[index]!, nodeSet);
      if (!child) throw new Error(`tree ${index} is referenced before it is built`);
      children.push(child);
      positions.push(nodes[i + 2]!);
    }
    trees.push(new Tree(type, children, positions, length));
  }
  const root = trees.at(-1);
  if (!root) throw new Error('an empty packed tree');
  return root;
}
