import * as vscode from 'vscode';
import type { NoteLanguage } from '../core/notes/note';
import { settings } from './settings';


/** The language bundled notes are shown in: the setting, or VS Code's display language. */
export function preferredNoteLanguage(): NoteLanguage {
  const setting = vscode.workspace.getConfiguration().get<string>(settings.language, 'auto');
  if (setting === 'en' || setting === 'zh-cn') {
    return setting;
  }
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-cn' : 'en';
}
