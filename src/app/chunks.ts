// What the first load leaves out: the sign-in screen comes first, alone; the signed-in app
// (database, vault and lock, home, record forms, sync engine, sign-out) arrives as lazy chunks,
// asked for right after the sign-in screen is shown, so that signing in never waits on the
// network. The service worker precaches every chunk: the app opens offline all the same.
import type * as LockChunk from './lock/LockScreen.tsx';
import type * as VaultChunk from './lock/vaultChunk.ts';
import type * as SignedInChunk from './SignedIn.tsx';

/** One request per chunk; one that failed (a dropped link) is asked for again next time. */
function once<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () =>
    (loading ??= load().catch((error: unknown) => {
      loading = undefined;
      throw error;
    }));
}

/** The PIN lock's screen, without the database code: it shows first when a signed-in phone opens. */
export const loadLock: () => Promise<typeof LockChunk> = once(() => import('./lock/LockScreen.tsx'));

/** The vault and the database: to open the account after the PIN or a sign-in. */
export const loadVault: () => Promise<typeof VaultChunk> = once(() => import('./lock/vaultChunk.ts'));

/** The signed-in account's screens. */
export const loadSignedIn: () => Promise<typeof SignedInChunk> = once(() => import('./SignedIn.tsx'));

/** Fetches the signed-in app while the user types: once the sign-in or lock screen is on the page. */
export function prefetchSignedIn(): void {
  // After the first paint, not before it: the sign-in field comes first.
  requestAnimationFrame(() =>
    setTimeout(() => {
      void loadVault().catch(() => undefined);
      void loadLock().catch(() => undefined);
      void loadSignedIn().catch(() => undefined);
    }, 0),
  );
}
