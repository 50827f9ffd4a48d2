// Resolved by scripts/build.mjs: dist/node/textEngine.js in the Node build, inlined in the web build.
declare module 'interview-notes-text-engine' {
  const engine: typeof import('./textEngineParts');
  export = engine;
}
