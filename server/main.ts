// Starts the server from the environment: PORT, HOST, DATA_DIR, STATIC_DIR, and DATABASE_URL
// (a postgres:// address) to use PostgreSQL instead of the SQLite file in DATA_DIR;
// TRUST_PROXY=1 behind the reverse proxy (client address and TLS from X-Forwarded-*);
// API_RATE_LIMIT: API requests per minute per address (1200).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { demoSeed, demoSignIns } from './store/demo.ts';
import { openStoreAt, storeLocation } from './store/open.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const location = storeLocation(process.env);
const staticDir = process.env.STATIC_DIR ?? './dist';
const hasBuild = existsSync(join(staticDir, 'index.html'));
const trustProxy = process.env.TRUST_PROXY === '1';
const requestsPerMinute = Number(process.env.API_RATE_LIMIT ?? 1200);
/**
 * CLOCK_START (ISO time): the server's clock starts there and runs on. Only for browser suites
 * whose phones run on a fixed clock: the phone corrects its clock by the server's (Date header).
 */
const clockStart = process.env.CLOCK_START ? Date.parse(process.env.CLOCK_START) : undefined;
if (clockStart !== undefined && Number.isNaN(clockStart)) throw new Error(`CLOCK_START is not a time: ${process.env.CLOCK_START}`);
const startedAt = Date.now();
const clock = clockStart === undefined ? () => new Date() : () => new Date(clockStart + (Date.now() - startedAt));

const store = openStoreAt(location, { server: true });
console.log(location.databaseUrl ? 'Cơ sở dữ liệu: PostgreSQL (DATABASE_URL).' : `Cơ sở dữ liệu: SQLite trong ${location.dataDir}.`);
const applied = await store.migrate();
if (applied.length > 0) console.log(`Đã cập nhật cơ sở dữ liệu: ${applied.join(', ')}`);
// The demo goes only into an empty database: one where the operator (npm run admin) created a
// province or a commune gets none.
const isEmpty = async () => !(await store.hasAnyCommune()) && !(await store.hasAnyProvince());
if (await isEmpty()) {
  try {
    const seed = await demoSeed();
    for (const commune of seed.communes) await store.seedCommune(commune);
    await store.seedProvince(seed.province);
    console.log('Đã tạo dữ liệu mẫu: Phường Nam Gia Nghĩa, Phường Bắc Gia Nghĩa và tài khoản của tỉnh Lâm Đồng.');
  } catch (error) {
    // Another process sharing the database seeded it at the same moment.
    if (await isEmpty()) throw error;
  }
}

// The demo's accounts are listed only where they all are (not where the operator set up communes).
const hasDemo = (await Promise.all(demoSignIns.map((account) => store.sessions.findUserForSignIn(account.username)))).every(Boolean);

const app = createApp({
  store,
  clock,
  settings: {
    ...(hasBuild ? { staticDir } : {}),
    trustProxy,
    rateLimit: { requests: requestsPerMinute, windowMs: 60_000 },
  },
});
const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  console.log(`Mở ứng dụng: http://localhost:${port}`);
  if (!hasBuild) console.log(`Chưa có bản dựng ứng dụng trong ${staticDir} (chạy "npm run build"); chỉ phục vụ API.`);
  if (!hasDemo) return;
  console.log('Tài khoản mẫu (tên đăng nhập / mã PIN):');
  for (const account of demoSignIns) console.log(`  ${account.username} / ${account.pin}  — ${account.displayName}`);
});

let closing = false;
function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  console.log(`Nhận ${signal}, đang dừng máy chủ…`);
  server.close(() => {
    void store.close().then(() => process.exit(0));
  });
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
