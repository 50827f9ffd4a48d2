import * as vscode from 'vscode';
import type { Logger } from '../core/util/logger';

/** The "Interview Notes" output channel, with the levels the user picks in its menu. */
export function createLogger(): Logger & vscode.Disposable {
  const channel = vscode.window.createOutputChannel('Interview Notes', { log: true });
  return {
    trace: (message) => channel.trace(message),
    debug: (message) => channel.debug(message),
    info: (message) => channel.info(message),
    warn: (message) => channel.warn(message),
    error: (message) => channel.error(message),
    dispose: () => channel.dispose(),
  };
}
