/**
 * The scopes and functions a source reader keeps while it reads a file: a function of the file (its
 * parameters, body and the scope it closes over), and a scope (module, function, class or comprehension
 * body) with its bindings and Python's `global` / `nonlocal` declarations. Lookup and binding rules live in
 * ReaderContext; this is the data.
 */
import type { SyntaxNode } from '@lezer/common';
import type { Root, Sym } from './graph/symbolic';

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
  /** The scope the definition is in: the body sees its names (a closure). */
  readonly closure: Scope;
  /** A Python lambda or a JavaScript arrow function whose body is one expression: the value it returns. */
  readonly expressionBody: boolean;
  running: boolean;
  /** Times the body has been read at a call site. */
  calls: number;
  /**
   * The function was handed to code HyperLab does not follow (`map(f, model.layers)`, a callback), which may
   * call it with anything reachable from what it was given: these roots (null while it has not escaped).
   */
  escapedWith: Root[] | null;
}

/** Which kind of body a scope belongs to; Python skips class bodies when a nested function looks a name up. */
export type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

export class Scope {
  private readonly vars = new Map<string, Sym>();
  private declared: Map<string, 'global' | 'nonlocal'> | null = null;

  /** `fn`: the innermost function whose body this scope is in (null at module level). */
  constructor(readonly parent: Scope | null, readonly fn: ReaderFunction<unknown> | null, readonly kind: ScopeKind = 'function') {}

  own(name: string): Sym | undefined {
    return this.vars.get(name);
  }

  set(name: string, sym: Sym): void {
    this.vars.set(name, sym);
  }

  names(): IterableIterator<string> {
    return this.vars.keys();
  }

  /** Python's `global x` / `nonlocal x` in this body. */
  declare(name: string, how: 'global' | 'nonlocal'): void {
    (this.declared ??= new Map()).set(name, how);
  }

  declaration(name: string): 'global' | 'nonlocal' | undefined {
    return this.declared?.get(name);
  }
}
