// Resolved by scripts/build.mjs: dist/node/heavy.js in the Node build, inlined in the web build.
declare module 'interview-notes-heavy' {
  const heavy: typeof import('./heavyModules');
  export = heavy;
}
