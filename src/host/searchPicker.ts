import * as vscode from 'vscode';
import type { SearchHit } from '../core/search/searchIndex';
import type { Snippet } from '../core/snippets/snippet';
import { filterSuggestions, parseQuery, withoutUnfinishedFilter, type FilterSuggestion, type FilterValues } from '../core/search/query';
import { plainLabel } from '../core/text/inlineMarkdown';
import { plainUiText } from '../core/text/untrustedText';
import type { NoteLibrary } from './noteLibrary';
import type { Reader } from './reader';
import type { SnippetLibrary } from './snippetLibrary';
import { commands } from './commandIds';
import type { ExtensionServices } from './services';
import { preferredNoteLanguage } from './noteLanguage';

/** A result (a hit or a snippet), or a row that puts `query` in the box: a recent search, a filter, a hint. */
type PickerItem = vscode.QuickPickItem & { readonly hit?: SearchHit; readonly snippet?: Snippet; readonly query?: string };

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
  let filterValues: Promise<FilterValues> | undefined;
  /** The value the rows on screen were made for: typing runs ahead of them. */
  let itemsFor: string | undefined;
  const update = async (value: string) => {
    filterValues ??= topicsAndTags(library);
    const suggestions = filterSuggestions(value, await filterValues);
    // While a filter is being typed (`#ca`), its suggestions come first and the rest of the query is searched.
    const query = parseQuery(suggestions.length > 0 ? withoutUnfinishedFilter(value) : value);
    const filters = [...query.tags.map((tag) => `#${tag}`), ...query.topics.map((topic) => `topic:${topic}`)];
    picker.title = filters.length > 0 ? vscode.l10n.t('Search Notes, filtered by {0}', filters.join(' ')) : includeSnippets ? vscode.l10n.t('Search Notes and Snippets') : vscode.l10n.t('Search Notes');
    const recent = state.get<string[]>(recentSearchesKey, []);
    if (!value.trim()) {
      if (picker.value === value) {
        picker.items = [...recentItems(recent), ...hintItems()];
        itemsFor = value;
        picker.busy = false;
      }
      return;
    }
    const index = await indexPromise;
    const snippetItems = includeSnippets ? matchSnippets(await snippets.all(), query.text).slice(0, 20).map(toSnippetItem) : [];
    if (picker.value === value) {
      const searched = query.text || query.tags.length > 0 || query.topics.length > 0;
      const noteItems = searched ? toSearchItems(index.search(query, 50, preferredNoteLanguage())) : [];
      const results: PickerItem[] = snippetItems.length > 0 ? [...noteItems, { label: vscode.l10n.t('Snippets'), kind: vscode.QuickPickItemKind.Separator }, ...snippetItems] : noteItems;
      if (suggestions.length > 0) {
        picker.items = [...suggestions.map(toSuggestionItem), ...(results.length > 0 ? [{ label: '', kind: vscode.QuickPickItemKind.Separator }, ...results] : [])];
      } else {
        // Nothing found: say so, and what to try instead of an empty list.
        picker.items = results.length > 0 ? results : [noResultItem(value), ...recentItems(recent.filter((search) => search !== value.trim())), ...hintItems()];
      }
      itemsFor = value;
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
          if (!item.hit && !item.snippet) {
            // A hint still on screen from before the last keystroke must not replace what was typed.
            if (item.query !== undefined && itemsFor === picker.value) {
              picker.value = item.query; // a recent search, a filter or a hint: into the box
              void update(item.query);
            }
            return; // "no results": nothing to open
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
    ...recent.map((query) => ({ label: plainUiText(query), iconPath: new vscode.ThemeIcon('history'), alwaysShow: true, query })),
  ];
}

/** What the box understands besides words: picking one puts it in the box, and its values are suggested. */
function hintItems(): PickerItem[] {
  return [
    { label: vscode.l10n.t('Try'), kind: vscode.QuickPickItemKind.Separator },
    { label: '#', description: vscode.l10n.t('Filter by tag, for example {0}', '#cache'), iconPath: new vscode.ThemeIcon('tag'), alwaysShow: true, query: '#' },
    { label: 'topic:', description: vscode.l10n.t('Filter by topic, for example {0}', 'topic:redis'), iconPath: new vscode.ThemeIcon('filter'), alwaysShow: true, query: 'topic:' },
  ];
}

function noResultItem(value: string): PickerItem {
  return {
    label: vscode.l10n.t('No notes match "{0}"', plainUiText(value.trim(), 80)),
    detail: vscode.l10n.t('Try fewer or other words (English or 中文), a recent search, or a filter alone: #tag, topic:name.'),
    iconPath: new vscode.ThemeIcon('info'),
    alwaysShow: true,
  };
}

function toSuggestionItem(suggestion: FilterSuggestion): PickerItem {
  return {
    label: plainUiText(suggestion.filter),
    description: suggestion.kind === 'topic' && suggestion.title ? plainUiText(plainLabel(suggestion.title)) : vscode.l10n.t('Tag'),
    iconPath: new vscode.ThemeIcon(suggestion.kind === 'tag' ? 'tag' : 'filter'),
    alwaysShow: true,
    query: suggestion.query,
  };
}

/** The topics (in the display language) and the tags the filters can name. */
async function topicsAndTags(library: NoteLibrary): Promise<FilterValues> {
  const topics = await library.topics(preferredNoteLanguage());
  return {
    topics: topics.map(({ note }) => ({ id: note.id, title: note.title })).sort((a, b) => a.id.localeCompare(b.id)),
    tags: [...new Set(topics.flatMap(({ note }) => note.tags))].sort(),
  };
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
