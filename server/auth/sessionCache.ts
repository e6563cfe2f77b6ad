// Every sync request names its device by a session token; looking the token up in the database
// each time was a query (and its compilation) per push. The answer is kept here for a moment:
// - in this process, every store call that may change who a token names (sign-in, sign-out,
//   a revoked device, a disabled account, any other write not listed below) empties the cache
//   before and after it runs, so a revocation made here is refused at the next request;
// - another process sharing the database (PostgreSQL) keeps an answer at most SESSION_CACHE_MS:
//   a device revoked or an account disabled there is refused here within that time.
// A session that ends by the app's clock is never answered from the cache.
import type { Store } from '../store/store.ts';

export const SESSION_CACHE_MS = 2000;
/** Beyond this many tokens the cache starts again empty. */
const MAX_ENTRIES = 20_000;

type Session = Awaited<ReturnType<Store['findSession']>>;

/** Calls that never change a token's device, user, role, unit or session: they keep the cache. */
const KEEPS_SESSIONS = new Set<string>([
  'findSession', 'findActor', 'tokenRefusal', 'findUserForSignIn', 'loadProfile', 'hasAnyCommune', 'findCommuneUser',
  'push', 'pull', 'logCaseAccess', 'appendAudit', 'devicesWithGaps',
  'loadCommune', 'listCommuneRecords', 'loadPlan', 'savePlan', 'listUnits', 'listUnitTypes', 'listReviewEvents', 'addReviewEvent',
  'listCommuneDevices', 'loadProvince', 'provinceFigures', 'listProvincePlans', 'listCommuneAccounts', 'listAuditTrail', 'listCaseAccess',
  'signInLockedUntil', 'reserveSignInAttempt', 'settleSignInFailure', 'refundSignInAttempt', 'clearSignInFailures', 'forgetOldFailures',
]);

export function withSessionCache(store: Store, now: () => number = Date.now, ttlMs = SESSION_CACHE_MS): Store {
  const cache = new Map<string, { session: NonNullable<Session>; until: number }>();
  /** Counts the emptyings, so that a lookup that overlapped a write is not kept. */
  let epoch = 0;
  const forget = () => {
    cache.clear();
    epoch += 1;
  };
  const wrapped: Record<string, unknown> = {};
  const source = store as unknown as Record<string, unknown>;
  for (const [name, member] of Object.entries(store)) {
    if (typeof member !== 'function') {
      Object.defineProperty(wrapped, name, { get: () => source[name], enumerable: true });
      continue;
    }
    // Looked up at each call, so that whatever replaces a store method later is the one called.
    const call = (...args: unknown[]) => (source[name] as (...a: unknown[]) => Promise<unknown>).apply(store, args);
    wrapped[name] = KEEPS_SESSIONS.has(name)
      ? call
      : async (...args: unknown[]) => {
          forget();
          try {
            return await call(...args);
          } finally {
            forget();
          }
        };
  }
  wrapped.findSession = async (tokenHash: string, at: string): Promise<Session> => {
    const kept = cache.get(tokenHash);
    if (kept && kept.until > now() && (kept.session.expiresAt === null || kept.session.expiresAt > at)) return kept.session;
    if (kept) cache.delete(tokenHash);
    const started = epoch;
    const session = await store.findSession(tokenHash, at);
    // Not kept when a write ran meanwhile: the lookup may have read the rows as they were.
    if (session && started === epoch) {
      if (cache.size >= MAX_ENTRIES) cache.clear();
      cache.set(tokenHash, { session, until: now() + ttlMs });
    }
    return session;
  };
  return wrapped as unknown as Store;
}
