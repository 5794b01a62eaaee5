/**
 * How a Keras class is written in a given Python file, so that code Apply to Code adds runs there: the
 * name itself when the file imports it (`from keras.layers import Dropout`), else through a module the
 * file already binds (`layers.Dropout`, `keras.optimizers.SGD`, `tf.keras.optimizers.SGD`), else through
 * an import Apply adds — one more name on the file's from-import of that module, or a new `from
 * <package>.<module> import <Name>` line after the file's imports, in the package the file already uses
 * (tensorflow.keras or keras). The imports to add are collected and turned into edits once, at the end.
 */
import type { FileImports, ModuleImport } from '../python/moduleImports';
import { normalizeKerasPath } from '../python/kerasPath';
import { type Message, msg } from '../message';
import { type TextEdit, lineEnd } from './sourceEdits';

export type KerasModule = 'layers' | 'optimizers';

const same = (a: readonly string[] | null, b: readonly string[]): boolean => a !== null && a.length === b.length && a.every((s, i) => s === b[i]);

export class KerasSpelling {
  /** Names to append to an existing from-import, by statement. */
  private readonly appended = new Map<ModuleImport, string[]>();
  /** New from-import lines, by module: `from keras.optimizers import SGD`. */
  private readonly added = new Map<string, string[]>();

  constructor(private readonly source: string, private readonly file: FileImports) {}

  /** The expression that names keras.<module>.<name> in this file (registering an import if one is needed). */
  spell(module: KerasModule, name: string): string {
    const bindings = this.file.imports.flatMap((i) => i.names);
    const find = (path: readonly string[]) => bindings.find((b) => same(normalizeKerasPath(b.path), path));
    const direct = find(['keras', module, name]);
    if (direct) return direct.local;
    const viaModule = find(['keras', module]);
    if (viaModule) return `${viaModule.local}.${name}`;
    const viaKeras = find(['keras']);
    if (viaKeras) return `${viaKeras.local}.${module}.${name}`;
    const viaTf = bindings.find((b) => b.path === 'tensorflow');
    if (viaTf) return `${viaTf.local}.keras.${module}.${name}`;
    const statement = this.file.imports.find((i) => i.fromModule !== null && same(normalizeKerasPath(i.fromModule), ['keras', module]));
    if (statement) this.add(this.appended, statement, name);
    else this.add(this.added, `${this.kerasPackage()}.${module}`, name);
    return name;
  }

  /** The import edits registered so far, with a description of each for the user. */
  importEdits(): { edits: TextEdit[]; changes: Message[] } {
    const edits: TextEdit[] = [], changes: Message[] = [];
    for (const [statement, names] of this.appended) {
      edits.push({ from: statement.namesEnd, to: statement.namesEnd, text: names.map((n) => `, ${n}`).join('') });
      changes.push(msg('imported {0} from {1}', names.join(', '), statement.fromModule ?? ''));
    }
    if (this.added.size > 0) {
      const lines = [...this.added].map(([module, names]) => `from ${module} import ${names.join(', ')}`);
      const last = this.file.imports.at(-1);
      const at = last ? lineEnd(this.source, last.to) : this.file.headerEnd;
      const text = last || at > 0 ? lines.map((l) => `\n${l}`).join('') : lines.map((l) => `${l}\n`).join('');
      edits.push({ from: at, to: at, text });
      for (const line of lines) changes.push(msg('added the line {0}', line));
    }
    return { edits, changes };
  }

  private add<K>(map: Map<K, string[]>, key: K, name: string): void {
    const names = map.get(key) ?? [];
    if (!names.includes(name)) names.push(name);
    map.set(key, names);
  }

  /** tensorflow.keras when the file reaches Keras through TensorFlow, else keras. */
  private kerasPackage(): string {
    const paths = this.file.imports.flatMap((i) => [i.fromModule ?? '', ...i.names.map((n) => n.path)]);
    return paths.some((p) => p === 'tensorflow' || p.startsWith('tensorflow.')) ? 'tensorflow.keras' : 'keras';
  }
}
