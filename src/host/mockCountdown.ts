import * as vscode from 'vscode';
import { commands } from './commandIds';
import { Disposable } from './disposable';

/**
 * The mock interview's countdown in the status bar, so the time stays in sight while the
 * interview's tab is hidden; a click goes back to the interview. Gone when the interview ends.
 */
export class MockCountdown extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('interviewNotes.mockCountdown', vscode.StatusBarAlignment.Left, 49));

  constructor() {
    super();
    this.item.name = vscode.l10n.t('Interview Notes: Mock Interview Countdown');
    this.item.command = { command: commands.mockInterview, title: vscode.l10n.t('Back to the Mock Interview'), arguments: [{ resume: true }] };
  }

  /** What the item shows, for the tests. */
  get state(): { readonly visible: boolean; readonly text: string; readonly command: vscode.Command | undefined } {
    const command = this.item.command;
    return { visible: this.visible, text: this.item.text, command: typeof command === 'string' ? { command, title: '' } : command };
  }

  private visible = false;

  /** `label` is the time left ("2:46") or what is happening ("Time's up"); `description` is read out and shown on hover. */
  show(label: string, description: string): void {
    this.item.text = `$(watch) ${label}`;
    this.item.tooltip = description;
    this.item.accessibilityInformation = { label: description, role: 'button' };
    if (!this.visible) {
      this.visible = true;
      this.item.show();
    }
  }

  hide(): void {
    this.visible = false;
    this.item.hide();
  }
}
