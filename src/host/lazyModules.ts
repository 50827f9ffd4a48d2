/* eslint-disable @typescript-eslint/no-require-imports */
// The heavy parts of the core (markdown-it, highlight.js, YAML, the search index, the JSONC
// parser) are loaded on first use, not when VS Code loads the extension: esbuild turns
// these require() calls into modules that are evaluated the first time they are asked for,
// inside the same bundle. This keeps activation to a few milliseconds.

export const noteParserModule = (): typeof import('../core/notes/noteParser') => require('../core/notes/noteParser');
export const noteRendererModule = (): typeof import('../core/render/noteRenderer') => require('../core/render/noteRenderer');
export const searchIndexModule = (): typeof import('../core/search/searchIndex') => require('../core/search/searchIndex');
export const snippetParserModule = (): typeof import('../core/snippets/snippet') => require('../core/snippets/snippet');
