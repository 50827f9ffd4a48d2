// The heavy parts of the core, and the features no one needs until they use them, in one
// module that is loaded on first use (lazyModules.ts). In the Node build it is a separate
// file, so VS Code does not even parse it at activation.
export * as noteParser from '../core/notes/noteParser';
export * as noteRenderer from '../core/render/noteRenderer';
export * as searchIndex from '../core/search/searchIndex';
export * as snippetParser from '../core/snippets/snippet';
export * as practiceScheduler from '../core/practice/scheduler';
export * as practice from './practice';
export * as userNotes from './userNotes';
export * as codingAids from './codingAids';
export * as searchPicker from './searchPicker';
export * as reader from './reader';
