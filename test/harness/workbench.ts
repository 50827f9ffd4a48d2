import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, workbenchUrl } from './browser';
import { startCodeServer, type RunningCodeServer } from './codeServer';

export interface WorkbenchOptions {
  readonly codeServerEntry: string;
  readonly extensionPath: string;
  readonly fixtureWorkspace: string;
  readonly settings?: Record<string, unknown>;
  readonly kind?: 'node' | 'web';
}

export interface OpenWorkbench {
  readonly page: Page;
  readonly browser: Browser;
  readonly server: RunningCodeServer;
  readonly workspace: string;
  readonly url: string;
  close(): Promise<void>;
}

/** The real VS Code workbench in headless Chromium with the extension loaded, for UI tests. */
export async function openWorkbench(options: WorkbenchOptions): Promise<OpenWorkbench> {
  const base = mkdtempSync(join(tmpdir(), 'interview-notes-ui-'));
  const workspace = join(base, 'workspace');
  cpSync(options.fixtureWorkspace, workspace, { recursive: true });
  const server = await startCodeServer({
    entry: options.codeServerEntry,
    userDataDir: join(base, 'user-data'),
    extensionsDir: join(base, 'extensions'),
    settings: options.settings,
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const url = workbenchUrl({ serverUrl: server.url, folder: workspace, extensionDevelopmentPaths: [options.extensionPath], extensionKind: options.kind });
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  return {
    page,
    browser,
    server,
    workspace,
    url,
    close: async () => {
      await browser.close();
      await server.stop();
      rmSync(base, { recursive: true, force: true });
    },
  };
}
