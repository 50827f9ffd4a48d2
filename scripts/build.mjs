// Bundles the extension (Node and web entries), the reader's and practice view's webview scripts, and with
// --tests the unit, integration and UI test bundles. --production minifies; --watch rebuilds.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { repoRoot } from './lib/setup.mjs';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const withTests = args.has('--tests') || watch;

const common = {
  absWorkingDir: repoRoot,
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'warning',
  target: 'es2022',
  legalComments: 'none',
};

function testFiles(folder) {
  return readdirSync(join(repoRoot, folder))
    .filter((name) => name.endsWith('.test.ts'))
    .sort()
    .map((name) => join(repoRoot, folder, name));
}

/** `integration-test-files`: a module that requires each integration test when called. */
const integrationTestFiles = {
  name: 'integration-test-files',
  setup(build) {
    build.onResolve({ filter: /^integration-test-files$/ }, () => ({ path: 'integration-test-files', namespace: 'virtual' }));
    build.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({
      contents: `export function loadTests() {\n${testFiles('test/integration')
        .map((file) => `  require(${JSON.stringify('./' + relative(repoRoot, file).replace(/\\/g, '/'))});`)
        .join('\n')}\n}\n`,
      resolveDir: repoRoot,
      loader: 'js',
    }));
  },
};

/**
 * Mocha's browser build is a UMD file inside a `"type": "module"` package, so esbuild
 * treats it as ESM and its `module.exports = ...` would replace the suite's own exports.
 * Giving it a `module` of its own keeps it to defining the global `mocha`.
 */
const mochaBrowserBuild = {
  name: 'mocha-browser-build',
  setup(build) {
    build.onLoad({ filter: /[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `const module = { exports: {} };\nconst exports = module.exports;\n${await readFile(args.path, 'utf8')}\nexport default module.exports;\n`,
      loader: 'js',
    }));
  },
};

// The first and last statements of each extension bundle, so activation can be timed from
// the moment VS Code starts loading the extension's code, dependencies included.
const loadTimer = { js: 'var __extensionLoadStart = performance.now();' };
const loadEndTimer = { js: 'var __extensionLoadEnd = performance.now();' };

/** `interview-notes-heavy`: a file of its own beside the Node bundle, inlined in the web bundle. */
const heavyModules = (platform) => ({
  name: 'interview-notes-heavy',
  setup(build) {
    build.onResolve({ filter: /^interview-notes-heavy$/ }, () =>
      platform === 'node' ? { path: './heavy.js', external: true } : { path: join(repoRoot, 'src', 'host', 'heavyModules.ts') },
    );
  },
});

/**
 * esbuild turns `import * as vscode from 'vscode'` into a copy of the whole API object
 * (`__toESM`: a getter for each of its hundreds of names), 1.5 to 2 ms at activation. A
 * TypeScript `import vscode = require('vscode')` becomes a plain call instead, but tsc
 * refuses that form in ES modules, so the source keeps the namespace import and the build
 * rewrites that one line (line for line: source maps stay right). Every module then shares
 * one bundled `module.exports = require('vscode')`, so VS Code's module loader, which
 * looks up the calling extension on each `require`, runs once.
 */
const vscodeRequiredOnce = {
  name: 'vscode-required-once',
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, async (args) => ({
      contents: (await readFile(args.path, 'utf8')).replace(/^import \* as vscode from 'vscode';$/m, "import vscode = require('vscode');"),
      loader: 'ts',
    }));
    build.onResolve({ filter: /^vscode$/ }, (args) =>
      args.namespace === 'vscode-once' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'vscode-once' },
    );
    build.onLoad({ filter: /.*/, namespace: 'vscode-once' }, () => ({ contents: "module.exports = require('vscode');\n", loader: 'js' }));
  },
};

const builds = [
  { ...common, banner: loadTimer, footer: loadEndTimer, entryPoints: ['src/host/extension.ts'], outfile: 'dist/node/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], mainFields: ['module', 'main'], plugins: [heavyModules('node'), vscodeRequiredOnce] },
  { ...common, entryPoints: ['src/host/heavyModules.ts'], outfile: 'dist/node/heavy.js', platform: 'node', format: 'cjs', external: ['vscode'], mainFields: ['module', 'main'], plugins: [heavyModules('node'), vscodeRequiredOnce] },
  { ...common, banner: loadTimer, footer: loadEndTimer, entryPoints: ['src/host/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'], plugins: [heavyModules('web'), vscodeRequiredOnce] },
  { ...common, entryPoints: ['src/webview/reader.ts'], outfile: 'dist/webview/reader.js', platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['src/webview/practice.ts'], outfile: 'dist/webview/practice.js', platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['src/webview/policyWatch.ts'], outfile: 'dist/webview/policyWatch.js', platform: 'browser', format: 'iife' },
];

if (withTests) {
  const nodeTest = { ...common, minify: false, sourcemap: 'inline', platform: 'node', format: 'cjs', packages: 'external' };
  builds.push(
    { ...nodeTest, entryPoints: testFiles('test/unit'), outdir: 'out/unit' },
    { ...nodeTest, entryPoints: testFiles('test/ui'), outdir: 'out/ui' },
    { ...nodeTest, entryPoints: ['test/harness/runExtensionTests.ts', 'test/harness/workbench.ts', 'test/harness/hostileWorkspace.ts'], outdir: 'out/harness' },
    { ...nodeTest, entryPoints: ['bench/searchBench.ts', 'bench/renderBench.ts', 'bench/search/corpus.ts'], outbase: 'bench', outdir: 'out/bench' },
    // The in-host suites bundle the extension's own code, like the integration suite.
    ...['activationSuite', 'scaleSuite'].map((suite) => ({
      ...common, minify: false, sourcemap: false, platform: 'node', format: 'cjs', entryPoints: [`bench/${suite}.ts`], outfile: `out/bench/${suite}.js`,
      external: ['vscode'], mainFields: ['module', 'main'], plugins: [heavyModules('web')],
    })),
    {
      ...common, minify: false, sourcemap: 'inline', platform: 'node', format: 'cjs',
      entryPoints: ['test/integration/runNode.ts'], outfile: 'out/integration/node.js', mainFields: ['module', 'main'],
      external: ['vscode', 'mocha'], plugins: [integrationTestFiles, heavyModules('web')],
    },
    {
      ...common, minify: false, sourcemap: 'inline', platform: 'browser', format: 'cjs',
      entryPoints: ['test/integration/runWeb.ts'], outfile: 'out/integration/web.js',
      external: ['vscode'], plugins: [integrationTestFiles, mochaBrowserBuild, heavyModules('web')], mainFields: ['browser', 'module', 'main'],
      define: { 'process.env.NODE_ENV': '"test"' },
    },
  );
}

if (watch) {
  for (const options of builds) {
    const context = await esbuild.context(options);
    await context.watch();
  }
  console.log('[build] watching for changes');
} else {
  if (production) {
    rmSync(join(repoRoot, 'dist'), { recursive: true, force: true }); // no stale source maps in the package
  }
  const started = Date.now();
  await Promise.all(builds.map((options) => esbuild.build(options)));
  console.log(`[build] ${builds.length} bundles in ${Date.now() - started} ms${production ? ' (production)' : ''}`);
}
