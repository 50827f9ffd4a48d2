import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { cleanConsoleText, launchChromium, workbenchUrl } from './browser';
import { startCodeServer } from './codeServer';
import { resultsFileName, type SuiteResults } from './results';

export interface ExtensionTestOptions {
  readonly kind: 'node' | 'web';
  /** More extensions to load beside the one under test (the benchmark's empty baseline). */
  readonly otherExtensionPaths?: readonly string[];
  /** The file in the workspace the suite writes its results to. */
  readonly resultsFile?: string;
  readonly codeServerEntry: string;
  readonly extensionPath: string;
  /** The bundled suite: a module exporting `run()`. */
  readonly testsBundle: string;
  /** Copied to a fresh folder, which the workbench opens. */
  readonly fixtureWorkspace: string;
  readonly timeoutMs: number;
  readonly log: (line: string) => void;
  /** Workspace trust on, the fixture opened untrusted (Restricted Mode). */
  readonly workspaceTrust?: boolean;
  /** Adds what is not committed to the workspace copy (large or special files). */
  readonly prepareWorkspace?: (folder: string) => void;
}

export interface ExtensionTestRun extends SuiteResults {
  readonly exitCode: number;
  readonly error?: string;
}

export interface ExtensionHostRun {
  readonly exitCode: number;
  readonly error?: string;
  /** What the suite wrote to its results file, parsed; undefined when it wrote none. */
  readonly results?: unknown;
}

/** Runs the suite and reads the mocha counts it reports. */
export async function runExtensionTests(options: ExtensionTestOptions): Promise<ExtensionTestRun> {
  const run = await runInExtensionHost(options);
  const counts = (run.results as SuiteResults | undefined) ?? { passed: 0, failed: 0, skipped: 0, failures: [] };
  if (!run.results && !run.error) {
    return { ...counts, exitCode: run.exitCode || 1, error: 'the suite wrote no results (did the extension host start?)' };
  }
  return { ...counts, exitCode: run.error ? 1 : run.exitCode, error: run.error };
}

/**
 * Runs a mocha suite inside a real VS Code extension host: code-server serves the
 * workbench, headless Chromium is the window, and VS Code's `payload` parameter loads the
 * extension and its tests. The workbench calls `codeAutomationExit` when `run()` settles.
 */
export async function runInExtensionHost(options: ExtensionTestOptions): Promise<ExtensionHostRun> {
  const base = mkdtempSync(join(tmpdir(), `interview-notes-${options.kind}-`));
  const workspace = join(base, 'workspace');
  cpSync(options.fixtureWorkspace, workspace, { recursive: true });
  options.prepareWorkspace?.(workspace);
  const { extensionPath, testsBundle } = options.kind === 'web' ? webOnlyExtension(options, join(base, 'web-extension')) : options;
  const server = await startCodeServer({
    entry: options.codeServerEntry,
    userDataDir: join(base, 'user-data'),
    extensionsDir: join(base, 'extensions'),
    workspaceTrust: options.workspaceTrust,
    onOutput: (line) => {
      if (/error/i.test(line) && !/ExtensionGalleryService|marketplace|getaddrinfo|ENOTFOUND/i.test(line)) {
        options.log(`[code-server] ${line}`);
      }
    },
  });
  const browser = await launchChromium();
  let timer: NodeJS.Timeout | undefined;
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const exited = new Promise<number>((resolve) => {
      void page.exposeFunction('codeAutomationExit', (code: unknown) => resolve(typeof code === 'number' ? code : 1));
      timer = setTimeout(() => resolve(-1), options.timeoutMs);
    });
    page.on('console', (message) => {
      const text = cleanConsoleText(message.text());
      if (/^\s*ERR\b/.test(text) && !/ENOTFOUND|getaddrinfo|open-vsx|marketplace/i.test(text)) {
        options.log(`[extension host] ${text.slice(0, 600)}`);
      }
      if (text.includes('[suite] ')) {
        options.log(text.slice(text.indexOf('[suite] ') + '[suite] '.length).replace(/\n\s*at .*(?:extensionHostProcess|workbench)\.js.*/g, ''));
      }
    });
    page.on('pageerror', (error) => options.log(`[page error] ${error.message}`));
    await page.goto(
      workbenchUrl({
        serverUrl: server.url,
        folder: workspace,
        extensionDevelopmentPaths: [extensionPath, ...(options.otherExtensionPaths ?? [])],
        extensionTestsPath: testsBundle,
        extensionKind: options.kind,
      }),
    );
    const exitCode = await exited;
    const resultsPath = join(workspace, options.resultsFile ?? resultsFileName);
    const results = existsSync(resultsPath) ? (JSON.parse(readFileSync(resultsPath, 'utf8')) as unknown) : undefined;
    if (exitCode === -1) {
      return { exitCode: 1, results, error: `timed out after ${options.timeoutMs / 1000} s` };
    }
    return { exitCode, results };
  } finally {
    clearTimeout(timer);
    await browser.close();
    await server.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

/**
 * The extension as a web-only extension: the same files, with a manifest that has no
 * `main`. code-server runs an extension under development that has a Node entry in the
 * Node host whatever the payload asks, so this is how the `browser` bundle gets tested.
 * The suite is placed inside it, since VS Code runs tests in the host of the extension
 * that contains them.
 */
function webOnlyExtension(options: ExtensionTestOptions, folder: string): { extensionPath: string; testsBundle: string } {
  mkdirSync(folder, { recursive: true });
  for (const entry of readdirSync(options.extensionPath)) {
    if (entry !== 'package.json' && entry !== 'out' && entry !== '.git') {
      symlinkSync(join(options.extensionPath, entry), join(folder, entry));
    }
  }
  const manifest = JSON.parse(readFileSync(join(options.extensionPath, 'package.json'), 'utf8')) as Record<string, unknown>;
  delete manifest.main;
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  const testsBundle = join(folder, 'out', basename(options.testsBundle));
  mkdirSync(join(folder, 'out'), { recursive: true });
  cpSync(options.testsBundle, testsBundle);
  return { extensionPath: folder, testsBundle };
}
