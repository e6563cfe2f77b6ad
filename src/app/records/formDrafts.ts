// The drafts of one opened form: its own draft key, held with a Web Lock while the form is open
// (so another tab is never offered it), and the draft writes debounced and kept in order.
import { useEffect, useRef } from 'preact/hooks';

interface LockManagerLike {
  request(name: string, callback: () => Promise<void>): Promise<void>;
  query(): Promise<{ held?: { name?: string }[] }>;
}

const locks = (): LockManagerLike | undefined => (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;

const lockName = (dbName: string, key: string) => `so-tay-form:${dbName}:${key}`;

/** Holds `key` for as long as the form that uses it is open. */
export function useHeldDraftKey(dbName: string, key: string): void {
  useEffect(() => {
    const manager = locks();
    if (!manager) return;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    void manager.request(lockName(dbName, key), () => held).catch(() => undefined);
    return () => release();
  }, [dbName, key]);
}

/**
 * The draft keys other open forms hold now. Without Web Locks none are known: every
 * unfinished draft is offered, and the save still never lets two forms write one record.
 */
export async function draftKeysHeldElsewhere(dbName: string): Promise<Set<string>> {
  const manager = locks();
  if (!manager) return new Set();
  const prefix = lockName(dbName, '');
  const snapshot = await manager.query().catch(() => ({ held: [] }));
  return new Set(
    (snapshot.held ?? [])
      .map((lock) => lock.name ?? '')
      .filter((name) => name.startsWith(prefix))
      .map((name) => name.slice(prefix.length)),
  );
}

/** Draft writes a moment after the typing stops, one after the other, never out of order. */
export function useDraftWriter(delayMs = 300) {
  const chain = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef<(() => Promise<void>) | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const writer = useRef({
    schedule(write: () => Promise<void>) {
      pending.current = write;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void writer.current.flush(), delayMs);
    },
    /** Writes what waits now; resolves when every write so far is done. */
    flush(): Promise<void> {
      clearTimeout(timer.current);
      const write = pending.current;
      pending.current = null;
      if (write) chain.current = chain.current.then(write).catch(() => undefined);
      return chain.current;
    },
    /** Drops what waits (the form was saved or its draft discarded). */
    cancel(): Promise<void> {
      clearTimeout(timer.current);
      pending.current = null;
      return chain.current;
    },
  });
  // Leaving the form keeps what was typed last.
  useEffect(() => () => void writer.current.flush(), []);
  return writer.current;
}
