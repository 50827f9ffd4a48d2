import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workbenchUrl } from './browser';
import { startCodeServer, type RunningCodeServer } from './codeServer';

export interface WorkbenchOptions {
  readonly codeServerEntry: string;
  /** Loaded as the extension under development; leave out to test only installed extensions. */
  readonly extensionPath?: string;
  /** `.vsix` files to install into the fresh extensions folder first. */
  readonly installExtensions?: readonly string[];
  readonly fixtureWorkspace: string;
  readonly settings?: Record<string, unknown>;
  readonly kind?: 'node' | 'web';
  /** Files to add to the workspace copy, by path relative to it. */
  readonly extraFiles?: Readonly<Record<string, string>>;
}

export interface OpenWorkbench {
  readonly page: Page;
  readonly browser: Browser;
  readonly server: RunningCodeServer;
  readonly workspace: string;
  readonly url: string;
  /** Reloads the window, as "Developer: Reload Window" does. */
  reload(): Promise<void>;
  close(): Promise<void>;
}

/** The real VS Code workbench in headless Chromium with the extension loaded, for UI tests. */
export async function openWorkbench(options: WorkbenchOptions): Promise<OpenWorkbench> {
  const base = mkdtempSync(join(tmpdir(), 'interview-notes-ui-'));
  const workspace = join(base, 'workspace');
  cpSync(options.fixtureWorkspace, workspace, { recursive: true });
  for (const [path, content] of Object.entries(options.extraFiles ?? {})) {
    mkdirSync(dirname(join(workspace, path)), { recursive: true });
    writeFileSync(join(workspace, path), content);
  }
  const server = await startCodeServer({
    entry: options.codeServerEntry,
    userDataDir: join(base, 'user-data'),
    extensionsDir: join(base, 'extensions'),
    settings: options.settings,
    installExtensions: options.installExtensions,
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const url = workbenchUrl({ serverUrl: server.url, folder: workspace, extensionDevelopmentPaths: options.extensionPath ? [options.extensionPath] : [], extensionKind: options.kind });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    browser,
    server,
    workspace,
    url,
    reload: async () => {
      // Through the command, as a person would: it lets the workbench save its state first.
      await page.keyboard.press('F1');
      // Typed before the palette has the focus, the first letters would land in a webview's text box.
      await page.locator('.quick-input-widget .quick-input-box input').waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.type('Developer: Reload Window');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Reload Window' }).first().waitFor({ timeout: 10_000 });
      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.keyboard.press('Enter')]);
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    },
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
