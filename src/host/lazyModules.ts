/* eslint-disable @typescript-eslint/no-require-imports */
// The heavy parts of the core (markdown-it, YAML, the search index, the JSONC
// parser) are loaded on first use, not when VS Code loads the extension. The Node build
// keeps them in a second file (dist/node/heavy.js); the web build inlines them, and esbuild
// evaluates a require()d module only when it is first asked for. Either way activation
// stays a few milliseconds.

type HeavyModules = typeof import('./heavyModules');

let heavy: HeavyModules | undefined;

function heavyModules(): HeavyModules {
  heavy ??= require('interview-notes-heavy') as HeavyModules;
  return heavy;
}

export const noteParserModule = () => heavyModules().noteParser;
export const noteRendererModule = () => heavyModules().noteRenderer;
export const searchIndexModule = () => heavyModules().searchIndex;
export const snippetParserModule = () => heavyModules().snippetParser;
export const practiceSchedulerModule = () => heavyModules().practiceScheduler;
export const practiceModule = () => heavyModules().practice;
export const userNotesModule = () => heavyModules().userNotes;
export const codingAidsModule = () => heavyModules().codingAids;
export const searchPickerModule = () => heavyModules().searchPicker;
export const readerModule = () => heavyModules().reader;
