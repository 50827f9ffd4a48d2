import { join } from 'node:path';

const repoRoot = join(__dirname, '..', '..');

/** The packaged extension, as users install it; scripts/test.mjs packages it before the UI suite. */
export const packagedVsix = process.env.INTERVIEW_NOTES_VSIX ?? join(repoRoot, 'out', 'ui', 'interview-notes.vsix');

/**
 * Where the UI tests find code-server and the extension; scripts/test.mjs sets CODE_SERVER_ENTRY.
 * The UI tests run against the .vsix installed into a fresh code-server, not the development
 * folder: what users install is what is tested.
 */
export const uiTestEnvironment = {
  repoRoot,
  codeServerEntry: process.env.CODE_SERVER_ENTRY ?? join(repoRoot, '.vscode-test', 'code-server-4.100.3', 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
  installExtensions: [packagedVsix],
  fixtureWorkspace: join(repoRoot, 'test', 'fixtures', 'workspace'),
};
