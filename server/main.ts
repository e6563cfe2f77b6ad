// Starts the server from the environment: PORT, HOST, DATA_DIR, STATIC_DIR.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { demoCommuneSeed, demoSignIns } from './store/demo.ts';
import { openSqliteStore } from './store/sqlite.ts';

const port = Number(process.env.PORT ?? 8080);
const host = process.env.HOST ?? '0.0.0.0';
const dataDir = process.env.DATA_DIR ?? './data';
const staticDir = process.env.STATIC_DIR ?? './dist';
const hasBuild = existsSync(join(staticDir, 'index.html'));

mkdirSync(dataDir, { recursive: true });
const store = openSqliteStore(join(dataDir, 'notebook.sqlite'));
const applied = await store.migrate();
if (applied.length > 0) console.log(`Đã cập nhật cơ sở dữ liệu: ${applied.join(', ')}`);
if (!(await store.hasAnyCommune())) {
  await store.seedCommune(await demoCommuneSeed());
  console.log('Đã tạo dữ liệu mẫu: Phường Nam Gia Nghĩa (Lâm Đồng).');
}

const app = createApp({ store, clock: () => new Date(), settings: hasBuild ? { staticDir } : {} });
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
