import * as vscode from 'vscode';
import { Disposable } from './disposable';
import { showInformation } from './notify';

/**
 * Remembers the last text editor the user worked in: when the reader has focus there is
 * no active text editor, yet "Insert at Cursor" must go to the one the user came from.
 */
export class EditorTracker extends Disposable {
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  private lastSelection: vscode.Selection | undefined = vscode.window.activeTextEditor?.selection;

  constructor() {
    super();
    this.register(vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (editor) {
        this.lastEditor = editor;
        this.lastSelection = editor.selection;
      }
    }));
    this.register(vscode.window.onDidChangeTextEditorSelection((event) => {
      if (event.textEditor === this.lastEditor) {
        this.lastSelection = event.selections[0];
      }
    }));
  }

  /**
   * The editor to insert into, shown again if the reader now covers it: a hidden editor's
   * object can no longer be edited, so its document is reopened at the remembered cursor.
   */
  private async targetEditor(): Promise<vscode.TextEditor | undefined> {
    const visible = this.editor;
    if (visible) {
      return visible;
    }
    const document = this.lastEditor?.document;
    if (!document || document.isClosed) {
      return undefined;
    }
    return vscode.window.showTextDocument(document, { viewColumn: this.lastEditor?.viewColumn, preserveFocus: false, selection: this.lastSelection });
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
    const editor = await this.targetEditor();
    if (!editor) {
      void showInformation(vscode.l10n.t('Open a text editor first, then insert the code again.'));
      return false;
    }
    try {
      return await this.replaceSelection(editor, text);
    } catch {
      // The editor was hidden by the reader a moment ago and this host had not heard yet:
      // show its document again at the remembered cursor and insert there.
      const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false, selection: this.lastSelection });
      return this.replaceSelection(shown, text);
    }
  }

  private async replaceSelection(editor: vscode.TextEditor, text: string): Promise<boolean> {
    const done = await editor.edit((builder) => builder.replace(editor.selection, text));
    if (done) {
      await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    }
    return done;
  }

  async insertSnippet(snippet: vscode.SnippetString): Promise<boolean> {
    const editor = await this.targetEditor();
    if (!editor) {
      void showInformation(vscode.l10n.t('Open a text editor first, then insert the code again.'));
      return false;
    }
    const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn, preserveFocus: false });
    return shown.insertSnippet(snippet);
  }
}
