import * as vscode from 'vscode';
import type { SearchHit } from '../core/search/searchIndex';
import type { NoteLibrary } from './noteLibrary';
import type { Reader } from './reader';

type HitItem = vscode.QuickPickItem & { readonly hit: SearchHit };

/** Turns search hits into picker rows: the heading, its topic, and the text that matched. */
export function toSearchItems(hits: readonly SearchHit[]): HitItem[] {
  return hits.map((hit) => ({
    label: hit.heading,
    description: hit.sectionId ? hit.noteTitle : vscode.l10n.t('Topic'),
    detail: hit.excerpt,
    iconPath: new vscode.ThemeIcon(hit.kind === 'question' ? 'question' : hit.kind === 'intro' ? 'book' : 'symbol-namespace'),
    // The results are already ranked by our index; the picker must not filter them again.
    alwaysShow: true,
    hit,
  }));
}

/** "Search Notes": searches as the user types and opens the reader at the chosen section. */
export async function showSearchPicker(library: NoteLibrary, reader: Reader, initialQuery = ''): Promise<SearchHit | undefined> {
  const picker = vscode.window.createQuickPick<HitItem>();
  picker.placeholder = vscode.l10n.t('Search the notes (English or 中文); #tag or topic:name to filter');
  picker.matchOnDescription = false;
  picker.matchOnDetail = false;
  picker.busy = true;
  const indexPromise = library.searchIndex();
  const update = async (value: string) => {
    const index = await indexPromise;
    if (picker.value === value) {
      picker.items = toSearchItems(index.search(value, 50));
      picker.busy = false;
    }
  };
  const disposables = [picker.onDidChangeValue((value) => void update(value))];
  try {
    const chosen = new Promise<SearchHit | undefined>((resolve) => {
      disposables.push(
        picker.onDidAccept(() => {
          resolve(picker.selectedItems[0]?.hit);
          picker.hide();
        }),
        picker.onDidHide(() => resolve(undefined)),
      );
    });
    picker.value = initialQuery;
    picker.show();
    void update(initialQuery);
    const hit = await chosen;
    if (hit) {
      await reader.show({ noteId: hit.noteId, sectionId: hit.sectionId, language: hit.language });
    }
    return hit;
  } finally {
    disposables.forEach((disposable) => disposable.dispose());
    picker.dispose();
  }
}
