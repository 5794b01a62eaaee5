/**
 * The error every engine configuration check throws: it names the key, the value it got and what is
 * allowed, so the CLI, the worker and the editor can show it as is ("fit.batch_size: got 0; expected
 * an integer >= 1").
 */

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

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let s: string;
  try {
    s = JSON.stringify(value) ?? typeof value;
  } catch {
    s = typeof value; // e.g. a cyclic object
  }
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/** Looks `name` up in a registry, or throws a ConfigError listing the known names. */
export function lookup<T>(registry: ReadonlyMap<string, T>, key: string, name: unknown): T {
  const found = typeof name === 'string' ? registry.get(name) : undefined;
  if (found === undefined) throw new ConfigError(key, name, `one of ${[...registry.keys()].join(', ')}`);
  return found;
}
