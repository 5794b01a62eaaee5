/**
 * The one function that writes HyperLab's webview HTML. Every page gets the same strict
 * Content-Security-Policy: nothing by default, scripts only with this page's nonce, styles, images
 * and fonts only from the webview's own resource origin (`cspSource`). No remote content, no inline
 * handlers. Pure (no 'vscode' at run time), so its output is unit-tested.
 */

export interface WebviewPage {
  /** `webview.cspSource` of the webview that will show the page. */
  readonly cspSource: string;
  /** A fresh random nonce for this page (see createNonce). */
  readonly nonce: string;
  /** Language tag for `<html lang>` (vscode.env.language). */
  readonly lang: string;
  readonly title: string;
  /** webview URIs (asWebviewUri(...).toString()) of the page's bundle and style sheets. */
  readonly scriptUri: string;
  readonly styleUris: readonly string[];
  /** Marks the page for tests and styles: `<body data-view="panel">`. */
  readonly view: 'panel' | 'sidebar' | 'sweep';
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `img-src ${cspSource} data:`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
}

export function buildWebviewHtml(page: WebviewPage): string {
  if (!/^[A-Za-z0-9+/=]{16,}$/.test(page.nonce)) throw new Error('webview nonce must be at least 16 base64 characters');
  const e = escapeHtml;
  const styles = page.styleUris.map((href) => `<link rel="stylesheet" href="${e(href)}">`).join('\n    ');
  return `<!DOCTYPE html>
<html lang="${e(page.lang)}">
  <head>
    <meta charset="UTF-8">
    <meta http-equiv="Content-Security-Policy" content="${e(contentSecurityPolicy(page.cspSource, page.nonce))}">
    <meta name="viewport" content="width=device-width, initial-scale=1.0">
    ${styles}
    <title>${e(page.title)}</title>
  </head>
  <body data-view="${e(page.view)}" data-state="loading">
    <main id="app"></main>
    <script nonce="${e(page.nonce)}" src="${e(page.scriptUri)}"></script>
  </body>
</html>`;
}
