// The world the sync protocol's property tests run in: the real server code in-process over a
// real SQLite file (copied from one seeded template per file), three phones with the real data
// layer and sync engine over fake-indexeddb, a network that drops requests, loses responses,
// delivers twice and replays late; and the invariants checked once every phone has drained.
import 'fake-indexeddb/auto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { expect } from 'vitest';
import { createApp } from '../../server/app.ts';
import { DEMO_PIN, demoCommuneSeed } from '../../server/store/demo.ts';
import { openSqliteStore, type SqliteStore } from '../../server/store/sqlite/store.ts';
import { deleteRecord, EditConflict, keepMine, keepTheirs, NotebookDb, saveRecord, type FormBase } from '../../src/data/index.ts';
import type { NewsPost } from '../../src/domain/index.ts';
import { memoryDeviceStore } from '../support/device-store.ts';
import { createSyncApi, SyncEngine } from '../../src/sync/index.ts';

export const RUNS = Number(process.env.PROPERTY_RUNS ?? 2000);
export const SEED = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;

/** Two phones of the same village head and the commune officer's computer, all on Tổ dân phố 1. */
const DEVICES = [
  { username: 'tdp1', deviceId: '00000000-0000-4000-8000-00000000000a' },
  { username: 'tdp1', deviceId: '00000000-0000-4000-8000-00000000000b' },
  { username: 'canbo', deviceId: '00000000-0000-4000-8000-00000000000c' },
] as const;
const SLOTS_PER_DEVICE = 2;
const recordId = (slot: number) => `00000000-0000-4000-9000-${String(slot).padStart(12, '0')}`;

export type Fault = 'none' | 'dropRequest' | 'loseResponse' | 'deliverTwice';
export type Step =
  | { t: 'open'; dev: number; pick: number }
  | { t: 'save'; dev: number; pick: number; field: 'title' | 'note'; viaForm: boolean; keepMine: boolean }
  | { t: 'delete'; dev: number; pick: number }
  | { t: 'sync'; dev: number; fault: Fault; at: number }
  | { t: 'replay'; pick: number }
  | { t: 'resolve'; dev: number; keep: 'mine' | 'theirs' }
  | { t: 'restart' };

export const dev = fc.integer({ min: 0, max: DEVICES.length - 1 });
export const pick = fc.nat();
/** The seeded template database and the three devices' tokens, made once per test file. */
let template: string;
const tokens: string[] = [];
export let workDir: string;

export async function prepareTemplate(): Promise<void> {
  workDir = mkdtempSync(join(tmpdir(), 'sotay-property-'));
  template = join(workDir, 'template.sqlite');
  const store = openSqliteStore(template);
  await store.migrate();
  await store.seedCommune(await demoCommuneSeed());
  const app = createApp({ store, clock: () => new Date(), settings: {} });
  for (const device of DEVICES) {
    const response = await app.request('/api/v1/sessions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'X-Session-Token': 'body' },
      body: JSON.stringify({ username: device.username, pin: DEMO_PIN, deviceId: device.deviceId }),
    });
    tokens.push(((await response.json()) as { token: string }).token);
  }
  await store.close();
}

export function removeTemplate(): void {
  rmSync(workDir, { recursive: true, force: true });
}

/** One run's world: a server over its own copy of the seeded file, three phones, a faulty network. */
export class World {
  store!: SqliteStore;
  app!: ReturnType<typeof createApp>;
  private serverClock = Date.parse('2026-06-01T00:00:00Z');
  readonly phones: { db: NotebookDb; engine: SyncEngine; fault: { kind: Fault; at: number; seen: number } }[] = [];
  /** Every push body a phone sent, for late replays; `delivered` once the server had it. */
  readonly sentPushes: { dev: number; body: string; delivered: boolean }[] = [];
  /** Every change id a phone ever queued, with the revision it was made on and by which phone. */
  readonly queued = new Set<string>();
  readonly madeOn = new Map<string, { baseRev: number; deviceId: string }>();
  /** The last thing each phone did to each record: a body, or deletion. */
  readonly lastLocal = new Map<string, NewsPost | 'deleted'>();
  /** Edit forms left open, per phone and record, with what each was opened on. */
  readonly forms = new Map<string, FormBase>();
  /** Form saves made after the record changed under the form. */
  staleFormSaves = 0;
  private edits = 0;

  constructor(readonly file: string) {}

  /** `shared`: the phones start holding the same records, so that forms go stale often. */
  async start(options: { shared?: boolean } = {}): Promise<void> {
    copyFileSync(template, this.file);
    this.openServer();
    for (const [index, device] of DEVICES.entries()) {
      const db = new NotebookDb(`${this.file}-${index}`);
      const store = memoryDeviceStore(device.deviceId);
      const fault = { kind: 'none' as Fault, at: 0, seen: 0 };
      const api = createSyncApi({ baseUrl: '', token: async () => tokens[index], fetch: this.network(index, fault) });
      const engine = new SyncEngine({ db, api, device: store, batchSize: 2, setTimer: () => undefined, clearTimer: () => undefined, random: () => 0 });
      this.phones.push({ db, engine, fault });
    }
    if (options.shared) {
      // Phone 1 creates its records (the pick past what it holds is its next own slot), and every phone pulls them.
      for (let slot = 0; slot < SLOTS_PER_DEVICE; slot++) await this.run({ t: 'save', dev: 0, pick: slot, field: 'title', viaForm: false, keepMine: false });
      for (const phone of [...this.phones, this.phones[0]!]) await phone.engine.syncNow();
    }
  }

  private openServer(): void {
    this.store = openSqliteStore(this.file);
    this.app = createApp({ store: this.store, clock: () => new Date((this.serverClock += 1000)), settings: {} });
  }

  async restartServer(): Promise<void> {
    await this.store.close();
    this.openServer();
  }

  private network(index: number, fault: { kind: Fault; at: number; seen: number }): typeof fetch {
    return (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input);
      const sent = url.includes('/sync/push') && typeof init?.body === 'string' ? { dev: index, body: init.body, delivered: false } : undefined;
      if (sent) this.sentPushes.push(sent);
      const faulty = fault.kind !== 'none' && fault.seen++ === fault.at;
      if (faulty && fault.kind === 'dropRequest') throw new TypeError('network down');
      if (sent) sent.delivered = true;
      if (faulty && fault.kind === 'deliverTwice') await this.app.request(url, init);
      const response = await this.app.request(url, init);
      if (faulty && fault.kind === 'loseResponse') throw new TypeError('connection cut after the server answered');
      return response;
    }) as typeof fetch;
  }

  private async noteQueued(db: NotebookDb): Promise<void> {
    const deviceId = DEVICES[this.phones.findIndex((p) => p.db === db)]!.deviceId;
    for (const entry of await db.outbox.toArray()) {
      this.queued.add(entry.changeId);
      this.madeOn.set(entry.changeId, { baseRev: entry.baseRev, deviceId });
    }
  }

  async run(step: Step): Promise<void> {
    switch (step.t) {
      case 'open': {
        // A form opened on a record this phone holds, left open while other steps happen.
        const { db } = this.phones[step.dev]!;
        const held = (await db.records.toArray()).filter((r) => !r.deleted);
        if (held.length === 0) return;
        const local = held[step.pick % held.length]!;
        // A form already open on that record stays as it was opened.
        if (!this.forms.has(`${step.dev}:${local.id}`)) this.forms.set(`${step.dev}:${local.id}`, { rev: local.rev, record: structuredClone(local.body) });
        return;
      }
      case 'save': {
        // Edit a record this phone holds, or create one of its own.
        const { db } = this.phones[step.dev]!;
        const held = (await db.records.toArray()).filter((r) => !r.deleted).map((r) => r.id);
        const own = Array.from({ length: SLOTS_PER_DEVICE }, (_, k) => recordId(step.dev * SLOTS_PER_DEVICE + k)).filter(
          (id) => !this.lastLocal.has(`${step.dev}:${id}`),
        );
        const candidates = [...held, ...own];
        if (candidates.length === 0) return;
        const tag = `${step.dev}-${++this.edits}`;
        // Through one of this phone's open forms, when it has one and the step says so.
        const open = [...this.forms.keys()].filter((key) => key.startsWith(`${step.dev}:`));
        if (step.viaForm && open.length > 0) {
          const key = open[step.pick % open.length]!;
          const form = this.forms.get(key)!;
          this.forms.delete(key);
          const formId = key.slice(key.indexOf(':') + 1);
          if (form.record?.kind === 'newsPost')
            await this.saveFromForm(step.dev, formId, form, { ...form.record, [step.field]: `Sửa ${tag}` }, step.field, step.keepMine);
          return;
        }
        // No form open yet: this one opens, to be saved by a later step, after whatever happens between.
        if (step.viaForm && held.length > 0) return this.run({ t: 'open', dev: step.dev, pick: step.pick });
        const id = candidates[step.pick % candidates.length]!;
        const local = await db.records.get(id);
        const body: NewsPost =
          local && local.body.kind === 'newsPost'
            ? { ...local.body, [step.field]: `Sửa ${tag}` }
            : {
                kind: 'newsPost',
                id,
                unitId: 'tdp-1',
                reporterId: DEVICES[step.dev]!.username,
                date: '2026-05-20',
                channel: 'loudspeaker',
                title: `Tin ${tag}`,
              };
        await saveRecord(db, body);
        this.lastLocal.set(`${step.dev}:${id}`, body);
        await this.noteQueued(db);
        return;
      }
      case 'delete': {
        const { db } = this.phones[step.dev]!;
        const held = (await db.records.toArray()).filter((r) => !r.deleted);
        if (held.length === 0) return;
        const id = held[step.pick % held.length]!.id;
        await deleteRecord(db, id);
        this.lastLocal.set(`${step.dev}:${id}`, 'deleted');
        await this.noteQueued(db);
        return;
      }
      case 'sync': {
        const phone = this.phones[step.dev]!;
        Object.assign(phone.fault, { kind: step.fault, at: step.at, seen: 0 });
        await phone.engine.syncNow();
        phone.fault.kind = 'none';
        return;
      }
      case 'replay': {
        if (this.sentPushes.length === 0) return;
        // A request delivered again late, or one the network held back arriving after newer ones.
        const pushed = this.sentPushes[step.pick % this.sentPushes.length]!;
        const { dev: index, body } = pushed;
        const before = await this.serverSnapshot();
        const response = await this.app.request('/api/v1/sync/push', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[index]}` },
          body,
        });
        expect(response.status).toBe(200);
        // A late duplicate of a delivered request changes nothing on the server.
        if (pushed.delivered) expect(await this.serverSnapshot()).toEqual(before);
        pushed.delivered = true;
        return;
      }
      case 'resolve': {
        const { db } = this.phones[step.dev]!;
        const conflicted = await db.records.where('syncState').equals('conflict').first();
        if (!conflicted) return;
        if (step.keep === 'mine') {
          await keepMine(db, conflicted.id);
          await this.noteQueued(db);
        } else {
          await keepTheirs(db, conflicted.id);
          const theirs = conflicted.theirs!;
          this.lastLocal.set(`${step.dev}:${conflicted.id}`, theirs.deleted || !theirs.record ? 'deleted' : (theirs.record as NewsPost));
        }
        return;
      }
      case 'restart':
        await this.restartServer();
        return;
    }
  }

  /** The app's save from a form opened on `form`: made on what the person saw. */
  private async saveFromForm(dev: number, id: string, form: FormBase, body: NewsPost, field: 'title' | 'note', keepMine: boolean): Promise<void> {
    const { db } = this.phones[dev]!;
    const before = await db.records.get(id);
    let saved;
    try {
      saved = await saveRecord(db, body, { base: form });
    } catch (error) {
      if (!(error instanceof EditConflict)) throw error;
      // Both changed the same field: the person keeps hers, or closes the form.
      expect(error.fields.length).toBeGreaterThan(0);
      if (!keepMine) {
        expect(await db.records.get(id)).toEqual(before);
        return;
      }
      saved = await saveRecord(db, body, { base: form, preferMine: true });
    }
    if (before && JSON.stringify(before.body) !== JSON.stringify(form.record)) this.staleFormSaves += 1;
    // What reached the phone while the form was open survives the save, field by field.
    if (before && !before.deleted) {
      for (const key of new Set([...Object.keys(before.body), ...Object.keys(saved.body)])) {
        if (key === field || JSON.stringify((form.record as Record<string, unknown>)[key]) !== JSON.stringify((body as Record<string, unknown>)[key])) continue;
        expect((saved.body as Record<string, unknown>)[key], `the form's save dropped ${key}`).toEqual((before.body as Record<string, unknown>)[key]);
      }
    }
    this.lastLocal.set(`${dev}:${id}`, saved.body as NewsPost);
    await this.noteQueued(db);
  }

  async serverSnapshot() {
    const records = await this.store.db.selectFrom('records').select(['id', 'rev', 'deleted', 'body', 'server_seq']).orderBy('id').execute();
    const applied = await this.store.db.selectFrom('applied_changes').select(['change_id']).orderBy('change_id').execute();
    return { records, applied: applied.map((a) => a.change_id) };
  }

  async drain(): Promise<void> {
    for (let round = 0; round < 3; round++) {
      for (const phone of this.phones) await phone.engine.syncNow();
    }
  }

  async close(): Promise<void> {
    for (const phone of this.phones) {
      phone.engine.stop();
      phone.db.close();
      await phone.db.delete();
    }
    await this.store.close();
    rmSync(this.file, { force: true });
    rmSync(`${this.file}-wal`, { force: true });
    rmSync(`${this.file}-shm`, { force: true });
  }
}

export async function checkInvariants(world: World): Promise<void> {
  const db = world.store.db;
  // Nothing waits on any phone, and nothing was refused.
  for (const phone of world.phones) {
    expect(await phone.db.outbox.count()).toBe(0);
    expect(await phone.db.records.where('syncState').equals('rejected').count()).toBe(0);
  }
  // Every change any phone queued was answered by the server exactly once.
  const applied = await db.selectFrom('applied_changes').select(['change_id', 'record_id', 'device_id', 'result']).execute();
  expect(new Set(applied.map((a) => a.change_id))).toEqual(world.queued);
  // A record's revision counts the changes applied to it: none applied twice, none skipped.
  const serverRecords = await db.selectFrom('records').selectAll().execute();
  for (const row of serverRecords) {
    const appliedToIt = applied.filter((a) => a.record_id === row.id && JSON.parse(a.result).status === 'applied').length;
    expect(Number(row.rev)).toBe(appliedToIt);
  }
  // No silent overwrite: a change applied as revision r was made on revision r - 1, or on an
  // older one by the same phone that wrote r - 1 (a phone's own edits follow each other).
  // A change merged field by field with a newer one it did not overlap is the one exception.
  const byRecordAndRev = new Map<string, { changeId: string; deviceId: string; merged: boolean }>();
  for (const a of applied) {
    const result = JSON.parse(a.result) as { status: string; rev?: number; merged?: unknown };
    if (result.status === 'applied')
      byRecordAndRev.set(`${a.record_id}@${result.rev}`, { changeId: a.change_id, deviceId: a.device_id, merged: result.merged !== undefined });
  }
  for (const [key, { changeId, deviceId, merged }] of byRecordAndRev) {
    const [id, rev] = [key.split('@')[0]!, Number(key.split('@')[1])];
    const made = world.madeOn.get(changeId)!;
    if (made.baseRev === rev - 1 || merged) continue;
    expect(byRecordAndRev.get(`${id}@${rev - 1}`)?.deviceId, `change ${changeId} overwrote revision ${rev - 1} unseen`).toBe(deviceId);
  }
  // Every phone agrees with the server, except where a conflict keeps both versions.
  for (const [index, phone] of world.phones.entries()) {
    const locals = new Map((await phone.db.records.toArray()).map((r) => [r.id, r]));
    for (const row of serverRecords) {
      const local = locals.get(row.id);
      locals.delete(row.id);
      if (local?.syncState === 'conflict') {
        // Theirs is the server's latest; mine is what this phone last did to the record.
        expect(local.theirs?.rev).toBe(Number(row.rev));
        const mine = world.lastLocal.get(`${index}:${row.id}`);
        expect(mine).toBeDefined();
        if (mine === 'deleted') expect(local.deleted).toBe(true);
        else expect(local.body).toEqual(mine);
        continue;
      }
      if (Number(row.deleted) === 1) {
        expect(local).toBeUndefined();
        continue;
      }
      expect(local, `phone ${index} is missing ${row.id}`).toBeDefined();
      expect(local!.body).toEqual(JSON.parse(row.body!));
      expect(local!.rev).toBe(Number(row.rev));
      expect(local!.deleted).toBe(false);
    }
    // Nothing lives only on a phone once everything has drained.
    expect([...locals.keys()]).toEqual([]);
  }
}
