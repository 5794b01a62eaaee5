/**
 * The error every engine configuration check throws: it names the key, the value it got and what is
 * allowed, so the CLI, the worker and the editor can show it as is ("fit.batch_size: got 0; expected
 * an integer >= 1").
 */
import { echo } from '../shared/echo';

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    readonly value: unknown,
    readonly allowed: string,
  ) {
    super(`${key}: got ${describe(value)}; expected ${allowed}`);
    this.name = 'ConfigError';
  }
}

/** The value as JSON, capped (shared/echo.ts): a 50 MB string in a spec must not become a 50 MB message. */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let s: string;
  try {
    s = JSON.stringify(value) ?? typeof value;
  } catch {
    s = typeof value; // e.g. a cyclic object, or nesting deeper than the stack
  }
  return echo(s);
}

/** Looks `name` up in a registry, or throws a ConfigError listing the known names. */
export function lookup<T>(registry: ReadonlyMap<string, T>, key: string, name: unknown): T {
  const found = typeof name === 'string' ? registry.get(name) : undefined;
  if (found === undefined) throw new ConfigError(key, name, `one of ${[...registry.keys()].join(', ')}`);
  return found;
}
