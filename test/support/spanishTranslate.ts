/**
 * What vscode.l10n.t does with the Spanish bundle loaded, for tests in plain Node: the English text is
 * the key of l10n/bundle.l10n.es.json (an untranslated text falls back to English), {0}, {1}... are
 * filled, and the locale says how our own numbers are written (60.000). Also the list of untranslated
 * texts it met, so a test can assert there were none.
 */
import fs from 'node:fs';
import { type Translate, fillPlaceholders } from '../../src/shared/message';

export const spanishBundle = JSON.parse(fs.readFileSync('l10n/bundle.l10n.es.json', 'utf8')) as Record<string, string>;

export function spanishTranslate(): Translate & { readonly untranslated: string[] } {
  const untranslated: string[] = [];
  const t = (english: string, ...args: (string | number)[]): string => {
    const spanish = Object.hasOwn(spanishBundle, english) ? spanishBundle[english]! : (untranslated.push(english), english);
    return fillPlaceholders(spanish, args);
  };
  return Object.assign(t, { locale: 'es', untranslated });
}
