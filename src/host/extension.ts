// Measured by the benchmark: from this module being loaded to activate() returning.
const moduleLoadedAt = performance.now();

import * as vscode from 'vscode';
import { createLogger } from './logger';
import { registerFeatures, type InterviewNotesApi } from './features';

export function activate(context: vscode.ExtensionContext): InterviewNotesApi {
  const logger = createLogger();
  context.subscriptions.push(logger);
  const api = registerFeatures(context, logger);
  api.activationMs = performance.now() - moduleLoadedAt;
  logger.info(`activated in ${api.activationMs.toFixed(2)} ms`);
  return api;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
