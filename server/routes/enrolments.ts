// A phone's first connection with an enrolment code: the code (once, before it expires) and a
// new PIN in, the same answer as a sign-in out. Attempts are counted per address and over all
// addresses (a wrong code names no account) before the code is checked, and given back on a
// success; a locked or full key answers 429 before any code is checked.
import { Hono } from 'hono';
import type { Context } from 'hono';
import { enrolmentRequest, enrolmentResponse } from '../../src/domain/enrolment.ts';
import { apiRoute } from '../http/apiRoute.ts';
import { DEFAULT_ENROLMENT_SETTINGS, ENROLMENT_EVERYONE_KEY, enrolmentAddressKey, hashEnrolmentCode } from '../auth/enrolmentCodes.ts';
import type { EnrolmentSettings } from '../auth/enrolmentCodes.ts';
import { hashPin } from '../auth/secrets.ts';
import { accountKey, refundAttempts, reserveAttempts, settleFailure } from '../auth/signInThrottle.ts';
import type { ThrottleKey } from '../auth/signInThrottle.ts';
import { clientAddress } from '../http/address.ts';
import { apiError } from '../http/errors.ts';
import { startSession } from '../http/session.ts';
import { parseJsonBody } from '../http/validate.ts';
import type { Store } from '../store/store.ts';

function locked(c: Context, until: string | undefined, now: Date): Response {
  if (!until) {
    // Full of attempts still in flight, none failed yet: no lock to name; try again in a moment.
    c.header('Retry-After', '1');
    return apiError(c, 429, 'rate_limited');
  }
  c.header('Retry-After', String(Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000))));
  return apiError(c, 429, 'enrolment_locked');
}

const refusals = {
  invalid: 'enrolment_code_invalid',
  expired: 'enrolment_code_expired',
  used: 'enrolment_code_used',
} as const;

export const enrolmentApi = {
  enrol: apiRoute({
    method: 'post',
    path: '/enrolments',
    summary: "A phone's first connection: a one-time enrolment code and a new PIN; answered like a sign-in",
    public: true,
    body: enrolmentRequest,
    answer: { description: 'The profile, as for a sign-in', schema: enrolmentResponse },
  }),
};

export function enrolmentRoutes(deps: { store: Store; clock: () => Date; settings?: { trustProxy?: boolean; enrolment?: EnrolmentSettings } }) {
  const { store, clock } = deps;
  const settings = deps.settings?.enrolment ?? DEFAULT_ENROLMENT_SETTINGS;
  return new Hono().post('/enrolments', async (c) => {
    const parsed = await parseJsonBody(c, enrolmentApi.enrol.body);
    if (!parsed.ok) return parsed.response;
    const { code, pin, deviceId } = parsed.data;
    const now = clock();
    const address = clientAddress(c, deps.settings?.trustProxy ?? false);
    const keys: ThrottleKey[] = [{ key: ENROLMENT_EVERYONE_KEY, rule: settings.everyone }];
    if (address) keys.push({ key: enrolmentAddressKey(address), rule: settings.address });
    // The attempt is counted before the code is checked, so a burst cannot outrun the count.
    const reservation = await reserveAttempts(store, keys, now);
    if (!reservation.ok) return locked(c, reservation.lockedUntil, now);

    const [codeHash, pinHash] = await Promise.all([hashEnrolmentCode(code), hashPin(pin)]);
    const outcome = await store.enrolments.useCode({ codeHash, pinHash, deviceId, now: now.toISOString() });
    if (!outcome.ok) {
      if (outcome.reason === 'disabled') {
        await refundAttempts(store, keys);
        return apiError(c, 403, 'account_disabled');
      }
      const until = await settleFailure(store, keys, now);
      if (until) return locked(c, until, now);
      return apiError(c, 400, refusals[outcome.reason], [{ path: 'code', code: outcome.reason }]);
    }
    await refundAttempts(store, keys);
    // A new PIN starts a clean count of wrong PINs.
    await store.signInThrottle.clearFailures(accountKey(outcome.username));
    // The same success path as a sign-in: the cookie, and the token only for a client that asks.
    return startSession(c, store, { deviceId, userId: outcome.userId, now });
  });
}
