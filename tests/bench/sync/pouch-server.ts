// The CouchDB-protocol server PouchDB replicates to: express-pouchdb (mode minimumForPouchDB,
// which gzips its answers) over pouchdb-node's LevelDB, in its own process like ours. Serves
// the benchmark's browser page from STATIC_DIR at the same origin. Env: PORT, DATA_DIR, STATIC_DIR.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

type Middleware = (...args: unknown[]) => void;
interface ExpressApp {
  use(...handlers: unknown[]): void;
  listen(port: number, host: string, callback: () => void): { close(callback: () => void): void };
}
const require = createRequire(import.meta.url);
const express = require('express') as (() => ExpressApp) & { static(dir: string): Middleware };
const expressPouchDB = require('express-pouchdb') as (pouch: unknown, options: object) => Middleware;
const PouchDB = require('pouchdb-node') as { defaults(options: object): unknown };

const port = Number(process.env.PORT ?? 5984);
const dataDir = process.env.DATA_DIR ?? './pouch-data';
mkdirSync(dataDir, { recursive: true });
const Pouch = PouchDB.defaults({ prefix: `${join(dataDir, 'db')}-` });

const app = express();
if (process.env.STATIC_DIR) app.use(express.static(process.env.STATIC_DIR));
app.use('/', expressPouchDB(Pouch, { mode: 'minimumForPouchDB', inMemoryConfig: true, logPath: join(dataDir, 'log.txt') }));
const server = app.listen(port, '127.0.0.1', () => console.log(`PouchDB server on ${port}`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
