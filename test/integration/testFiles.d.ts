// A virtual module made by scripts/build.mjs: requires every test/integration/*.test.ts.
declare module 'integration-test-files' {
  export function loadTests(): void;
}

