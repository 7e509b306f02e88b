// The command table and the manifest list the same commands, and nothing registers a command outside the
// table. Read statically (the table's module imports vscode, which plain Node cannot load).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../../..');
const TABLE = path.join(root, 'src/vscode/commands/commandTable.ts');

/** The keys of the object literal `createCommands()` returns. */
function tableIds(): string[] {
  const source = ts.createSourceFile(TABLE, fs.readFileSync(TABLE, 'utf8'), ts.ScriptTarget.Latest, true);
  const ids: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) && node.name?.text === 'createCommands') {
      node.forEachChild(function find(child): void {
        if (ts.isReturnStatement(child) && child.expression && ts.isObjectLiteralExpression(child.expression)) {
          for (const p of child.expression.properties) {
            assert.ok(
              p.name && (ts.isStringLiteral(p.name) || ts.isIdentifier(p.name)),
              `a literal command id in ${p.getText()}`,
            );
            ids.push(p.name.text);
          }
        } else {
          child.forEachChild(find);
        }
      });
    }
    node.forEachChild(visit);
  };
  visit(source);
  return ids;
}

function manifestIds(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: { commands: { command: string }[] };
  };
  return manifest.contributes.commands.map((c) => c.command);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(full) : e.name.endsWith('.ts') ? [full] : [];
  });
}

describe('the command table', () => {
  it('lists every command package.json contributes, and only those, each once', () => {
    const table = tableIds();
    assert.ok(table.length > 0, 'createCommands() returns an object literal of commands');
    assert.equal(new Set(table).size, table.length, `no id twice: ${table}`);
    const manifest = manifestIds();
    assert.deepEqual([...table].sort(), [...manifest].sort());
  });

  it('is the only place that registers a command', () => {
    const registering = sourceFiles(path.join(root, 'src'))
      .filter((file) => /\bregisterCommand\s*\(/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    assert.deepEqual(registering, [path.relative(root, TABLE)]);
  });
});
