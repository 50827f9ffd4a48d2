import * as vscode from 'vscode';
import type { Logger } from '../core/util/logger';
import { Disposable } from './disposable';

export interface WebviewPanelOptions<Message> {
  readonly extensionUri: vscode.Uri;
  readonly viewType: string;
  /** For log lines: "reader", "practice". */
  readonly name: string;
  readonly logger: Logger;
  /** Validates what the webview sends; undefined refuses it. */
  readonly parseMessage: (raw: unknown) => Message | undefined;
  readonly onMessage: (message: Message) => unknown;
  /** After the user (or the extension) closed the panel. */
  readonly onDidClose?: () => void;
  readonly enableFindWidget?: boolean;
}

/**
 * What the reader and the practice panels share: one panel at a time, made or adopted (after a
 * reload) with the same safe options (scripts on, no command URIs, only `media/` and
 * `dist/webview/` readable), the same icon, resource URIs, validated messages, and a promise
 * that settles when the page last set has said "ready".
 */
export class WebviewPanelHost<Message extends { readonly type: string }> extends Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private panelDisposables: vscode.Disposable[] = [];
  private readyWaiters: (() => void)[] = [];
  private readyPromise: Promise<void> = Promise.resolve();
  private lastHtml = '';

  constructor(private readonly options: WebviewPanelOptions<Message>) {
    super();
    this.register({ dispose: () => this.close() });
  }

  get current(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** The HTML last given to the webview (for tests and diagnostics). */
  get html(): string {
    return this.lastHtml;
  }

  /** Settles when the page last set has loaded and said "ready". */
  get ready(): Promise<void> {
    return this.readyPromise;
  }

  /** The panel on show, or a new one. */
  open(title: string, viewColumn: vscode.ViewColumn = vscode.ViewColumn.Active): vscode.WebviewPanel {
    if (this.panel) {
      return this.panel;
    }
    const panel = vscode.window.createWebviewPanel(this.options.viewType, title, viewColumn, { enableFindWidget: this.options.enableFindWidget });
    this.adopt(panel);
    return panel;
  }

  /** Takes over a panel VS Code restored after a reload. */
  adopt(panel: vscode.WebviewPanel): void {
    this.close();
    this.panel = panel;
    const root = this.options.extensionUri;
    panel.webview.options = {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(root, 'media'), vscode.Uri.joinPath(root, 'dist', 'webview')],
    };
    panel.iconPath = vscode.Uri.joinPath(root, 'media', 'reader-icon.svg');
    this.panelDisposables = [
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => {
        if (this.panel === panel) {
          this.panel = undefined;
          this.panelDisposables.splice(0).forEach((disposable) => disposable.dispose());
          this.options.onDidClose?.();
        }
      }),
    ];
  }

  /** A file of the extension as the webview may load it. */
  resourceUri(panel: vscode.WebviewPanel, ...path: string[]): string {
    return panel.webview.asWebviewUri(vscode.Uri.joinPath(this.options.extensionUri, ...path)).toString();
  }

  /** Sets the page; `ready` now waits for this page's "ready". */
  setHtml(panel: vscode.WebviewPanel, html: string): void {
    this.lastHtml = html;
    this.readyPromise = new Promise((resolve) => this.readyWaiters.push(resolve));
    panel.webview.html = html;
  }

  /** Everything the webview sends comes through here, validated first. */
  async receive(raw: unknown): Promise<void> {
    const message = this.options.parseMessage(raw);
    if (!message) {
      this.options.logger.warn(`${this.options.name}: ignored a malformed message from the webview`);
      return;
    }
    if (message.type === 'ready') {
      this.readyWaiters.splice(0).forEach((resolve) => resolve());
    }
    await this.options.onMessage(message);
  }

  close(): void {
    const panel = this.panel;
    this.panel = undefined;
    this.panelDisposables.splice(0).forEach((disposable) => disposable.dispose());
    panel?.dispose();
  }
}
