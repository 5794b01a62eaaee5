/**
 * The language HyperLab's own texts come out in: vscode.l10n.t, plus the locale that our numbers follow
 * (60,000 samples in English, 60.000 muestras in Spanish). Numbers follow the text: when no translation
 * bundle is loaded (English, or a language HyperLab has no bundle for), the text is English and so are
 * the numbers. Values the user wrote in code keep Python's spelling; this is for counts, shares and
 * times of ours. Not here: the translations (l10n/bundle.l10n.*.json).
 */
import * as vscode from 'vscode';
import { type Translate, formatQuantity } from '../shared/message';

/** The display language for numbers: VS Code's when HyperLab's texts are translated into it, else English. */
export function displayLocale(): string {
  return vscode.l10n.bundle !== undefined ? vscode.env.language : 'en';
}

/** vscode.l10n.t as the pure builders and renderMessage take it, with the locale for numbers. */
export function hostTranslate(): Translate {
  return Object.assign((english: string, ...args: (string | number)[]) => vscode.l10n.t(english, ...args), { locale: displayLocale() });
}

/** A number of ours in the display language, with at most `digits` decimals (exactly `digits` when `fixed`). */
export function formatNumber(n: number, digits = 3, fixed = false): string {
  if (!fixed) return formatQuantity(n, displayLocale(), digits);
  if (!Number.isFinite(n)) return String(n);
  return new Intl.NumberFormat(displayLocale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}
