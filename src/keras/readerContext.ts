/**
 * The state of one run of a source reader (Python or TensorFlow.js) over one document: the scopes (module
 * and function bodies, with imports as ordinary bindings), the loop/if frames the reader is inside, the
 * functions defined so far, the graph builder, and the Keras calls and diagnostics found. One
 * ReaderContext per analysis; nothing here outlives it.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Diagnostic, LayerCall } from './kerasModel';
import type { GraphBuilder } from './graph/graphBuilder';
import type { NamingContext } from './graph/layerNames';
import { type Frame, type ModelBuild, type Sym, pySym, unknownSym } from './graph/symbolic';
import type { SourceText } from './sourceText';
import { msg, said } from './message';

export interface ReaderParam {
  readonly name: string;
  readonly star: '' | '*' | '**';
  /** The default value, evaluated where the function is defined. */
  readonly defaultValue: Sym | null;
}

/** A function of the file; `Body` is the syntax node type of the reader that found it. */
export interface ReaderFunction<Body = SyntaxNode> {
  readonly id: number;
  readonly name: string;
  /** The body node of the definition. */
  readonly body: Body;
  readonly params: readonly ReaderParam[];
  readonly defOffset: number;
  running: boolean;
  /** Times the body has been read at a call site. */
  calls: number;
}

export class Scope {
  private readonly vars = new Map<string, Sym>();
  constructor(readonly parent: Scope | null, readonly fn: ReaderFunction<unknown> | null) {}

  own(name: string): Sym | undefined {
    return this.vars.get(name);
  }

  set(name: string, sym: Sym): void {
    this.vars.set(name, sym);
  }

  names(): IterableIterator<string> {
    return this.vars.keys();
  }
}

export interface ActiveFrame extends Frame {
  readonly assigned: Set<string>;
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
  /** A top-level `return` was executed: the rest of the body does not run. */
  stopped = false;
  /** Statements read so far, against STEP_BUDGET. */
  steps = 0;
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

  naming(): NamingContext {
    return {
      inLoop: this.outerLoops > 0 || this.frames.some((f) => f.kind === 'loop'),
      inIf: this.outerIfs > 0 || this.frames.some((f) => f.kind === 'if'),
    };
  }

  pushFrame(kind: 'loop' | 'if'): ActiveFrame {
    const frame: ActiveFrame = { id: this.nextFrameId++, kind, assigned: new Set() };
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
    for (const name of frame.assigned) {
      const cur = this.scope.own(name);
      const why = frame.kind === 'loop' ? msg('is assigned inside a loop (`{0}`)', name) : msg('is assigned inside an `if` (`{0}`)', name);
      if (cur && (cur.sym === 'py' || cur.sym === 'list' || cur.sym === 'dict')) this.scope.set(name, unknownSym(why));
      this.frames.at(-1)?.assigned.add(name);
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
    const saved = { scope: this.scope, frames: this.frames, outerLoops: this.outerLoops, outerIfs: this.outerIfs, returned: this.returned, stopped: this.stopped };
    this.outerLoops += this.frames.filter((f) => f.kind === 'loop').length;
    this.outerIfs += this.frames.filter((f) => f.kind === 'if').length;
    this.scope = new Scope(this.module, fn);
    this.frames = [];
    this.returned = null;
    this.stopped = false;
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

  bind(name: string, sym: Sym): void {
    this.scope.set(name, sym);
    this.frames.at(-1)?.assigned.add(name);
  }

  /** Looks a name up: the current function's locals, then the module (if the module value is stable). */
  lookup(name: string): Sym | undefined {
    const local = this.scope.own(name);
    if (local || this.scope === this.module) return local;
    const fn = this.scope.fn;
    const global = this.module.own(name);
    if (fn && global && (global.sym === 'py' || global.sym === 'list') && this.moduleAssigned.get(name)?.some((off) => off > fn.defOffset)) {
      return unknownSym(msg('changes at module level after `{0}` is defined (`{1}`)', fn.name, name));
    }
    return global;
  }

  /** Names a model after a variable: a module-level variable wins over one inside the function that built it. */
  nameModel(model: ModelBuild, name: string): void {
    if (this.scope === this.module && !this.namedAtModuleLevel.has(model)) {
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
