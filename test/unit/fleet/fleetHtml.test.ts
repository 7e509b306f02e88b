// The Fleet Overview page's Content Security Policy: nothing runs without the page's nonce, nothing remote loads.
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import { fleetHtml, fleetNonce } from '../../../src/vscode/fleet/fleetHtml';

const uri = (path: string) =>
  ({ toString: () => `https://file+.vscode-resource.vscode-cdn.net${path}` }) as unknown as vscode.Uri;

describe('fleet overview page', () => {
  const nonce = fleetNonce();
  const html = fleetHtml(
    {
      cspSource: 'https://*.vscode-cdn.net',
      scriptUri: uri('/ext/dist/webview/fleet.js'),
      styleUri: uri('/ext/media/fleet/fleet.css'),
      title: 'Fleet <Overview>',
      loadingText: 'Loading…',
    },
    nonce,
  );
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';

  it('allows scripts only with a fresh nonce and styles only from the extension', () => {
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, new RegExp(`script-src 'nonce-${nonce}'(;|$)`));
    assert.match(csp, /style-src https:\/\/\*\.vscode-cdn\.net(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\bhttps?:\/\/(?!\*\.vscode-cdn\.net)/);
    assert.notEqual(fleetNonce(), nonce);
    assert.ok(nonce.length >= 24);
  });

  it('loads the bundled script with the nonce and escapes text', () => {
    assert.ok(
      html.includes(
        `<script nonce="${nonce}" src="https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/fleet.js"></script>`,
      ),
    );
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'no inline script');
    assert.ok(html.includes('<title>Fleet &#60;Overview&#62;</title>'));
  });
});
