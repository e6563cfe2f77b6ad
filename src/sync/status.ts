// The sync engine's state for the UI: what it is doing and which records are in flight.
/** wiped: the server said this device was revoked, and the phone deleted the app's data. */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'retrying' | 'signedOut' | 'wiped';

/** Why the last sync did not finish: no network, the server answered with an error, or it said something unexpected. */
export type SyncFailure = { kind: 'network' } | { kind: 'server'; status: number } | { kind: 'unexpected' };

export interface SyncStatus {
  phase: SyncPhase;
  /** Records whose change is in the request under way: shown as "sending". */
  sending: ReadonlySet<string>;
  lastSuccessAt?: number;
  /**
   * What the phone remembers of earlier syncs (lastSuccessAt, clockOffsetMs) has been read: until
   * then an undefined lastSuccessAt means "not read yet", not "never synced".
   */
  restored?: boolean;
  nextRetryAt?: number;
  failure?: SyncFailure;
  /** Changes with sealed notes wait for the app to be unlocked (the service worker cannot open them). */
  heldForUnlock?: boolean;
  /** How far the phone's clock is behind the server's (ms), learnt at a sync and kept across reloads. */
  clockOffsetMs?: number;
}

export type StatusListener = (status: SyncStatus) => void;

export class StatusBox {
  private current: SyncStatus = { phase: 'idle', sending: new Set() };
  private listeners = new Set<StatusListener>();

  get(): SyncStatus {
    return this.current;
  }

  update(patch: Partial<SyncStatus>): void {
    this.current = { ...this.current, ...patch };
    for (const listener of this.listeners) listener(this.current);
  }

  subscribe(listener: StatusListener): () => void {
    this.listeners.add(listener);
    listener(this.current);
    return () => this.listeners.delete(listener);
  }
}
