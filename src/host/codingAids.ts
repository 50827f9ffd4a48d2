import * as vscode from 'vscode';
import { answerMarkdown } from '../core/practice/questionCard';
import { findDockerfilePitfalls, type Pitfall, type PitfallKind } from '../core/codingAids/dockerfilePitfalls';
import { dockerfileInstructionSections, nginxDirectiveSections, wordAt } from '../core/codingAids/keywordSections';
import { commands } from './commandIds';
import { Disposable } from './disposable';
import type { NoteLibrary } from './noteLibrary';
import { isKubernetesManifest, kubernetesKeySections } from '../core/snippets/manifestDetection';
import { settings } from './settings';
import type { ExtensionServices } from './services';
import { markdownExcerpt, sectionHeadingMarkdown } from '../core/text/markdownExcerpt';


const pitfallSettings: Record<PitfallKind, string> = {
  'shell-form': settings.shellFormDiagnostics,
  'add-instead-of-copy': settings.addInsteadOfCopyDiagnostics,
};

/**
 * While coding: hovers on Dockerfile instructions and nginx directives with a short
 * explanation from the notes, and Dockerfile pitfall diagnostics with quick fixes.
 */
export class CodingAids extends Disposable implements vscode.HoverProvider, vscode.CodeActionProvider {
  private readonly diagnostics = this.register(vscode.languages.createDiagnosticCollection('interviewNotes'));
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  /** The pitfalls behind each document's diagnostics, for their quick fixes. */
  private readonly pitfalls = new Map<string, Pitfall[]>();

  constructor(private readonly library: NoteLibrary) {
    super();
    this.register(vscode.languages.registerHoverProvider([{ language: 'dockerfile' }, { language: 'nginx' }, { language: 'yaml' }], this));
    this.register(vscode.languages.registerCodeActionsProvider({ language: 'dockerfile' }, this, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }));
    this.register(vscode.workspace.onDidOpenTextDocument((document) => this.check(document)));
    this.register(vscode.workspace.onDidChangeTextDocument((event) => this.checkSoon(event.document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => {
      this.diagnostics.delete(document.uri);
      this.pitfalls.delete(document.uri.toString());
    }));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (Object.values(pitfallSettings).some((setting) => event.affectsConfiguration(setting))) {
        vscode.workspace.textDocuments.forEach((document) => this.check(document));
      }
    }));
    this.register({ dispose: () => this.timers.forEach((timer) => clearTimeout(timer)) });
    vscode.workspace.textDocuments.forEach((document) => this.check(document));
  }

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const line = document.lineAt(position.line).text;
    const found = wordAt(line, position.character);
    if (!found) {
      return undefined;
    }
    const reference = sectionForWord(document, line, found);
    if (!reference) {
      return undefined;
    }
    const [noteId, sectionId] = reference.split('#');
    const loaded = await this.library.note(noteId);
    const section = loaded?.note.sections.find((candidate) => candidate.id === sectionId);
    if (!loaded || !section) {
      return undefined;
    }
    const markdown = new vscode.MarkdownString(undefined, true);
    // Built as Markdown, not appendText (which turns every space into &nbsp;, so nothing wraps).
    markdown.appendMarkdown(`${sectionHeadingMarkdown(section.title, loaded.note.title)}\n\n`);
    markdown.appendMarkdown(markdownExcerpt(answerMarkdown(loaded.note, section.id)?.markdown ?? '', 420));
    const args = encodeURIComponent(JSON.stringify([noteId, sectionId]));
    markdown.appendMarkdown(`\n\n[$(book) ${vscode.l10n.t('Open in the reader')}](command:${commands.openNote}?${args})`);
    markdown.isTrusted = { enabledCommands: [commands.openNote] };
    return new vscode.Hover(markdown, new vscode.Range(position.line, found.start, position.line, found.end));
  }

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const pitfalls = this.pitfalls.get(document.uri.toString()) ?? [];
    return context.diagnostics.flatMap((diagnostic) => {
      const kind = diagnostic.code;
      const pitfall = pitfalls.find((candidate) => candidate.kind === kind && candidate.line === diagnostic.range.start.line);
      if (diagnostic.source !== 'Interview Notes' || !pitfall || !diagnostic.range.intersection(range)) {
        return [];
      }
      const action = new vscode.CodeAction(pitfall.kind === 'shell-form' ? vscode.l10n.t('Use the exec form') : vscode.l10n.t('Use COPY'), vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.replace(document.uri, document.lineAt(pitfall.line).range, pitfall.replacement);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      return [action];
    });
  }

  private checkSoon(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => this.check(document), 300));
  }

  private check(document: vscode.TextDocument): void {
    if (document.languageId !== 'dockerfile') {
      return;
    }
    const configuration = vscode.workspace.getConfiguration(undefined, document.uri);
    const pitfalls = findDockerfilePitfalls(document.getText()).filter((pitfall) => configuration.get<boolean>(pitfallSettings[pitfall.kind], true));
    this.pitfalls.set(document.uri.toString(), pitfalls);
    const diagnostics = pitfalls.map((pitfall) => {
        const message =
          pitfall.kind === 'shell-form'
            ? vscode.l10n.t('{0} in shell form runs under /bin/sh -c: the shell is PID 1 and docker stop\'s SIGTERM does not reach your program. Use the exec form.', pitfall.instruction)
            : vscode.l10n.t('ADD of a plain local file: COPY says what you mean (ADD also fetches URLs and unpacks archives).');
        const diagnostic = new vscode.Diagnostic(new vscode.Range(pitfall.line, pitfall.start, pitfall.line, pitfall.end), message, pitfall.kind === 'shell-form' ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information);
        diagnostic.source = 'Interview Notes';
        diagnostic.code = pitfall.kind;
        return diagnostic;
      });
    this.diagnostics.set(document.uri, diagnostics);
  }
}


export function registerCodingAids({ library }: ExtensionServices): CodingAids {
  return new CodingAids(library);
}

/**
 * The note section for the word under the pointer: a Dockerfile instruction (the first word of
 * its line), an nginx directive (the start of its statement), or a key of a Kubernetes manifest
 * (`livenessProbe:`), and only in a YAML file that is one.
 */
function sectionForWord(document: vscode.TextDocument, line: string, found: { word: string; start: number; end: number }): string | undefined {
  const before = line.slice(0, found.start).trim();
  switch (document.languageId) {
    case 'dockerfile':
      return before === '' ? dockerfileInstructionSections[found.word.toUpperCase()] : undefined;
    case 'nginx':
      return before === '' || /[{;]$/.test(before) ? nginxDirectiveSections[found.word] : undefined;
    case 'yaml': {
      const isKey = (before === '' || before === '-') && line.slice(found.end).startsWith(':');
      return isKey && isKubernetesManifest(document.uri.path, document.getText()) ? kubernetesKeySections[found.word] : undefined;
    }
    default:
      return undefined;
  }
}
