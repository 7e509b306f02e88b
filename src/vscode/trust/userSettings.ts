// Settings that weaken safety or choose where data goes (simulator.askBeforeChanges, backend, graph.*,
// simulator.timeScale) are application- or machine-scoped in package.json, so a folder's
// .vscode/settings.json cannot set them. This reads them the same way even where a workspace value
// reaches the API anyway (an older VS Code, a .code-workspace file): only the user's own value counts.
import * as vscode from 'vscode';

export function userSetting<T>(section: string, key: string, fallback: T): T {
  const info = vscode.workspace.getConfiguration(section).inspect<T>(key);
  return info?.globalValue ?? info?.defaultValue ?? fallback;
}
