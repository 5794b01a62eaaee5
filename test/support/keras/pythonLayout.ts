/**
 * The layout of a generated Python file, chosen by a seeded Rng without changing what it does: statements
 * joined with `;`, backslash continuations, trailing and full-line comments, blank lines, the model built
 * inside a function indented with tabs or spaces (and called once), and CRLF line ends. Test-only.
 */
import type { Rng } from '../../../src/engine/rng';

const chance = (rng: Rng, oneIn: number): boolean => rng.int(oneIn) === 0;

/** Joins runs of one-line statements with `;`, sometimes. */
function joinSome(rng: Rng, statements: readonly string[]): string[] {
  const out: string[] = [];
  for (const s of statements) {
    const prev = out.at(-1);
    if (prev !== undefined && !prev.includes('\n') && !s.includes('\n') && !prev.startsWith('def ') && chance(rng, 3)) out[out.length - 1] = `${prev}; ${s}`;
    else out.push(s);
  }
  return out;
}

/** `x = value` as `x = \` + newline + `    value`, sometimes. */
function continueSome(rng: Rng, statements: readonly string[]): string[] {
  return statements.map((s) => {
    const m = /^(\w+) = (.+)$/.exec(s);
    return m && !s.includes('\n') && !s.includes(';') && chance(rng, 6) ? `${m[1]} = \\\n    ${m[2]}` : s;
  });
}

/** Trailing comments on some lines (never after a backslash), full-line comments and blank lines between statements. */
function decorate(rng: Rng, statements: readonly string[], indent: string): string[] {
  const out: string[] = [];
  for (const s of statements) {
    if (chance(rng, 6)) out.push(`${indent}# next: ${s.split(/[ (]/)[0]}`);
    const lines = s.split('\n').map((line) => (!line.endsWith('\\') && chance(rng, 5) ? `${line}  # note` : line));
    out.push(...lines.map((l, i) => (i === 0 ? indent + l : l.startsWith('    ') ? indent + l : l)));
    if (chance(rng, 5)) out.push('');
  }
  return out;
}

export function layoutPython(imports: readonly string[], constants: readonly string[], body: readonly (readonly string[])[], rng: Rng, choices: string[]): string {
  const statements = body.map((lines) => lines.join('\n'));
  const header = [...decorate(rng, joinSome(rng, imports), ''), ...decorate(rng, joinSome(rng, constants), '')];
  const wrap = chance(rng, 4);
  let main: string[];
  if (wrap) {
    const indent = ['\t', '    ', '  '][rng.int(3)]!;
    choices.push(`inside def build(), indented with ${JSON.stringify(indent)}`);
    main = ['def build():', ...decorate(rng, continueSome(rng, joinSome(rng, statements)), indent), `${indent}return model`, '', 'model = build()'];
  } else {
    main = decorate(rng, continueSome(rng, joinSome(rng, statements)), '');
  }
  const text = [...header, '', ...main, ''].join('\n');
  const crlf = chance(rng, 4);
  if (crlf) choices.push('CRLF');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}
