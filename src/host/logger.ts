import * as vscode from 'vscode';
import type { Logger } from '../core/util/logger';

/**
 * The "Interview Notes" output channel, with the levels the user picks in its menu. The
 * channel is made on the first message, not at activation: making one costs about a
 * millisecond, and most sessions never log anything.
 */
export function createLogger(): Logger & vscode.Disposable {
  let channel: vscode.LogOutputChannel | undefined;
  const output = () => (channel ??= vscode.window.createOutputChannel('Interview Notes', { log: true }));
  return {
    trace: (message) => output().trace(message),
    debug: (message) => output().debug(message),
    info: (message) => output().info(message),
    warn: (message) => output().warn(message),
    error: (message) => output().error(message),
    dispose: () => channel?.dispose(),
  };
}
