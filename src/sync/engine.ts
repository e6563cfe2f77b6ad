// The sync engine: push the outbox in batches, then pull what changed since the cursor (the
// pull is asked for as soon as the last push is answered, while the phone stores that answer).
// One run at a time; a request that fails by network or 5xx is retried later with backoff,
// and a batch the server refuses as a whole (400, 409, 413) is split until the one change
// at fault is found and marked rejected, so one bad change never blocks the others.
import {
  applyPulled,
  applyPushResults,
  changesToSend,
  outboxBatch,
  wipeLocalData,
  type DeviceStore,
  type NotebookDb,
  type OutboxEntry,
} from '../data/index.ts';
import { clockOffsetOf, MAX_PULL_LIMIT, MAX_PUSH_CHANGES, seqRanges, type Change, type PullResponse } from '../domain/index.ts';
import type { SyncApi } from './api.ts';
import type { Exclusive } from './exclusive.ts';
import { NetworkError, type HttpOutcome } from './session.ts';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.ts';
import { StatusBox, type SyncFailure } from './status.ts';

export interface SyncEngineDeps {
  db: NotebookDb;
  api: SyncApi;
  device: DeviceStore;
  random?: () => number;
  now?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  batchSize?: number;
  backoff?: BackoffPolicy;
  /** While everything is sent, sync again this often to pull others' changes. */
  idleIntervalMs?: number;
  /** Send only, never pull (the service worker: without the vault's key it could not seal what comes). */
  pushOnly?: boolean;
  /**
   * Runs a sync alone among everything that syncs this database (tabs, the service worker):
   * `syncExclusive(db)`. Without it, only this engine's own runs are kept apart.
   */
  exclusive?: Exclusive;
  /** How long one push or pull may take before it is given up (REQUEST_TIMEOUT_MS). */
  requestTimeoutMs?: number;
}

class RetryLater extends Error {
  constructor(readonly status?: number) {
    super(status ? `HTTP ${status}` : 'unexpected answer');
  }
}
class SignedOut extends Error {}
/** The officer revoked this device (a lost phone): its data is to be wiped. */
class DeviceRevoked extends Error {}

/** 401 ends the session; a revoked device's 401 also wipes the phone. A 403 is a refusal, not a sign-out. */
function throwIfRefused(outcome: HttpOutcome<unknown>): void {
  if (outcome.ok) return;
  if (outcome.status === 401 && outcome.body.error === 'device_revoked') throw new DeviceRevoked();
  if (outcome.status === 401) throw new SignedOut();
  if (outcome.status === 403) throw new RetryLater(403);
}

/** A call's failure as the engine sees it: no answer (retry, offline) or something it cannot use. */
function asSyncError(error: unknown): never {
  if (error instanceof NetworkError) throw error;
  throw new RetryLater();
}

const SPLITTABLE = new Set([400, 409, 413]);

export class SyncEngine {
  readonly status = new StatusBox();
  private running: Promise<void> | undefined;
  private again = false;
  private failures = 0;
  private timer: unknown;
  private stopped = false;
  /** Server seqs of this run's own changes, applied and stored on the phone: the pull need not send them back. */
  private ownSeqs: number[] = [];
  /**
   * The pull's first page, asked for as soon as the last push is answered, while the phone
   * still writes that answer into its database: on a slow link the round trip and the writing
   * overlap instead of adding up. Dropped if anything more is pushed after it.
   */
  private earlyPull: Promise<HttpOutcome<PullResponse>> | undefined;
  /** Ends the calls under way when the engine stops. */
  private readonly abort = new AbortController();
  private readonly random: () => number;
  private readonly now: () => number;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;

  constructor(private readonly deps: SyncEngineDeps) {
    this.random = deps.random ?? Math.random;
    this.now = deps.now ?? Date.now;
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  }

  /** Reads what the phone remembers of earlier syncs, for the status shown before the first run ends. */
  async restore(): Promise<void> {
    try {
      const [at, offset] = await Promise.all([this.deps.device.lastSyncAt(), this.deps.device.clockOffset()]);
      if (at !== undefined && this.status.get().lastSuccessAt === undefined) this.status.update({ lastSuccessAt: at });
      if (offset !== undefined && this.status.get().clockOffsetMs === undefined) this.status.update({ clockOffsetMs: offset });
    } finally {
      this.status.update({ restored: true });
    }
  }

  /** The server's time in an answer: the phone's clock is measured against it, and the difference kept. */
  private async noteServerTime(serverTime: number | undefined): Promise<void> {
    if (serverTime === undefined) return;
    const offset = clockOffsetOf(serverTime, this.now());
    this.status.update({ clockOffsetMs: offset });
    await this.deps.device.setClockOffset(offset);
  }

  /** Runs a sync now, or once more right after the one under way. */
  syncNow(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    const exclusive = this.deps.exclusive ?? ((work) => work());
    this.running = exclusive(() => this.loop()).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * The browser says the connection is gone: the status says so at once, not at the next timed
   * try (up to the idle interval later). A run under way finds out by its own call; `online`
   * starts the next one (triggers.ts).
   */
  connectionLost(): void {
    if (this.stopped || this.running) return;
    const { phase } = this.status.get();
    if (phase === 'signedOut' || phase === 'wiped') return;
    this.status.update({ phase: 'offline', failure: { kind: 'network' } });
  }

  /** Stops for good: no more runs, no timer, and the call under way is ended. */
  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.abort.abort();
  }

  private async loop(): Promise<void> {
    while (!this.stopped) {
      this.again = false;
      await this.runOnce();
      if (!this.again) return;
    }
  }

  private async runOnce(): Promise<void> {
    if (this.timer !== undefined) this.clearTimer(this.timer);
    this.timer = undefined;
    this.status.update({ phase: 'syncing', nextRetryAt: undefined });
    this.ownSeqs = [];
    this.earlyPull = undefined;
    try {
      await this.pushAll();
      if (!this.deps.pushOnly) await this.pullAll();
      this.failures = 0;
      const at = this.now();
      await this.deps.device.setLastSyncAt(at);
      this.status.update({ phase: 'idle', lastSuccessAt: at, failure: undefined });
      this.schedule(this.deps.idleIntervalMs ?? 5 * 60_000);
    } catch (error) {
      // Stopped (signed out, locked, another engine took over): nothing to report or retry.
      if (this.stopped) return;
      if (error instanceof DeviceRevoked) {
        this.stop();
        await wipeLocalData(this.deps.db, this.deps.device);
        this.status.update({ phase: 'wiped', failure: { kind: 'server', status: 401 }, lastSuccessAt: undefined });
        return;
      }
      if (error instanceof SignedOut) {
        this.status.update({ phase: 'signedOut', failure: { kind: 'server', status: 401 } });
        return;
      }
      this.failures += 1;
      const delay = backoffDelay(this.failures, this.random(), this.deps.backoff ?? DEFAULT_BACKOFF);
      const failure: SyncFailure =
        error instanceof NetworkError
          ? { kind: 'network' }
          : error instanceof RetryLater && error.status
            ? { kind: 'server', status: error.status }
            : { kind: 'unexpected' };
      this.status.update({ phase: failure.kind === 'network' ? 'offline' : 'retrying', nextRetryAt: this.now() + delay, failure });
      this.schedule(delay);
    } finally {
      this.status.update({ sending: new Set() });
    }
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    this.timer = this.setTimer(() => void this.syncNow(), ms);
  }

  private async pushAll(): Promise<void> {
    // As large as the protocol allows: on a 2G-like link each push costs a round trip of about a second.
    const size = this.deps.batchSize ?? MAX_PUSH_CHANGES;
    this.status.update({ heldForUnlock: false });
    for (;;) {
      // One entry more than a batch tells whether this batch empties the outbox.
      const queued = await outboxBatch(this.deps.db, size + 1);
      const batch = queued.slice(0, size);
      if (batch.length === 0) return;
      const ready = await changesToSend(this.deps.db, batch);
      // Anything pushed after an early pull makes its answer stale.
      this.earlyPull = undefined;
      // The last batch, all of it ready: the pull can start as soon as it is answered.
      const last = queued.length <= size && ready.entries.length === batch.length && !this.deps.pushOnly;
      if (ready.entries.length > 0) await this.pushEntries(ready.entries, ready.changes, last);
      if (ready.entries.length < batch.length) {
        // A case's sealed notes wait, with everything after them, for the app to be unlocked.
        this.status.update({ heldForUnlock: true });
        return;
      }
    }
  }

  private async pushEntries(entries: OutboxEntry[], changes: Change[], pullAfter = false): Promise<void> {
    this.status.update({ sending: new Set(entries.map((e) => e.recordId)) });
    const deviceId = await this.deps.device.deviceId();
    if (this.stopped) throw new NetworkError('aborted');
    const outcome = await this.deps.api.push({ deviceId, changes }, { signal: this.abort.signal, timeoutMs: this.deps.requestTimeoutMs }).catch(asSyncError);
    if (outcome.ok) {
      await this.noteServerTime(outcome.serverTime);
      const sent = new Set(entries.map((entry) => entry.changeId));
      for (const result of outcome.value.results) if (result.status === 'applied' && sent.has(result.changeId)) this.ownSeqs.push(result.serverSeq);
      if (pullAfter) this.earlyPull = this.requestPull(await this.deps.device.cursor());
      await applyPushResults(this.deps.db, entries, outcome.value.results);
      return;
    }
    throwIfRefused(outcome);
    if (!SPLITTABLE.has(outcome.status)) throw new RetryLater(outcome.status);
    if (entries.length > 1) {
      const half = Math.ceil(entries.length / 2);
      await this.pushEntries(entries.slice(0, half), changes.slice(0, half));
      await this.pushEntries(entries.slice(half), changes.slice(half));
      return;
    }
    // One change the server refuses as it is: keep the record on the phone, marked with why.
    const entry = entries[0]!;
    const fields = (outcome.body.fields ?? []).map((f) => f.path.replace(/^changes\.\d+\.(record\.)?/, ''));
    await applyPushResults(this.deps.db, entries, [
      { changeId: entry.changeId, status: 'rejected', reason: outcome.body.error ?? `http_${outcome.status}`, fields },
    ]);
  }

  private async pullAll(): Promise<void> {
    let cursor = await this.deps.device.cursor();
    for (;;) {
      const skip = this.skipped(cursor);
      const outcome = await (this.earlyPull ?? this.requestPull(cursor));
      this.earlyPull = undefined;
      if (!outcome.ok) {
        throwIfRefused(outcome);
        throw new RetryLater(outcome.status);
      }
      await this.noteServerTime(outcome.serverTime);
      await applyPulled(this.deps.db, outcome.value.records);
      cursor = outcome.value.cursor;
      // On the last page every change up to our own newest one has been seen or was ours:
      // commits take server seqs in order, so nothing below it can still arrive.
      const ownNewest = Math.max(0, ...skip.map(([, to]) => to));
      if (!outcome.value.more && ownNewest > cursor) cursor = ownNewest;
      await this.deps.device.setCursor(cursor);
      if (!outcome.value.more) return;
    }
  }

  /** Own changes above the cursor, which the server need not send back. */
  private skipped(cursor: number) {
    return seqRanges(this.ownSeqs.filter((seq) => seq > cursor));
  }

  private requestPull(cursor: number): Promise<HttpOutcome<PullResponse>> {
    const request = this.deps.api
      .pull(cursor, MAX_PULL_LIMIT, this.skipped(cursor), { signal: this.abort.signal, timeoutMs: this.deps.requestTimeoutMs })
      .catch(asSyncError);
    // Not awaited if the push answer could not be stored: its failure is not this run's error.
    request.catch(() => undefined);
    return request;
  }
}
