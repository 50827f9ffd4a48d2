import * as vscode from 'vscode';
import { answerMarkdown } from '../core/practice/questionCard';
import type { Snippet } from '../core/snippets/snippet';
import { expandSnippetBody } from '../core/snippets/snippetBody';
import { isKubernetesManifest } from '../core/snippets/manifestDetection';
import { commands } from './commandIds';
import type { SnippetLibrary } from './snippetLibrary';
import { showInformation } from './notify';
import type { ExtensionServices } from './services';
import { markdownExcerpt, quotedMarkdown } from '../core/text/markdownExcerpt';


/** Languages the bundled snippets are written for (the completion provider's selector). */
export const snippetLanguages = ['dockerfile', 'nginx', 'python', 'sql', 'yaml', 'dockercompose', 'typescript', 'javascript', 'java', 'go', 'shellscript', 'systemd'];

/** YAML files named like Compose files get the Compose snippets. */
export const composeFilePattern = '**/{compose,docker-compose}*.{yml,yaml}';

/** The snippets' language for a document: YAML files are Compose files, Kubernetes manifests, or plain YAML. */
export function snippetLanguageOf(document: vscode.TextDocument): string {
  if (document.languageId === 'yaml' && /(^|\/)(docker-)?compose[^/]*\.ya?ml$/i.test(document.uri.path)) {
    return 'dockercompose';
  }
  if (document.languageId === 'yaml' && isKubernetesManifest(document.uri.path, document.getText())) {
    return 'kubernetes';
  }
  return document.languageId;
}

/**
 * Offers the snippets as completions; each snippet appears once, from this provider only.
 * The items are made once per language and reused, so a keystroke costs no I/O and no parsing.
 */
export class SnippetCompletionProvider implements vscode.CompletionItemProvider {
  private readonly items = new Map<string, vscode.CompletionItem[]>();
  private readonly snippetOf = new WeakMap<vscode.CompletionItem, Snippet>();

  /**
   * @param noteExcerpt the start of the section a snippet names, in the display language, as
   * safe Markdown; asked only when the user looks at an item's details, never per keystroke.
   */
  constructor(
    private readonly library: SnippetLibrary,
    private readonly noteExcerpt?: (noteId: string, sectionId: string | undefined) => Promise<string | undefined>,
  ) {
    library.onDidChange(() => this.items.clear());
  }

  async resolveCompletionItem(item: vscode.CompletionItem): Promise<vscode.CompletionItem> {
    const snippet = this.snippetOf.get(item);
    if (snippet?.note && this.noteExcerpt) {
      const excerpt = await this.noteExcerpt(snippet.note.noteId, snippet.note.sectionId);
      item.documentation = snippetDocumentation(snippet, excerpt);
    }
    return item;
  }

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const language = snippetLanguageOf(document);
    let items = this.items.get(language);
    if (!items) {
      // One item per snippet, whatever its number of prefixes: all of them are in its filter text.
      items = (await this.library.forLanguage(language)).map((snippet) => {
        const item = toCompletionItem(snippet);
        this.snippetOf.set(item, snippet);
        return item;
      });
      this.items.set(language, items);
    }
    // Prefixes hold '-' and '.', which most languages' word pattern splits at: without this
    // range, typing `entrypoint-exec` would replace only `exec`, and match other snippets.
    const range = typedPrefixRange(document, position);
    for (const item of items) {
      item.range = range;
    }
    return items;
  }
}

/** The run of prefix characters (letters, digits, `_`, `-`, `.`) that ends at the cursor. */
export function typedPrefixRange(document: vscode.TextDocument, position: vscode.Position): vscode.Range {
  const line = document.lineAt(position.line).text;
  let start = position.character;
  while (start > 0 && /[\w.-]/.test(line[start - 1])) {
    start--;
  }
  return new vscode.Range(position.line, start, position.line, position.character);
}

export const completionSelector: vscode.DocumentSelector = [...snippetLanguages.map((language) => ({ language })), { language: 'yaml', pattern: composeFilePattern }];

export function toCompletionItem(snippet: Snippet): vscode.CompletionItem {
  const [prefix] = snippet.prefixes;
  const item = new vscode.CompletionItem({ label: prefix, description: snippet.name }, vscode.CompletionItemKind.Snippet);
  item.insertText = new vscode.SnippetString(snippet.body);
  item.detail = snippet.description || snippet.name;
  item.filterText = snippet.prefixes.join(' ');
  item.sortText = `~${prefix}`;
  item.documentation = snippetDocumentation(snippet);
  return item;
}

/**
 * The details pane of a completion: the note's words on the snippet, its expanded body and a
 * link to the note. The description is the item's `detail`, shown just above: not repeated here.
 */
export function snippetDocumentation(snippet: Snippet, noteExcerptMarkdown?: string): vscode.MarkdownString {
  const markdown = new vscode.MarkdownString(undefined, true);
  if (noteExcerptMarkdown) {
    markdown.appendMarkdown(`${quotedMarkdown(noteExcerptMarkdown)}\n\n`);
  }
  markdown.appendCodeblock(expandSnippetBody(snippet.body), snippet.languages[0]);
  if (snippet.note) {
    const args = encodeURIComponent(JSON.stringify([snippet.note.noteId, snippet.note.sectionId]));
    markdown.appendMarkdown(`\n[${vscode.l10n.t('Open note')}](command:${commands.openNote}?${args})`);
    markdown.isTrusted = { enabledCommands: [commands.openNote] };
  }
  return markdown;
}

/** "Insert Snippet...": the current language's snippets first, then all others. */
export async function pickAndInsertSnippet(library: SnippetLibrary, insert: (snippet: Snippet) => Thenable<boolean>, languageId?: string): Promise<boolean> {
  const snippets = await library.all();
  if (snippets.length === 0) {
    void showInformation(vscode.l10n.t('No snippets are available.'));
    return false;
  }
  type Item = vscode.QuickPickItem & { snippet?: Snippet };
  const forLanguage = snippets.filter((snippet) => languageId && snippet.languages.includes(languageId));
  const others = snippets.filter((snippet) => !forLanguage.includes(snippet));
  const toItem = (snippet: Snippet): Item => ({ label: snippet.name, description: `${snippet.languages.join(', ')} · ${snippet.prefixes.join(', ')}`, detail: snippet.description, snippet });
  const items: Item[] = [];
  if (forLanguage.length > 0) {
    items.push({ label: languageId ?? '', kind: vscode.QuickPickItemKind.Separator }, ...forLanguage.map(toItem));
  }
  // The others grouped by the topic of the note that explains them.
  const byTopic = new Map<string, Snippet[]>();
  for (const snippet of others) {
    const topic = snippet.note?.noteId ?? snippet.languages[0];
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), snippet]);
  }
  for (const [topic, group] of byTopic) {
    items.push({ label: topic, kind: vscode.QuickPickItemKind.Separator }, ...group.map(toItem));
  }
  const picked = await vscode.window.showQuickPick(items, { placeHolder: vscode.l10n.t('Pick a snippet to insert'), matchOnDescription: true, matchOnDetail: true });
  return picked?.snippet ? insert(picked.snippet) : false;
}

/** Snippet completions in the languages they are written for, and "Insert Snippet...". */
export function registerSnippets({ library, snippets, editors }: ExtensionServices): vscode.Disposable {
  const sectionExcerpt = async (noteId: string, sectionId: string | undefined) => {
    const note = (await library.note(noteId))?.note;
    const markdown = note && sectionId ? answerMarkdown(note, sectionId)?.markdown : undefined;
    return markdown && markdownExcerpt(markdown, 280);
  };
  return vscode.Disposable.from(
    vscode.languages.registerCompletionItemProvider(completionSelector, new SnippetCompletionProvider(snippets, sectionExcerpt)),
    vscode.commands.registerCommand(commands.insertSnippet, async () => {
      const editor = editors.editor;
      // With no editor open, the snippet goes into a new file of its language rather than nowhere.
      const inserted = await pickAndInsertSnippet(
        snippets,
        (snippet) => (editors.editor ? editors.insertSnippet(new vscode.SnippetString(snippet.body)) : insertIntoNewFile(snippet)),
        editor ? snippetLanguageOf(editor.document) : undefined,
      );
      if (inserted) {
        // The walkthrough's step is done when a snippet was inserted, not when the command ran.
        void vscode.commands.executeCommand('setContext', 'interviewNotes.snippetInserted', true);
      }
      return inserted;
    }),
  );
}

/** The editor language of a snippet's first language: the snippet-only ones are YAML files. */
const editorLanguages: Readonly<Record<string, string>> = { kubernetes: 'yaml', dockercompose: 'yaml' };

async function insertIntoNewFile(snippet: Snippet): Promise<boolean> {
  const wanted = editorLanguages[snippet.languages[0]] ?? snippet.languages[0];
  const language = (await vscode.languages.getLanguages()).includes(wanted) ? wanted : 'plaintext';
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ language }));
  return editor.insertSnippet(new vscode.SnippetString(snippet.body));
}
