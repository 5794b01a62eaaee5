/**
 * Our numbers in the display language the host sends (snapshot `locale`): 0,5234 and 60.000 in Spanish,
 * 0.5234 and 60,000 in English. Values are formatted, never the user's code (Keras' own printouts keep
 * Python's spelling). One formatter per shape, cached: the panel formats on every frame.
 */

let locale = 'en';
const cache = new Map<string, Intl.NumberFormat>();

/** Sets the locale for every later call (an unknown tag falls back to English). */
export function setLocale(tag: string): void {
  try {
    new Intl.NumberFormat(tag);
    locale = tag;
  } catch {
    locale = 'en';
  }
  cache.clear();
}

export function currentLocale(): string {
  return locale;
}

function formatter(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) cache.set(key, (f = new Intl.NumberFormat(locale, options)));
  return f;
}

/** A count: 60.000 in Spanish. */
export function formatCount(n: number): string {
  return formatter('count', { maximumFractionDigits: 0 }).format(n);
}

/** Exactly `digits` decimals: 0,5234. */
export function formatFixed(v: number, digits: number): string {
  return formatter(`fixed${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** A metric value: 4 decimals in [0.001, 10⁴), scientific outside it (1,2E-5); — for none. */
export function formatMetric(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return v === null || v === undefined ? '—' : String(v);
  if (v === 0 || (Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4)) return formatFixed(v, 4);
  return formatter('sci', { notation: 'scientific', maximumFractionDigits: 3 }).format(v);
}

/** Fills {0}, {1}, ... in a localized template (numbers formatted for the locale). */
export function fillTemplate(template: string, ...args: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => {
    const a = args[Number(i)];
    return a === undefined ? m : typeof a === 'number' ? (Number.isInteger(a) ? formatCount(a) : formatMetric(a)) : a;
  });
}
