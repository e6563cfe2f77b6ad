// Debian's Firefox ESR for the user stories, driven headless over WebDriver BiDi by
// playwright-core 1.64.1 (installed as playwright-core-firefox: later releases send a command
// this Firefox does not know). Installed here when missing (as root), or a clear stop.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { firefox, type Browser } from 'playwright-core-firefox';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const INSTALL = 'apt-get update && apt-get install -y firefox-esr';

export function ensureFirefox(): void {
  if (existsSync(FIREFOX_PATH)) return;
  if (process.getuid?.() !== 0) throw new Error(`Firefox is not installed at ${FIREFOX_PATH}. Run: sudo sh -c '${INSTALL}'`);
  console.log(`Firefox is missing: running "${INSTALL}"`);
  execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(FIREFOX_PATH)) throw new Error(`"${INSTALL}" did not install ${FIREFOX_PATH}`);
}

export async function launchFirefox(): Promise<Browser> {
  ensureFirefox();
  return firefox.launch({
    channel: 'moz-firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    // Launching takes up to 30 s on a busy machine.
    timeout: 90_000,
    // Headless Firefox has no UI for the storage prompt: navigator.storage.persist() would never answer.
    firefoxUserPrefs: { 'dom.storageManager.prompt.testing': true, 'dom.storageManager.prompt.testing.allow': true },
  });
}
