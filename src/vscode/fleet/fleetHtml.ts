// The Fleet Overview page: a strict Content Security Policy (scripts only with this page's nonce, styles and
// fonts only from the extension's own files, nothing remote), the bundled script and the stylesheet.
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export function fleetNonce(): string {
  return randomBytes(18).toString('base64url');
}

export interface FleetPageResources {
  cspSource: string;
  scriptUri: vscode.Uri;
  styleUri: vscode.Uri;
  title: string;
  loadingText: string;
}

export function fleetHtml(r: FleetPageResources, nonce: string): string {
  const csp = [
    "default-src 'none'",
    `img-src ${r.cspSource} data:`,
    `style-src ${r.cspSource}`,
    `font-src ${r.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${r.styleUri.toString()}">
<title>${escapeHtml(r.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">${escapeHtml(r.loadingText)}</p></main>
<script nonce="${nonce}" src="${r.scriptUri.toString()}"></script>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
