/**
 * The state of one run of a source reader (Python or TensorFlow.js) over one document: the scopes (module,
 * function, class and comprehension bodies, chained the way the language looks names up, with imports as
 * ordinary bindings), the loop/if frames the reader is inside, the functions defined so far, the graph
 * builder, and the Keras calls and diagnostics found. One ReaderContext per analysis; nothing here outlives
 * it.
 *
 * Speculative reads: a function nobody calls in the file is read once at the end with unknown arguments, so
 * the models it builds still show. What such a read does to models and layers created outside it cannot be
 * placed in time (the function may never run, or run at any point), so it marks them unknown instead of
 * changing them (`foreign`, graph/reach.ts).
 */
import type { SyntaxNode } from '@lezer/common';
import type { Diagnostic, LayerCall } from './kerasModel';
import type { GraphBuilder } from './graph/graphBuilder';
import type { NamingContext } from './graph/layerNames';
import { type Frame, type ModelBuild, type Root, type Sym, pySym, unknownSym } from './graph/symbolic';
import { rootsOf } from './graph/reach';
import type { SourceText } from './sourceText';
import { type Message, msg, said } from './message';
import { type ReaderFunction, Scope } from './readerScope';

export type { ReaderFunction, ReaderParam, ScopeKind } from './readerScope';
export { Scope } from './readerScope';

export interface ActiveFrame extends Frame {
  /** Names assigned inside the frame, with the scope each was assigned in. */
  readonly assigned: Map<string, Scope>;
}

/** Statements read per document at most, so pathological files stay bounded in time; beyond it the rest is not analysed. */
export const STEP_BUDGET = 200_000;

/** `Body`: the syntax node type of the reader (a @lezer node for Python, a TypeScript node for TF.js). */
export class ReaderContext<Body = SyntaxNode> {
  readonly kerasCalls: LayerCall[] = [];
  readonly diagnostics: Diagnostic[] = [];
  readonly functions: ReaderFunction<Body>[] = [];
  readonly module: Scope = new Scope(null, null);
  scope: Scope = this.module;
  frames: ActiveFrame[] = [];
  /**
   * The loops and ifs around the call sites of the function being read (a function called in a loop runs
   * many times): with `frames`, what decides whether something happens for certain, and how many times.
   */
  outerFrames: readonly ActiveFrame[] = [];
  /** Loops and ifs around the call sites of the function being read (for automatic names). */
  outerLoops = 0;
  outerIfs = 0;
  /** Expression nesting, to stop on pathological input instead of overflowing the stack. */
  depth = 0;
  /** False once a `from x import *` of a non-Keras module makes unbound names unpredictable. */
  guessKeras = true;
  /** `from keras.layers import *` was seen: guessed layer names count as imported from Keras. */
  kerasStar = false;
  /** The value of the `return` that ended the current function body, if any. */
  returned: Sym | null = null;
  /** A top-level `return` (or `raise`) was executed: the rest of the body does not run. */
  stopped = false;
  /** The body was left by a `raise` (a `try` around it catches it). */
  raising = false;
  /** Statements read so far, against STEP_BUDGET. */
  steps = 0;
  /** The current speculative read (0 outside one) and why its effects cannot be placed in time. */
  readId = 0;
  speculation: Message | null = null;
  /** Offset of the definition being read speculatively. */
  speculativeSince = 0;
  private nextReadId = 0;
  private nextFrameId = 0;
  private readonly namedAtModuleLevel = new WeakSet<ModelBuild>();

  private assignedAtModuleLevel: ReadonlyMap<string, readonly number[]> | null = null;

  constructor(
    readonly src: SourceText,
    readonly builder: GraphBuilder,
    /** Computes, on first need, the module-level assignment offsets per name (is a global stable in a function?). */
    private readonly scanModule: () => ReadonlyMap<string, readonly number[]>,
  ) {}

  get moduleAssigned(): ReadonlyMap<string, readonly number[]> {
    this.assignedAtModuleLevel ??= this.scanModule();
    return this.assignedAtModuleLevel;
  }

  /** The loops and ifs around what is being read, the call sites' included: what the graph records. */
  get graphFrames(): readonly Frame[] {
    return this.outerFrames.length === 0 ? this.frames : [...this.outerFrames, ...this.frames];
  }

  /** True when what is being read runs exactly once (no loop or if around it or around its function's calls). */
  get certain(): boolean {
    return this.frames.length === 0 && this.outerFrames.length === 0;
  }

  naming(): NamingContext {
    return {
      inLoop: this.outerLoops > 0 || this.frames.some((f) => f.kind === 'loop'),
      inIf: this.outerIfs > 0 || this.frames.some((f) => f.kind === 'if'),
    };
  }

  pushFrame(kind: 'loop' | 'if'): ActiveFrame {
    const frame: ActiveFrame = { id: this.nextFrameId++, kind, assigned: new Map() };
    this.frames.push(frame);
    return frame;
  }

  /** Runs `read` inside a loop or if frame, which is left (popFrame) even when reading throws. */
  inFrame(kind: 'loop' | 'if', read: () => void): void {
    const frame = this.pushFrame(kind);
    try {
      read();
    } finally {
      this.popFrame(frame);
    }
  }

  /** Leaves a frame: plain values assigned inside it are unknown afterwards (they depend on the loop or if). */
  popFrame(frame: ActiveFrame): void {
    this.frames.pop();
    for (const [name, scope] of frame.assigned) {
      const cur = scope.own(name);
      const why = frame.kind === 'loop' ? msg('is assigned inside a loop (`{0}`)', name) : msg('is assigned inside an `if` (`{0}`)', name);
      if (cur && (cur.sym === 'py' || cur.sym === 'list' || cur.sym === 'dict')) scope.set(name, unknownSym(why));
      this.frames.at(-1)?.assigned.set(name, scope);
    }
  }

  /** Counts one statement about to be read; false when the body was left by `return` or the budget is spent. */
  takeStep(): boolean {
    if (this.stopped || this.steps > STEP_BUDGET) return false;
    this.steps++;
    return true;
  }

  /** The reader's own diagnostics, plus a note when the budget cut the analysis short. */
  readerDiagnostics(): Diagnostic[] {
    if (this.steps <= STEP_BUDGET) return this.diagnostics;
    return [...this.diagnostics, {
      severity: 'info', code: 'too-complex', span: this.src.span(0, 0),
      ...said(msg('This file is too complex for HyperLab to follow completely; some models may be missing.')),
    }];
  }

  /**
   * Reads a function body in a fresh scope bound to `params`, then restores the caller's scope, frames and
   * return state (both readers call this). `read` runs the body; what it `return`s is the call's value.
   */
  inFunction(fn: ReaderFunction<Body>, params: ReadonlyMap<string, Sym>, read: () => void): Sym {
    const saved = {
      scope: this.scope, frames: this.frames, outerFrames: this.outerFrames, outerLoops: this.outerLoops, outerIfs: this.outerIfs,
      returned: this.returned, stopped: this.stopped, raising: this.raising,
    };
    this.outerLoops += this.frames.filter((f) => f.kind === 'loop').length;
    this.outerIfs += this.frames.filter((f) => f.kind === 'if').length;
    this.scope = new Scope(fn.closure, fn, 'function');
    this.outerFrames = this.frames.length === 0 ? this.outerFrames : [...this.outerFrames, ...this.frames];
    this.frames = [];
    this.returned = null;
    this.stopped = false;
    this.raising = false;
    fn.running = true;
    try {
      for (const [k, v] of params) this.scope.set(k, v);
      read();
      return this.returned ?? pySym({ kind: 'none' });
    } finally {
      fn.running = false;
      Object.assign(this, saved);
    }
  }

  /** Reads a class body in a scope of its own (its names are the class's attributes), then restores the scope. */
  inScope(kind: 'class' | 'comprehension', read: () => void): void {
    const saved = this.scope;
    this.scope = new Scope(saved, saved.fn, kind);
    try {
      read();
    } finally {
      this.scope = saved;
    }
  }

  /**
   * Reads an uncalled function's body (`read`) as a speculative read: models and layers created before it
   * are marked rather than changed by what it does (graph/reach.ts `isForeign`).
   */
  speculate(why: Message, since: number, read: () => void): void {
    const saved = { readId: this.readId, speculation: this.speculation, speculativeSince: this.speculativeSince };
    this.readId = ++this.nextReadId;
    this.speculation = why;
    this.speculativeSince = since;
    this.builder.readId = this.readId;
    try {
      read();
    } finally {
      Object.assign(this, saved);
      this.builder.readId = saved.readId;
    }
  }

  /** Python assignment: the current body's name, or the module's / enclosing function's after `global` / `nonlocal`. */
  bind(name: string, sym: Sym): void {
    const scope = this.targetScope(name);
    scope.set(name, sym);
    this.frames.at(-1)?.assigned.set(name, scope);
  }

  /** Binds in the current scope whatever the declarations (a comprehension's loop variable, a JS declaration). */
  bindHere(name: string, sym: Sym): void {
    this.scope.set(name, sym);
    this.frames.at(-1)?.assigned.set(name, this.scope);
  }

  /** JavaScript assignment without a declaration: the innermost scope that has the name, else the module. */
  assign(name: string, sym: Sym): void {
    let scope: Scope | null = this.scope;
    while (scope && scope !== this.module && scope.own(name) === undefined) scope = scope.parent;
    const target = scope ?? this.module;
    target.set(name, sym);
    this.frames.at(-1)?.assigned.set(name, target);
  }

  private targetScope(name: string): Scope {
    let scope = this.scope;
    // A walrus inside a comprehension binds in the enclosing body (PEP 572).
    while (scope.kind === 'comprehension' && scope.parent) scope = scope.parent;
    const how = scope.declaration(name);
    if (how === 'global') return this.module;
    if (how === 'nonlocal') {
      for (let s = scope.parent; s && s !== this.module; s = s.parent) if (s.kind === 'function' && s.own(name) !== undefined) return s;
    }
    return scope;
  }

  /**
   * Looks a name up the way Python (and, for its function scopes, JavaScript) does: the current body, the
   * enclosing function bodies (class bodies are skipped from inside them), then the module, whose value a
   * function only trusts when the module does not assign the name again after the function's definition.
   */
  lookup(name: string): Sym | undefined {
    if (this.scope === this.module) return this.module.own(name);
    if (this.scope.declaration(name) === 'global') return this.moduleValue(name);
    for (let s: Scope | null = this.scope; s; s = s.parent) {
      if (s === this.module) return this.moduleValue(name);
      if (s !== this.scope && s.kind === 'class') continue;
      const v = s.own(name);
      if (v) return v;
    }
    return undefined;
  }

  private moduleValue(name: string): Sym | undefined {
    const global = this.module.own(name);
    const fn = this.scope.fn;
    if (fn && global && (global.sym === 'py' || global.sym === 'list') && this.moduleAssigned.get(name)?.some((off) => off > fn.defOffset)) {
      return unknownSym(msg('changes at module level after `{0}` is defined (`{1}`)', fn.name, name));
    }
    return global;
  }

  /** Every model and layer bound to a name visible here (what code in a string passed to `exec` could reach). */
  allRoots(): Root[] {
    const roots: Root[] = [];
    for (let s: Scope | null = this.scope; s; s = s.parent) for (const name of s.names()) rootsOf(s.own(name), roots);
    return roots;
  }

  /** Names a model after a variable: a module-level variable wins over one inside the function that built it. */
  nameModel(model: ModelBuild, name: string): void {
    if (this.scope.fn === null && !this.namedAtModuleLevel.has(model)) {
      this.namedAtModuleLevel.add(model);
      model.varName = name;
    } else {
      model.varName ??= name;
    }
  }

  addDiagnostic(d: Diagnostic): void {
    this.diagnostics.push(d);
  }
}
