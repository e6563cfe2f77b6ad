// Every sync request names its device by a session token; looking the token up in the database
// each time was a query (and its compilation) per push. The answer is kept here for a moment:
// - in this process, every call of a store group whose rule is `clears` (group.ts: the groups
//   that write users or devices, such as sign-in, sign-out, a revoked device, a disabled account)
//   and every call at the store's top (migrate, seed) empties the cache before and after it
//   runs, so a revocation made here is refused at the next request;
// - another process sharing the database (PostgreSQL) keeps an answer at most SESSION_CACHE_MS:
//   a device revoked or an account disabled there is refused here within that time.
// A session that ends by the app's clock is never answered from the cache.
import { storeGroups, type GroupName } from '../store/groups.ts';
import type { Store } from '../store/store.ts';

export const SESSION_CACHE_MS = 2000;
/** Beyond this many tokens the cache starts again empty. */
const MAX_ENTRIES = 20_000;

type Session = Awaited<ReturnType<Store['sessions']['find']>>;
type Call = (...args: unknown[]) => Promise<unknown>;

export function withSessionCache(store: Store, now: () => number = Date.now, ttlMs = SESSION_CACHE_MS): Store {
  const cache = new Map<string, { session: NonNullable<Session>; until: number }>();
  /** Counts the emptyings, so that a lookup that overlapped a write is not kept. */
  let epoch = 0;
  const forget = () => {
    cache.clear();
    epoch += 1;
  };
  const clearing =
    (call: Call): Call =>
    async (...args) => {
      forget();
      try {
        return await call(...args);
      } finally {
        forget();
      }
    };
  // Looked up at each call, so that whatever replaces a store method later is the one called.
  const wrap = (source: () => Record<string, unknown>, names: string[], clears: boolean) => {
    const wrapped: Record<string, unknown> = {};
    for (const name of names) {
      const call: Call = (...args) => (source()[name] as Call).apply(source(), args);
      wrapped[name] = clears ? clearing(call) : call;
    }
    return wrapped;
  };

  const top = store as unknown as Record<string, unknown>;
  const others = Object.keys(store).filter((name) => !(name in storeGroups));
  const wrapped = wrap(
    () => top,
    others.filter((name) => typeof top[name] === 'function'),
    true,
  );
  for (const name of others.filter((other) => typeof top[other] !== 'function')) {
    Object.defineProperty(wrapped, name, { get: () => top[name], enumerable: true });
  }
  for (const name of Object.keys(storeGroups).filter((group) => group in store) as GroupName[]) {
    const group = () => store[name] as unknown as Record<string, unknown>;
    wrapped[name] = wrap(group, Object.keys(store[name]), storeGroups[name].sessions === 'clears');
  }
  const sessions = (wrapped.sessions ??= {}) as Record<string, unknown>;
  sessions.find = async (tokenHash: string, at: string): Promise<Session> => {
    const kept = cache.get(tokenHash);
    if (kept && kept.until > now() && (kept.session.expiresAt === null || kept.session.expiresAt > at)) return kept.session;
    if (kept) cache.delete(tokenHash);
    const started = epoch;
    const session = await store.sessions.find(tokenHash, at);
    // Not kept when a write ran meanwhile: the lookup may have read the rows as they were.
    if (session && started === epoch) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(tokenHash, { session, until: now() + ttlMs });
    }
    return session;
  };
  return wrapped as unknown as Store;
}
