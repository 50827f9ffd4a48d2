import * as vscode from 'vscode';
import { plainUiText } from '../core/text/untrustedText';

/**
 * The only way the extension shows a notification. Messages quote file names, note titles,
 * snippet keys and parse errors, which a shared repository controls; VS Code would turn a
 * `[label](command:…)` among them into a link that runs the command. So every message is
 * made plain text first (test/unit/notify.test.ts checks that nothing else calls
 * `window.show*Message`).
 */
export function showInformation<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showInformationMessage(plainUiText(message, notificationLength), ...items);
}

export function showWarning<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(plainUiText(message, notificationLength), ...items);
}

export function showError<T extends string>(message: string, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showErrorMessage(plainUiText(message, notificationLength), ...items);
}

/** A modal warning (a question the user must answer), plain text likewise. */
export function askWarning<T extends string>(message: string, detail: string | undefined, ...items: T[]): Thenable<T | undefined> {
  return vscode.window.showWarningMessage(plainUiText(message, notificationLength), { modal: true, detail: detail === undefined ? undefined : plainUiText(detail, notificationLength) }, ...items);
}

const notificationLength = 1000;
