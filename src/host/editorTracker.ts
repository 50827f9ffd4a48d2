import * as vscode from 'vscode';
import { Disposable } from './disposable';

/**
 * Remembers the last text editor the user worked in: when the reader has focus there is
 * no active text editor, yet "Insert at Cursor" must go to the one the user came from.
 */
export class EditorTracker extends Disposable {
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;

  constructor() {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor) {
        this.lastEditor = editor;
      }
    }));
  }

  /** The active text editor, or the last one that is still open. */
  get editor(): vscode.TextEditor | undefined {
    const active = vscode.window.activeTextEditor;
    if (active) {
      return active;
    }
    const last = this.lastEditor;
    if (last && vscode.window.visibleTextEditors.includes(last)) {
      return last;
    }
    const document = last?.document;
    return document && !document.isClosed ? vscode.window.visibleTextEditors.find((editor) => editor.document === document) : undefined;
  }

  /** Inserts text at the cursor of the editor above, as one undoable edit. */
  async insertText(text: string): Promise<boolean> {
    const editor = this.editor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a text editor first, then insert the code again.'));
      return false;
    }
    const done = await editor.edit((builder) => builder.replace(editor.selection, text));
    if (done) {
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    }
    return done;
  }

  async insertSnippet(snippet: vscode.SnippetString): Promise<boolean> {
    const editor = this.editor;
    if (!editor) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a text editor first, then insert the code again.'));
      return false;
    }
    await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    return editor.insertSnippet(snippet);
  }
}
