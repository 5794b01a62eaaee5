/**
 * Reads JavaScript / TypeScript statements in order for the TF.js reader: imports of @tensorflow/tfjs,
 * `const`/`let`/`var` declarations (with `{layers} = tf` destructuring), assignments, expression statements,
 * functions (function declarations and arrow functions, read at each call with its arguments, or once at
 * the end with unknown ones), and control flow with the same loop/if frames as the Python reader.
 */
import type { SyntaxNode } from '@lezer/common';
import { type Sym, pySym, unknownSym } from '../graph/symbolic';
import type { ReaderContext, ReaderFunction, ReaderParam } from '../readerContext';
import { children } from '../sourceText';
import { binaryOp, truthy } from '../python/pyArith';
import { evalJs, evalJsSpanned } from './jsEval';
import { isTfjsModule } from './tfjsNames';
import { msg } from '../message';

export function execJsBlock(ctx: ReaderContext, nodes: readonly SyntaxNode[]): void {
  for (const node of nodes) {
    if (!ctx.takeStep()) return;
    execJs(ctx, node);
  }
}

function execJs(ctx: ReaderContext, node: SyntaxNode): void {
  switch (node.name) {
    case 'ImportDeclaration': return execImport(ctx, node);
    case 'VariableDeclaration': return execDeclaration(ctx, node);
    case 'ExpressionStatement': { const e = node.firstChild; if (e) execExpression(ctx, e); return; }
    case 'ExportDeclaration': for (const c of children(node)) execJs(ctx, c); return;
    case 'Block': return execJsBlock(ctx, children(node));
    case 'FunctionDeclaration': { const name = node.getChild('VariableDefinition'); if (name) defineJsFunction(ctx, node, ctx.src.slice(name)); return; }
    case 'IfStatement': return execIf(ctx, node);
    case 'ForStatement': case 'WhileStatement': case 'DoStatement': return execLoop(ctx, node);
    case 'TryStatement': for (const b of children(node).filter((c) => c.name === 'Block')) execJsBlock(ctx, children(b)); return;
    case 'SwitchStatement': inFrame(ctx, 'if', () => { for (const c of node.getChild('SwitchBody') ? children(node.getChild('SwitchBody')!) : []) execJs(ctx, c); }); return;
    case 'ReturnStatement': return execReturn(ctx, node);
    default: return;
  }
}

function execImport(ctx: ReaderContext, node: SyntaxNode): void {
  const spec = node.getChild('String');
  if (!spec || !isTfjsModule(ctx.src.slice(spec).slice(1, -1))) return;
  const parts = children(node);
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.name === 'VariableDefinition') ctx.bind(ctx.src.slice(p), { sym: 'module', path: 'tfjs', fromImport: true });
    if (p.name === 'ImportGroup') {
      const g = children(p);
      for (let j = 0; j < g.length; j++) {
        if (g[j]!.name !== 'VariableName' && g[j]!.name !== 'VariableDefinition') continue;
        const imported = ctx.src.slice(g[j]!);
        const alias = g[j + 1]?.name === 'as' && g[j + 2] ? ctx.src.slice(g[j + 2]!) : imported;
        ctx.bind(alias, { sym: 'module', path: `tfjs.${imported}`, fromImport: true });
        if (alias !== imported) j += 2;
      }
    }
  }
}

function execDeclaration(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  for (let i = 0; i < parts.length; i++) {
    const target = parts[i]!;
    if (target.name !== 'VariableDefinition' && target.name !== 'ObjectPattern' && target.name !== 'ArrayPattern') continue;
    let j = i + 1;
    if (parts[j]?.name === 'TypeAnnotation') j++;
    const valueNode = parts[j]?.name === 'Equals' ? parts[j + 1] : undefined;
    const value = valueNode ? valueOf(ctx, valueNode, target) : pySym({ kind: 'none' });
    bindTarget(ctx, target, value);
    i = valueNode ? j + 1 : j - 1;
  }
}

/** Arrow functions and function expressions become functions of the file; anything else is evaluated. */
function valueOf(ctx: ReaderContext, node: SyntaxNode, target: SyntaxNode): Sym {
  if (node.name === 'ArrowFunction' || node.name === 'FunctionExpression') {
    const fn = defineJsFunction(ctx, node, ctx.src.slice(target));
    return fn ? { sym: 'function', id: fn.id, name: fn.name } : unknownSym(msg('is a function'));
  }
  return evalJsSpanned(ctx, node);
}

function bindTarget(ctx: ReaderContext, target: SyntaxNode, value: Sym): void {
  if (target.name === 'VariableDefinition' || target.name === 'VariableName') {
    const name = ctx.src.slice(target);
    if (value.sym === 'model') ctx.nameModel(value.model, name);
    ctx.bind(name, value);
  } else if (target.name === 'ObjectPattern') {
    for (const prop of children(target).filter((c) => c.name === 'PatternProperty')) {
      const def = prop.getChild('VariableDefinition');
      const key = prop.firstChild;
      if (!def || !key) continue;
      const field = ctx.src.slice(key);
      const sym: Sym = value.sym === 'module' ? { sym: 'module', path: `${value.path}.${field}`, fromImport: value.fromImport }
        : value.sym === 'dict' ? value.entries.get(field) ?? unknownSym(msg('has no field {0}', field)) : unknownSym(msg('is destructured from a value known when the code runs (`{0}`)', field));
      ctx.bind(ctx.src.slice(def), sym);
    }
  } else {
    for (const def of children(target).filter((c) => c.name === 'VariableDefinition')) ctx.bind(ctx.src.slice(def), unknownSym(msg('is destructured from an array')));
  }
}

function execExpression(ctx: ReaderContext, node: SyntaxNode): void {
  if (node.name !== 'AssignmentExpression') {
    evalJs(ctx, node);
    return;
  }
  const [target, op, valueNode] = children(node);
  if (!target || !op || !valueNode) return;
  const value = valueOf(ctx, valueNode, target);
  const opText = ctx.src.slice(op);
  if (target.name !== 'VariableName') return;
  if (opText === '=') return bindTarget(ctx, target, value);
  const cur = ctx.lookup(ctx.src.slice(target));
  ctx.bind(ctx.src.slice(target), cur?.sym === 'py' && value.sym === 'py' ? pySym(binaryOp(opText.slice(0, -1), cur.value, value.value)) : unknownSym(msg('is updated with `{0}`', ctx.src.short(node))));
}

function inFrame(ctx: ReaderContext, kind: 'loop' | 'if', run: () => void): void {
  const frame = ctx.pushFrame(kind);
  try {
    run();
  } finally {
    ctx.popFrame(frame);
  }
}

function execIf(ctx: ReaderContext, node: SyntaxNode): void {
  const parts = children(node);
  const cond = parts[1];
  const branches = parts.filter((p, i) => i > 1 && p.name !== 'else');
  const c = cond ? evalJs(ctx, cond) : null;
  const known = c?.sym === 'py' && c.value.kind !== 'unknown' && c.value.kind !== 'call' ? truthy(c.value) : null;
  if (known !== null) {
    const branch = known ? branches[0] : branches[1];
    if (branch) execJs(ctx, branch);
    return;
  }
  for (const b of branches) inFrame(ctx, 'if', () => execJs(ctx, b));
}

/** Names assigned anywhere in a loop (they change from one iteration to the next). */
function assignedInLoop(ctx: ReaderContext, loop: SyntaxNode): Set<string> {
  const out = new Set<string>();
  const stack: SyntaxNode[] = [loop];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.name === 'FunctionDeclaration' || n.name === 'ArrowFunction' || n.name === 'FunctionExpression') continue;
    if (n.name === 'AssignmentExpression' && n.firstChild?.name === 'VariableName') out.add(ctx.src.slice(n.firstChild));
    if (n.name === 'PostfixExpression' || n.name === 'UnaryExpression') { const v = n.getChild('VariableName'); if (v) out.add(ctx.src.slice(v)); }
    for (let c = n.firstChild; c; c = c.nextSibling) stack.push(c);
  }
  return out;
}

function execLoop(ctx: ReaderContext, node: SyntaxNode): void {
  for (const name of assignedInLoop(ctx, node)) {
    const cur = ctx.lookup(name);
    if (!cur || cur.sym === 'py' || cur.sym === 'list' || cur.sym === 'dict') ctx.bind(name, unknownSym(msg('changes from one loop iteration to the next (`{0}`)', name)));
  }
  inFrame(ctx, 'loop', () => {
    for (const p of children(node)) {
      if (p.name === 'ForSpec' || p.name === 'ForOfSpec' || p.name === 'ForInSpec') {
        for (const d of children(p).filter((c) => c.name === 'VariableDefinition')) ctx.bind(ctx.src.slice(d), unknownSym(msg('takes a new value at each loop iteration (`{0}`)', ctx.src.slice(d))));
      } else if (p.name !== 'for' && p.name !== 'while' && p.name !== 'do' && p.name !== 'ParenthesizedExpression') {
        execJs(ctx, p);
      }
    }
  });
}

function execReturn(ctx: ReaderContext, node: SyntaxNode): void {
  const e = children(node).find((c) => c.name !== 'return' && c.name !== ';');
  const value = e ? evalJs(ctx, e) : pySym({ kind: 'none' });
  if (ctx.frames.length === 0) {
    ctx.returned ??= value;
    ctx.stopped = true;
  } else {
    ctx.returned = unknownSym(msg('depends on which `return` runs'));
  }
}

function defineJsFunction(ctx: ReaderContext, node: SyntaxNode, name: string): ReaderFunction | null {
  const list = node.getChild('ParamList');
  const body = node.getChild('Block') ?? node.lastChild;
  if (!body) return null;
  const params: ReaderParam[] = [];
  const parts = list ? children(list) : [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i]!.name !== 'VariableDefinition') continue;
    const eq = parts.findIndex((p, k) => k > i && (p.name === 'Equals' || p.name === ',' || p.name === ')'));
    const dflt = eq > 0 && parts[eq]!.name === 'Equals' && parts[eq + 1] ? evalJs(ctx, parts[eq + 1]!) : null;
    params.push({ name: ctx.src.slice(parts[i]!), star: parts[i - 1]?.name === 'Spread' ? '*' : '', defaultValue: dflt });
  }
  const fn: ReaderFunction = { id: ctx.functions.length, name, body, params, defOffset: node.from, running: false, calls: 0 };
  ctx.functions.push(fn);
  if (node.name === 'FunctionDeclaration') ctx.bind(name, { sym: 'function', id: fn.id, name });
  return fn;
}

function runJsFunction(ctx: ReaderContext, fn: ReaderFunction, values: Map<string, Sym>): Sym {
  return ctx.inFunction(fn, values, () => {
    if (fn.body.name === 'Block') execJsBlock(ctx, children(fn.body));
    else ctx.returned = evalJs(ctx, fn.body);
  });
}

function paramValues(fn: ReaderFunction, args: readonly Sym[] | undefined): Map<string, Sym> {
  const out = new Map<string, Sym>();
  fn.params.forEach((p, i) => {
    const given = p.star ? undefined : args?.[i];
    out.set(p.name, given ?? (args && p.defaultValue ? p.defaultValue : unknownSym(msg('comes from the function argument `{0}`', p.name))));
  });
  return out;
}

export function callJsFunction(ctx: ReaderContext, id: number, args: readonly Sym[]): Sym {
  const fn = ctx.functions[id];
  if (!fn || fn.running) return unknownSym(msg('is returned by a recursive call HyperLab does not follow'));
  fn.calls++;
  return runJsFunction(ctx, fn, paramValues(fn, args));
}

export function runUncalledJsFunctions(ctx: ReaderContext): void {
  for (const fn of ctx.functions) {
    if (fn.calls > 0 || fn.running) continue;
    fn.calls++;
    runJsFunction(ctx, fn, paramValues(fn, undefined));
  }
}
