// Runs inside the extension host (like the integration suite): activates the extension
// under development, ours or the empty baseline, and writes its activation time to the
// workspace. One extension per host: code-server loads only one under development.
import * as vscode from 'vscode';

const candidates = ['interview-notes.interview-notes', 'interview-notes.empty-baseline'];

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('no workspace folder');
  }
  const figures: Record<string, { activationMs: number; activationWallMs: number }> = {};
  for (const id of candidates) {
    const extension = vscode.extensions.getExtension<{ activationMs: number; activationWallMs: number }>(id);
    if (extension) {
      const { activationMs, activationWallMs } = await extension.activate();
      figures[id] = { activationMs, activationWallMs };
    }
  }
  if (Object.keys(figures).length === 0) {
    throw new Error(`none of ${candidates.join(', ')} is loaded`);
  }
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '.bench-results.json'), new TextEncoder().encode(JSON.stringify(figures)));
}
