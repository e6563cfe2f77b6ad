// Starts the server from the environment: PORT, HOST, DATA_DIR, STATIC_DIR, and DATABASE_URL
// (a postgres:// address) to use PostgreSQL instead of the SQLite file in DATA_DIR;
// TRUST_PROXY=1 behind the reverse proxy (client address and TLS from X-Forwarded-*);
// API_RATE_LIMIT: API requests per minute per address (1200).
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { demoSeed, demoSignIns } from './store/demo.ts';
import { openPostgresStore } from './store/postgres.ts';
import { openSqliteStore } from './store/sqlite.ts';
import type { Store } from './store/store.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = process.env.DATA_DIR ?? './data';
const staticDir = process.env.STATIC_DIR ?? './dist';
const databaseUrl = process.env.DATABASE_URL;
const hasBuild = existsSync(join(staticDir, 'index.html'));
const trustProxy = process.env.TRUST_PROXY === '1';
const requestsPerMinute = Number(process.env.API_RATE_LIMIT ?? 1200);

function openStore(): Store {
  if (databaseUrl) return openPostgresStore(databaseUrl);
  mkdirSync(dataDir, { recursive: true });
  return openSqliteStore(join(dataDir, 'notebook.sqlite'));
}

const store = openStore();
console.log(databaseUrl ? 'Cơ sở dữ liệu: PostgreSQL (DATABASE_URL).' : `Cơ sở dữ liệu: SQLite trong ${dataDir}.`);
const applied = await store.migrate();
if (applied.length > 0) console.log(`Đã cập nhật cơ sở dữ liệu: ${applied.join(', ')}`);
if (!(await store.hasAnyCommune())) {
  try {
    const seed = await demoSeed();
    for (const commune of seed.communes) await store.seedCommune(commune);
    await store.seedProvince(seed.province);
    console.log('Đã tạo dữ liệu mẫu: Phường Nam Gia Nghĩa, Phường Bắc Gia Nghĩa và tài khoản của tỉnh Lâm Đồng.');
  } catch (error) {
    // Another process sharing the database seeded it at the same moment.
    if (!(await store.hasAnyCommune())) throw error;
  }
}

const app = createApp({
  store,
  clock: () => new Date(),
  settings: {
    ...(hasBuild ? { staticDir } : {}),
    trustProxy,
    rateLimit: { requests: requestsPerMinute, windowMs: 60_000 },
  },
});
const server = serve({ fetch: app.fetch, port, hostname: host }, () => {
  console.log(`Mở ứng dụng: http://localhost:${port}`);
  if (!hasBuild) console.log(`Chưa có bản dựng ứng dụng trong ${staticDir} (chạy "npm run build"); chỉ phục vụ API.`);
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
