import * as vscode from 'vscode';
import { createLogger } from './logger';
import { registerFeatures, type InterviewNotesApi } from './features';

/** Set by the bundle's first and last lines (scripts/build.mjs). */
declare const __extensionLoadStart: number | undefined;
declare const __extensionLoadEnd: number | undefined;

export function activate(context: vscode.ExtensionContext): InterviewNotesApi {
  const activateStart = performance.now();
  const logger = createLogger();
  context.subscriptions.push(logger);
  const api = registerFeatures(context, logger);
  // Our own cost: evaluating the bundle plus the body of activate(). The wall time also
  // holds what VS Code does between loading the code and calling activate().
  const loadMs = typeof __extensionLoadStart === 'number' && typeof __extensionLoadEnd === 'number' ? __extensionLoadEnd - __extensionLoadStart : 0;
  const activateEnd = performance.now();
  api.activationMs = loadMs + (activateEnd - activateStart);
  api.activationWallMs = typeof __extensionLoadStart === 'number' ? activateEnd - __extensionLoadStart : 0;
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
