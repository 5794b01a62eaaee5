import * as assert from 'node:assert/strict';
import { buildWebviewHtml, contentSecurityPolicy, escapeHtml } from '../../src/host/webviewHtml';
import { createNonce } from '../../src/host/nonce';

const page = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: createNonce(),
  lang: 'es',
  title: 'Panel <b>"x"</b>',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/panel.js',
  styleUris: ['https://file+.vscode-resource.vscode-cdn.net/ext/media/common.css'],
  view: 'panel' as const,
};

describe('webview HTML', () => {
  it('declares a CSP that denies by default and allows scripts only by nonce', () => {
    const html = buildWebviewHtml(page);
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
    assert.ok(csp, 'no CSP meta tag');
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${page.nonce.replace(/[+/]/g, '\\$&')}'`));
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
  });

  it('puts the nonce on every script and loads nothing remote', () => {
    const html = buildWebviewHtml(page);
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.equal(scripts.length, 1);
    for (const tag of scripts) assert.ok(tag.includes(`nonce="${page.nonce}"`), tag);
    const urls = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1] as string);
    for (const url of urls) assert.ok(url.startsWith(page.cspSource), `${url} is not a webview resource`);
    assert.doesNotMatch(html, /\son\w+=/i, 'inline event handler');
  });

  it('escapes text that reaches the page', () => {
    const html = buildWebviewHtml(page);
    assert.ok(html.includes('<title>Panel &lt;b&gt;&quot;x&quot;&lt;/b&gt;</title>'));
    assert.equal(escapeHtml(`<img src=x onerror='a'>&`), '&lt;img src=x onerror=&#39;a&#39;&gt;&amp;');
  });

  it('refuses a weak nonce', () => {
    assert.throws(() => buildWebviewHtml({ ...page, nonce: 'abc' }), /nonce/);
  });

  it('makes a different nonce for every page', () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    assert.equal(nonces.size, 100);
    assert.equal(contentSecurityPolicy('s', 'n').split('; ').length, 5);
  });
});
