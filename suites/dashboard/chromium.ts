import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Debian's chromium package; CI installs it (.ci/run), a developer with `apt-get install -y chromium`. */
export const CHROMIUM = process.env.EVERRUNS_CHROMIUM ?? '/usr/bin/chromium';

// Without these, Chromium reaches for Google's hosts (updates, sync, field trials) and waits on
// refused connections; --disable-quic keeps it off UDP altogether.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Starts headless Chromium with a fresh profile (`--user-data-dir`); fails loudly, never skips, when it is not installed. */
export async function launchChromium(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `the dashboard's browser tests need Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium" (or set EVERRUNS_CHROMIUM)`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'everruns-chromium-'));
  // Playwright passes the profile folder as --user-data-dir itself.
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: ARGS });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
