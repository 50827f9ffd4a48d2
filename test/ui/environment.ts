import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');

/** Where the UI tests find code-server and the extension; scripts/test.mjs sets CODE_SERVER_ENTRY. */
export const uiTestEnvironment = {
  repoRoot,
  codeServerEntry: process.env.CODE_SERVER_ENTRY ?? join(repoRoot, '.vscode-test', 'code-server-4.100.3', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  extensionPath: repoRoot,
  fixtureWorkspace: join(repoRoot, 'test', 'fixtures', 'workspace'),
};
