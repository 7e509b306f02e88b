// Commands that work on .cpcpolicy.json files.
import * as vscode from 'vscode';
import type { ExtensionContext } from '../extensionContext';

const NEW_POLICY = `{
  // A dedicated Windows 365 Enterprise policy on a Microsoft-hosted network.
  "displayName": "\${1:Contoso Dedicated}",
  "description": "\${2:Cloud PCs for the finance team}",
  "provisioningType": "dedicated",
  "imageType": "gallery",
  "imageId": "microsoftwindowsdesktop_windows-ent-cpc_win11-24H2-ent-cpc-m365",
  "imageDisplayName": "Windows 11 Enterprise + Microsoft 365 Apps 24H2",
  "domainJoinConfigurations": [
    { "domainJoinType": "azureADJoin", "regionName": "automatic", "regionGroup": "usEast" }
  ],
  "enableSingleSignOn": true,
  "windowsSetting": { "locale": "en-US" },
  "cloudPcNamingTemplate": "\${3:CPC-%USERNAME:4%-%RAND:5%}",
  "assignments": []
}
`;

export function registerPolicyFileCommands(ctx: ExtensionContext): void {
  ctx.subscribe(
    vscode.commands.registerCommand('cpcpolicy.newPolicyFile', async () => {
      const doc = await vscode.workspace.openTextDocument({ language: 'cpcpolicy', content: '' });
      const editor = await vscode.window.showTextDocument(doc);
      await editor.insertSnippet(new vscode.SnippetString(NEW_POLICY));
    }),
  );
}
