import * as vscode from 'vscode';
import type { Logger } from '../core/util/logger';
import { showWarning } from './notify';
import { textEngine } from './textEngine';

/** Where a link from a note may lead: another note (or a place in one), a snippet, an https page. */
export interface LinkTargets {
  /** Opens a note at a section; no note id means the note on show. False when there is none. */
  readonly showNote: (place: { readonly noteId?: string; readonly sectionId?: string }) => Promise<boolean>;
  readonly insertSnippet?: (snippetId: string) => Thenable<boolean>;
  readonly openExternal?: (uri: vscode.Uri) => Thenable<boolean>;
  readonly logger: Logger;
}

export type LinkOutcome = 'external' | 'note' | 'snippet' | 'refused';

/**
 * The one place that decides what a link clicked in a webview may do, for the reader and the
 * practice panel alike: the renderer's classification (classifyLink) is the policy.
 */
export async function openNoteLink(href: string, targets: LinkTargets): Promise<LinkOutcome> {
  const link = textEngine().classifyLink(href);
  switch (link.kind) {
    case 'external':
      await (targets.openExternal ?? vscode.env.openExternal)(vscode.Uri.parse(link.url, true));
      return 'external';
    case 'note':
      return (await targets.showNote({ noteId: link.noteId, sectionId: link.sectionId })) ? 'note' : 'refused';
    case 'snippet':
      if (targets.insertSnippet && (await targets.insertSnippet(link.snippetId))) {
        return 'snippet';
      }
      void showWarning(vscode.l10n.t('There is no snippet "{0}".', link.snippetId));
      return 'refused';
    case 'refused':
      targets.logger.warn(`link refused: ${href}: ${link.reason}`);
      void showWarning(vscode.l10n.t('This link was not opened: {0}', href.slice(0, 200)));
      return 'refused';
  }
}
