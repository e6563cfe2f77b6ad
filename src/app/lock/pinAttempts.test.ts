// Wrong PINs on the phone: free at first, then growing waits, then only an online sign-in.
import { describe, expect, it } from 'vitest';
import { FREE_ATTEMPTS, MAX_PIN_FAILURES, pinGate, waitAfter } from './pinAttempts.ts';

const at = 1_800_000_000_000;

describe('wrong PINs on the phone', () => {
  it('lets the first few through at once', () => {
    for (let failures = 0; failures < FREE_ATTEMPTS; failures++) expect(pinGate({ failures, lastFailureAt: at }, at)).toEqual({ state: 'open' });
  });

  it('makes each later try wait longer', () => {
    const waits = Array.from({ length: MAX_PIN_FAILURES - FREE_ATTEMPTS }, (_, i) => waitAfter(FREE_ATTEMPTS + i));
    expect(waits[0]).toBeGreaterThan(0);
    for (let i = 1; i < waits.length; i++) expect(waits[i]).toBeGreaterThanOrEqual(waits[i - 1]!);
    expect(waits.at(-1)).toBeGreaterThan(waits[0]!);
    const gate = pinGate({ failures: FREE_ATTEMPTS, lastFailureAt: at }, at + 1000);
    expect(gate).toEqual({ state: 'wait', until: at + waitAfter(FREE_ATTEMPTS) * 1000 });
    expect(pinGate({ failures: FREE_ATTEMPTS, lastFailureAt: at }, at + waitAfter(FREE_ATTEMPTS) * 1000)).toEqual({ state: 'open' });
  });

  it('does not shorten a wait when the clock is set back', () => {
    const gate = pinGate({ failures: FREE_ATTEMPTS + 1, lastFailureAt: at }, at - 3_600_000);
    expect(gate.state).toBe('wait');
  });

  it('asks for an online sign-in after too many', () => {
    expect(pinGate({ failures: MAX_PIN_FAILURES, lastFailureAt: at }, at + 365 * 86_400_000)).toEqual({ state: 'signInNeeded' });
  });
});
