import * as vscode from 'vscode';
import type { SearchHit } from '../core/search/searchIndex';
import type { Snippet } from '../core/snippets/snippet';
import { parseQuery } from '../core/search/query';
import { plainLabel } from '../core/text/inlineMarkdown';
import { plainUiText } from '../core/text/untrustedText';
import type { NoteLibrary } from './noteLibrary';
import type { Reader } from './reader';
import type { SnippetLibrary } from './snippetLibrary';
import { commands } from './commandIds';
import type { ExtensionServices } from './services';
import { preferredNoteLanguage } from './noteLanguage';

type PickerItem = vscode.QuickPickItem & { readonly hit?: SearchHit; readonly snippet?: Snippet; readonly recent?: string };

export const recentSearchesKey = 'interviewNotes.recentSearches';
const maxRecentSearches = 10;

export interface SearchPickerDependencies {
  readonly library: NoteLibrary;
  readonly reader: Reader;
  readonly snippets: SnippetLibrary;
  readonly state: vscode.Memento;
  readonly insertSnippet: (snippet: Snippet) => Thenable<boolean>;
}

export type SearchPickerResult = { readonly hit: SearchHit } | { readonly snippet: Snippet } | undefined;

/** Turns search hits into picker rows: the heading, its topic, and the text that matched. */
export function toSearchItems(hits: readonly SearchHit[]): PickerItem[] {
  return hits.map((hit) => ({
    // Headings are Markdown (`EXPOSE`, **bold**): shown as their words, with no icon syntax.
    label: plainUiText(plainLabel(hit.heading)),
    description: hit.sectionId ? plainUiText(plainLabel(hit.noteTitle)) : vscode.l10n.t('Topic'),
    detail: plainUiText(hit.excerpt),
    iconPath: new vscode.ThemeIcon(hit.kind === 'question' ? 'question' : hit.kind === 'intro' ? 'book' : 'symbol-namespace'),
    // The results are already ranked by our index; the picker must not filter them again.
    alwaysShow: true,
    hit,
  }));
}

/** Snippets whose name, prefixes, description or body hold every word of the query. */
export function matchSnippets(snippets: readonly Snippet[], text: string): Snippet[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return [];
  }
  return snippets.filter((snippet) => {
    const haystack = `${snippet.name} ${snippet.prefixes.join(' ')} ${snippet.description} ${snippet.body}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/**
 * "Search Notes": searches as the user types, over every note in both languages (and the
 * snippets, with the toggle), and opens the reader at the chosen section.
 */
export async function showSearchPicker(dependencies: SearchPickerDependencies, options: { query?: string; includeSnippets?: boolean } = {}): Promise<SearchPickerResult> {
  const { library, reader, snippets, state } = dependencies;
  const picker = vscode.window.createQuickPick<PickerItem>();
  picker.placeholder = vscode.l10n.t('Search the notes (English or 中文); #tag or topic:name to filter');
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  let includeSnippets = options.includeSnippets ?? false;
  const snippetToggle = (): vscode.QuickInputButton => ({
    iconPath: new vscode.ThemeIcon(includeSnippets ? 'symbol-snippet' : 'circle-slash'),
    tooltip: includeSnippets ? vscode.l10n.t('Snippets are included: click to search notes only') : vscode.l10n.t('Include snippets'),
  });
  picker.buttons = [snippetToggle()];
  picker.busy = true;
  const indexPromise = library.searchIndex();
  const update = async (value: string) => {
    const query = parseQuery(value);
    const filters = [...query.tags.map((tag) => `#${tag}`), ...query.topics.map((topic) => `topic:${topic}`)];
    picker.title = filters.length > 0 ? vscode.l10n.t('Search Notes, filtered by {0}', filters.join(' ')) : includeSnippets ? vscode.l10n.t('Search Notes and Snippets') : vscode.l10n.t('Search Notes');
    if (!value.trim()) {
      picker.items = recentItems(state.get<string[]>(recentSearchesKey, []));
      picker.busy = false;
      return;
    }
    const index = await indexPromise;
    const snippetItems = includeSnippets ? matchSnippets(await snippets.all(), query.text).slice(0, 20).map(toSnippetItem) : [];
    if (picker.value === value) {
      const noteItems = toSearchItems(index.search(query, 50, preferredNoteLanguage()));
      picker.items = snippetItems.length > 0 ? [...noteItems, { label: vscode.l10n.t('Snippets'), kind: vscode.QuickPickItemKind.Separator }, ...snippetItems] : noteItems;
      picker.busy = false;
    }
  };
  const disposables: vscode.Disposable[] = [picker.onDidChangeValue((value) => void update(value))];
  try {
    const chosen = new Promise<PickerItem | undefined>((resolve) => {
      disposables.push(
        picker.onDidAccept(() => {
          const item = picker.selectedItems[0];
          if (!item) {
            return; // Enter before any result is shown: keep the picker open
          }
          if (item.recent !== undefined) {
            picker.value = item.recent; // a recent search: run it again
            void update(item.recent);
            return;
          }
          resolve(item);
          picker.hide();
        }),
        picker.onDidTriggerButton(() => {
          includeSnippets = !includeSnippets;
          picker.buttons = [snippetToggle()];
          void update(picker.value);
        }),
        picker.onDidHide(() => resolve(undefined)),
      );
    });
    picker.value = options.query ?? '';
    picker.show();
    void update(picker.value);
    const item = await chosen;
    if (item?.hit || item?.snippet) {
      await rememberSearch(state, picker.value);
    }
    if (item?.hit) {
      await reader.show({ noteId: item.hit.noteId, sectionId: item.hit.sectionId, language: item.hit.language, highlight: item.hit.terms });
      return { hit: item.hit };
    }
    if (item?.snippet) {
      await dependencies.insertSnippet(item.snippet);
      return { snippet: item.snippet };
    }
    return undefined;
  } finally {
    disposables.forEach((disposable) => disposable.dispose());
    picker.dispose();
  }
}

function toSnippetItem(snippet: Snippet): PickerItem {
  return {
    label: snippet.name,
    description: `${snippet.languages[0]} · ${snippet.prefixes[0]}`,
    detail: snippet.description,
    iconPath: new vscode.ThemeIcon('symbol-snippet'),
    alwaysShow: true,
    snippet,
  };
}

function recentItems(recent: readonly string[]): PickerItem[] {
  if (recent.length === 0) {
    return [];
  }
  return [
    { label: vscode.l10n.t('Recent searches'), kind: vscode.QuickPickItemKind.Separator },
    ...recent.map((query) => ({ label: query, iconPath: new vscode.ThemeIcon('history'), alwaysShow: true, recent: query })),
  ];
}

async function rememberSearch(state: vscode.Memento, query: string): Promise<void> {
  const trimmed = query.trim();
  if (!trimmed) {
    return;
  }
  const recent = state.get<string[]>(recentSearchesKey, []).filter((existing) => existing !== trimmed);
  await state.update(recentSearchesKey, [trimmed, ...recent].slice(0, maxRecentSearches));
}

/** "Search Notes" and "Search Notes and Snippets" from the palette. */
export function registerSearch({ context, library, reader, snippets, editors }: ExtensionServices): vscode.Disposable {
  const dependencies: SearchPickerDependencies = {
    library,
    reader,
    snippets,
    state: context.globalState,
    insertSnippet: (snippet) => editors.insertSnippet(new vscode.SnippetString(snippet.body)),
  };
  const query = (value: unknown) => (typeof value === 'string' ? value : undefined);
  return vscode.Disposable.from(
    vscode.commands.registerCommand(commands.search, (value: unknown) => showSearchPicker(dependencies, { query: query(value) })),
    vscode.commands.registerCommand(commands.searchSnippets, (value: unknown) => showSearchPicker(dependencies, { query: query(value), includeSnippets: true })),
  );
}
