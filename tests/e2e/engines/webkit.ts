// WebKit for the user stories: Debian's WPE build (cog, headless, no display) under its own
// WebDriver (classic), started here on a free port and driven by selenium-webdriver. Installed
// here when missing (as root), or a clear stop. WebKit keeps no `Secure` cookie over plain http,
// so its pages come over HTTPS from the test's own proxy (a self-signed certificate, accepted).
import { execSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { freePort } from '../../support/ports.ts';

const DRIVER = '/usr/bin/WPEWebDriver';
const COG = '/usr/bin/cog';
const INSTALL = 'apt-get update && apt-get install -y wpewebkit-driver cog';

export function ensureWebKit(): void {
  if (existsSync(DRIVER) && existsSync(COG)) return;
  if (process.getuid?.() !== 0) throw new Error(`WPE WebKit's driver is not installed. Run: sudo sh -c '${INSTALL}'`);
  console.log(`WPE WebKit is missing: running "${INSTALL}"`);
  execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(DRIVER) || !existsSync(COG)) throw new Error(`"${INSTALL}" did not install ${DRIVER} and ${COG}`);
}

export interface RunningWebKit {
  driver: WebDriver;
  stop(): Promise<void>;
}

export async function launchWebKit(): Promise<RunningWebKit> {
  ensureWebKit();
  const port = await freePort();
  const child: ChildProcess = spawn(DRIVER, [`--port=${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk) => (log += String(chunk)));
  child.stderr?.on('data', (chunk) => (log += String(chunk)));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (
    !(await fetch(`${url}/status`).then(
      (r) => r.ok,
      () => false,
    ))
  ) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`WPEWebDriver did not start:\n${log}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const capabilities = {
    browserName: 'cog',
    acceptInsecureCerts: true,
    'wpe:browserOptions': { binary: COG, args: ['--automation', '--platform=headless', '--ignore-tls-errors'] },
  };
  const driver = await new Builder().usingServer(url).withCapabilities(capabilities).build();
  return {
    driver,
    stop: async () => {
      await driver.quit().catch(() => undefined);
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}
