/* eslint-disable @typescript-eslint/no-require-imports */
// The one lazy boundary. markdown-it, the highlighter and the search index are most of the
// extension's code and are needed only once a note is read or searched, so they load then.
// esbuild splits code only for ESM output and the Node host loads CommonJS, so the Node build
// writes them to a second bundle (dist/node/textEngine.js) that this require()s; the web build
// inlines them, and esbuild evaluates an inlined module only when it is first required.
// scripts/build.mjs resolves the module id below to one or the other.

export type TextEngine = typeof import('./textEngineParts');

let engine: TextEngine | undefined;

export function textEngine(): TextEngine {
  engine ??= require('interview-notes-text-engine') as TextEngine;
  return engine;
}
