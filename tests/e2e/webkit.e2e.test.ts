// The village head's offline loop in WebKit (Debian's WPE build, headless, WebDriver classic):
// the same story as in Firefox (tests/e2e/engines/offlineStory.ts), over HTTPS from the test's
// own proxy, which also cuts the network (WebDriver has no offline switch). WPE lacks what the
// app can do without: CompressionStream (the push goes uncompressed and is accepted),
// navigator.storage (persistence unknown, no warning claimed), Background Sync (the phone sends
// when it opens). Over plain http WebKit drops the Secure session cookie, and the app says so.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { vi as catalogue } from '../../src/app/i18n/vi.ts';
import { GZIP_REQUEST_THRESHOLD_BYTES } from '../../src/sync/api.ts';
import { startApiGate, type ApiGate } from '../support/api-gate.ts';
import { selfSignedCertificate } from '../support/certificate.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { offlineStory, signIn, type StoryRig } from './engines/offlineStory.ts';
import { button, withAttribute } from './engines/phone.ts';
import { launchWebKit, type RunningWebKit } from './engines/webkit.ts';
import { webdriverPhone } from './engines/webdriverPhone.ts';

const SHOTS = 'tests/e2e/screenshots';
let server: RunningServer;
let gate: ApiGate;
let webkit: RunningWebKit;
let rig: StoryRig;
/** The pushes that reached the server: how they were encoded and how many bytes. */
const pushes: { encoding: string | undefined; bytes: number }[] = [];

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // Behind the test's TLS proxy as behind the deployment's nginx: WPE sends Origin, not Sec-Fetch-Site.
  server = await startServer({ env: { TRUST_PROXY: '1' } });
  gate = await startApiGate(server.url, {
    tls: selfSignedCertificate(mkdtempSync(join(tmpdir(), 'so-tay-webkit-'))),
    cut: 'all',
    reverseProxy: true,
    onRequest: (incoming) => {
      if (incoming.url !== '/api/v1/sync/push') return;
      const push = { encoding: incoming.headers['content-encoding'], bytes: 0 };
      pushes.push(push);
      incoming.on('data', (chunk: Buffer) => (push.bytes += chunk.length));
    },
  });
  webkit = await launchWebKit();
  rig = { phone: webdriverPhone('webkit', webkit.driver, gate, SHOTS), url: gate.url, dataDir: server.dataDir, reconnect: 'reopen' };
});

afterAll(async () => {
  await webkit?.stop();
  await gate?.stop();
  await server?.stop();
});

describe('a village head offline, in WebKit (WPE)', () => {
  it('is WebKit, without CompressionStream, navigator.storage or Background Sync', async () => {
    await rig.phone.goto(gate.url);
    const features = await rig.phone.evaluate(
      () => ({ agent: navigator.userAgent, compression: 'CompressionStream' in window, storage: 'storage' in navigator, sync: 'SyncManager' in window }),
      undefined,
    );
    expect(features).toMatchObject({ agent: expect.stringContaining('AppleWebKit/'), compression: false, storage: false, sync: false });
  });

  offlineStory(() => rig);

  it('sent its pushes uncompressed, the large ones too, and the server took them', () => {
    expect(pushes.length).toBeGreaterThan(0);
    expect(pushes.map((push) => push.encoding)).toEqual(pushes.map(() => undefined));
    expect(Math.max(...pushes.map((push) => push.bytes))).toBeGreaterThanOrEqual(GZIP_REQUEST_THRESHOLD_BYTES);
  });

  it('knows nothing of the storage persistence, and claims nothing', async () => {
    expect(await rig.phone.attribute(withAttribute('data-persistence'), 'data-persistence')).toBe('unknown');
    expect(await rig.phone.text('//div[contains(@class, "sync-banner")]')).not.toContain(catalogue.syncBanner.storageBestEffort);
  });

  it('over plain http, where WebKit drops the Secure session cookie, says the site must be HTTPS', async () => {
    const phone = rig.phone;
    await signIn(phone, server.url, 'tdp2');
    await phone.waitFor(`//p[@role="alert" and normalize-space(.)="${catalogue.signIn.sessionNotKept}"]`);
    await phone.screenshot('session-not-kept');
    expect(await phone.count(button(catalogue.signIn.signOut))).toBe(0);
  });
});
