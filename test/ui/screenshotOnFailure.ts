import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { uiTestEnvironment } from './environment';

/** Keeps a picture of the workbench when a UI test fails, in test-results/screenshots/. */
export async function screenshotIfFailed(context: Mocha.Context, page: Page | undefined): Promise<void> {
  if (!page || context.currentTest?.state !== 'failed') {
    return;
  }
  const folder = join(uiTestEnvironment.repoRoot, 'test-results', 'screenshots');
  mkdirSync(folder, { recursive: true });
  const name = (context.currentTest.fullTitle() ?? 'test').replace(/[^a-z0-9]+/gi, '-').slice(0, 80);
  await page.screenshot({ path: join(folder, `failed-${name}.png`) }).catch(() => undefined);
}
