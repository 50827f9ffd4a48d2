// Runs inside the extension host (like the integration suite): activates the extension
// under development, ours or the empty baseline, timing `activate()` from outside, and
// writes that time to the workspace. One extension per host: code-server loads only one under development.
// With ours it also times the snippet completion provider against a fixed-list provider.
import * as vscode from 'vscode';
import { silentLogger } from '../src/core/util/logger';
import { SnippetCompletionProvider } from '../src/host/snippetCompletions';
import { SnippetLibrary } from '../src/host/snippetLibrary';

const candidates = ['interview-notes.interview-notes', 'interview-notes.empty-baseline'];

/** Median time of one call, over many calls after a warm-up. */
async function perCallMs(call: () => unknown, calls = 2000): Promise<number> {
  for (let i = 0; i < 50; i++) {
    await call();
  }
  const times: number[] = [];
  for (let i = 0; i < calls; i++) {
    const started = performance.now();
    await call();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

async function completionFigures(extensionUri: vscode.Uri, folder: vscode.Uri) {
  const library = new SnippetLibrary(() => [vscode.Uri.joinPath(extensionUri, 'snippets')], silentLogger);
  const provider = new SnippetCompletionProvider(library);
  const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, 'Dockerfile'));
  const position = new vscode.Position(0, 0);
  const token = new vscode.CancellationTokenSource().token;
  const context: vscode.CompletionContext = { triggerKind: vscode.CompletionTriggerKind.Invoke, triggerCharacter: undefined };
  const fixed = [new vscode.CompletionItem('entrypoint-exec', vscode.CompletionItemKind.Snippet), new vscode.CompletionItem('cmd-exec', vscode.CompletionItemKind.Snippet)];
  const baselineProvider: vscode.CompletionItemProvider = { provideCompletionItems: () => fixed };
  const completionMs = await perCallMs(() => provider.provideCompletionItems(document, position));
  const baselineMs = await perCallMs(() => baselineProvider.provideCompletionItems(document, position, token, context));
  library.dispose();
  return { completionMs, baselineMs };
}

/**
 * The first extension a host activates pays a cost of the host's own (about 100 ms here, and
 * varying by tens of ms between hosts) that would drown the figure: a built-in extension that
 * nothing has activated yet pays it before the timed activation.
 */
async function payFirstActivationCost(): Promise<void> {
  const warmUp = vscode.extensions.all.find((extension) => !extension.isActive && extension.id.startsWith('vscode.') && extension.packageJSON.main);
  if (!warmUp) {
    throw new Error('no inactive built-in extension to warm the host up with');
  }
  await warmUp.activate();
}

export async function run(): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    throw new Error('no workspace folder');
  }
  const figures: Record<string, Record<string, number>> = {};
  await payFirstActivationCost();
  for (const id of candidates) {
    const extension = vscode.extensions.getExtension(id);
    if (extension) {
      if (extension.isActive) {
        throw new Error(`${id} is active already: the bench copy must have no activation events`);
      }
      // Timed from outside, as VS Code does it: loading the bundle, then activate().
      const started = performance.now();
      await extension.activate();
      figures[id] = { activationMs: performance.now() - started };
      if (id === candidates[0]) {
        Object.assign(figures[id], await completionFigures(extension.extensionUri, folder.uri));
      }
    }
  }
  if (Object.keys(figures).length === 0) {
    throw new Error(`none of ${candidates.join(', ')} is loaded`);
  }
  await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder.uri, '.bench-results.json'), new TextEncoder().encode(JSON.stringify(figures)));
}
