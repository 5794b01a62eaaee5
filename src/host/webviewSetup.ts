/**
 * Points a webview (panel or sidebar view) at its bundle: scripts on, resource roots limited to the
 * built webview bundles and media, and the page from the one HTML builder with a fresh nonce.
 */
import * as vscode from 'vscode';
import { createNonce } from './nonce';
import { buildWebviewHtml } from './webviewHtml';

export function setUpWebview(webview: vscode.Webview, extensionUri: vscode.Uri, view: 'panel' | 'sidebar' | 'sweep', title: string): void {
  const bundleRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
  const mediaRoot = vscode.Uri.joinPath(extensionUri, 'media');
  webview.options = { enableScripts: true, localResourceRoots: [bundleRoot, mediaRoot] };
  const asUri = (root: vscode.Uri, file: string): string => webview.asWebviewUri(vscode.Uri.joinPath(root, file)).toString();
  webview.html = buildWebviewHtml({
    cspSource: webview.cspSource,
    nonce: createNonce(),
    lang: vscode.env.language,
    title,
    view,
    scriptUri: asUri(bundleRoot, `${view}.js`),
    styleUris: [asUri(mediaRoot, 'common.css'), asUri(mediaRoot, `${view}.css`)],
  });
}
