/** Debian's chromium as both suites launch it (test/e2e/README.md, "The browser", says why these flags). */
import { chromium, type BrowserContext } from 'playwright-core';

const EXECUTABLE = process.env.REWST_E2E_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** A headless chromium with a profile of its own in `profileDir`. */
export function launchChromium(profileDir: string, viewport = { width: 1600, height: 1000 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { executablePath: EXECUTABLE, headless: true, viewport, args: ARGS });
}
