// Bundles the extension (Node and web entries), the reader's, practice view's and dashboard's webview scripts, and with
// --tests the unit, content, integration and UI test bundles. --production minifies; --watch rebuilds.
import * as esbuild from 'esbuild';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
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

/**
 * Removes the bundles in `outdir` of tests that are no longer in `folder` (deleted, or moved to
 * another suite), so a suite that runs every `*.test.js` of its folder does not run them too.
 */
function removeStaleTestBundles(folder, outdir) {
  const sources = new Set(testFiles(folder).map((file) => basename(file, '.ts')));
  if (!existsSync(join(repoRoot, outdir))) {
    return; // not built yet
  }
  for (const name of readdirSync(join(repoRoot, outdir))) {
    const test = /^(.*\.test)\.js(\.map)?$/.exec(name)?.[1];
    if (test && !sources.has(test)) {
      rmSync(join(repoRoot, outdir, name), { force: true });
    }
  }
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

/**
 * `interview-notes-text-engine` (src/host/textEngine.ts): markdown-it, the highlighter and the
 * search index, loaded when a note is first read or searched. The Node host loads CommonJS, for
 * which esbuild does not split code, so the Node build makes it a second file that the loader
 * require()s; the web build inlines it (evaluated on its first require all the same).
 */
const textEngine = (platform) => ({
  name: 'interview-notes-text-engine',
  setup(build) {
    build.onResolve({ filter: /^interview-notes-text-engine$/ }, () =>
      platform === 'node' ? { path: './textEngine.js', external: true } : { path: join(repoRoot, 'src', 'host', 'textEngineParts.ts') },
    );
  },
});

const builds = [
  { ...common, entryPoints: ['src/host/extension.ts'], outfile: 'dist/node/extension.js', platform: 'node', format: 'cjs', external: ['vscode'], mainFields: ['module', 'main'], plugins: [textEngine('node')] },
  { ...common, entryPoints: ['src/host/textEngineParts.ts'], outfile: 'dist/node/textEngine.js', platform: 'node', format: 'cjs', external: ['vscode'], mainFields: ['module', 'main'] },
  { ...common, entryPoints: ['src/host/extension.ts'], outfile: 'dist/web/extension.js', platform: 'browser', format: 'cjs', external: ['vscode'], mainFields: ['browser', 'module', 'main'], plugins: [textEngine('web')] },
  { ...common, entryPoints: ['src/webview/reader.ts'], outfile: 'dist/webview/reader.js', platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['src/webview/practice.ts'], outfile: 'dist/webview/practice.js', platform: 'browser', format: 'iife' },
  // The dashboard bundles uPlot and its stylesheet (written beside it as dist/webview/dashboard.css).
  { ...common, entryPoints: ['src/webview/dashboard.ts'], outfile: 'dist/webview/dashboard.js', platform: 'browser', format: 'iife' },
  { ...common, entryPoints: ['src/webview/policyWatch.ts'], outfile: 'dist/webview/policyWatch.js', platform: 'browser', format: 'iife' },
];

if (withTests) {
  const nodeTest = { ...common, minify: false, sourcemap: 'inline', platform: 'node', format: 'cjs', packages: 'external' };
  for (const suite of ['unit', 'content', 'ui']) {
    removeStaleTestBundles(`test/${suite}`, `out/${suite}`);
  }
  builds.push(
    { ...nodeTest, entryPoints: testFiles('test/unit'), outdir: 'out/unit' },
    // The content checks: the bundled notes and snippets through nginx, javac, go, docker-compose and the rest.
    { ...nodeTest, entryPoints: testFiles('test/content'), outdir: 'out/content' },
    { ...nodeTest, entryPoints: testFiles('test/ui'), outdir: 'out/ui' },
    { ...nodeTest, entryPoints: ['test/harness/runExtensionTests.ts', 'test/harness/workbench.ts', 'test/harness/hostileWorkspace.ts'], outdir: 'out/harness' },
    { ...nodeTest, entryPoints: ['bench/searchBench.ts', 'bench/renderBench.ts', 'bench/readerOpen.ts', 'bench/search/corpus.ts'], outbase: 'bench', outdir: 'out/bench' },
    // The in-host suites bundle the extension's own code, like the integration suite.
    ...['activationSuite', 'scaleSuite', 'dashboardSuite'].map((suite) => ({
      ...common, minify: false, sourcemap: false, platform: 'node', format: 'cjs', entryPoints: [`bench/${suite}.ts`], outfile: `out/bench/${suite}.js`,
      external: ['vscode'], mainFields: ['module', 'main'], plugins: [textEngine('web')],
    })),
    {
      ...common, minify: false, sourcemap: 'inline', platform: 'node', format: 'cjs',
      entryPoints: ['test/integration/runNode.ts'], outfile: 'out/integration/node.js', mainFields: ['module', 'main'],
      external: ['vscode', 'mocha'], plugins: [integrationTestFiles, textEngine('web')],
    },
    {
      ...common, minify: false, sourcemap: 'inline', platform: 'browser', format: 'cjs',
      entryPoints: ['test/integration/runWeb.ts'], outfile: 'out/integration/web.js',
      external: ['vscode'], plugins: [integrationTestFiles, mochaBrowserBuild, textEngine('web')], mainFields: ['browser', 'module', 'main'],
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
