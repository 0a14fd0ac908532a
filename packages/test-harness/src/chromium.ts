import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium } from 'playwright-core';
import { requireCommand } from './requireCommand';

/**
 * Launches Debian's Chromium headless through playwright-core, with a fresh
 * profile and no background networking (the machine's network is closed, see
 * DESIGN.md). Call `close()` to end it and remove the profile.
 */
export async function launchChromium(
  options: {
    /** e.g. Safari's, to be a Mac at the portal. */
    userAgent?: string;
    /** The browser's language, e.g. `fr-FR`: its Accept-Language. */
    locale?: string;
  } = {},
): Promise<{
  context: BrowserContext;
  close(): Promise<void>;
}> {
  const executablePath = requireCommand('chromium', 'chromium');
  const userDataDir = mkdtempSync(join(tmpdir(), 'harness-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    userAgent: options.userAgent,
    locale: options.locale,
    acceptDownloads: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
