// Test double for the workbench tests: VS Code's own Microsoft sign-in cannot reach Microsoft Entra ID on the
// test machines. Signing in succeeds when asked (after VS Code's own consent question), and no session is
// handed out silently afterwards: a sign-in that has expired, which the views must turn into "Sign in again".
// It starts with the window ('*') so it owns the 'microsoft' provider id before VS Code's own extension asks
// for it (code-server has no --disable-extension; the built-in's later registration of the id fails).
const vscode = require('vscode');

exports.activate = (context) => {
  const changed = new vscode.EventEmitter();
  context.subscriptions.push(
    changed,
    vscode.authentication.registerAuthenticationProvider('microsoft', 'Microsoft (e2e)', {
      onDidChangeSessions: changed.event,
      getSessions: async () => [],
      createSession: async (scopes) => ({
        id: 'e2e-session',
        accessToken: 'e2e-not-a-token',
        account: { id: 'e2e-admin', label: 'admin@contoso.example' },
        scopes,
      }),
      removeSession: async () => {},
    }),
  );
};
