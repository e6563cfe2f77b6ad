// Opening the phone's vault: with the PIN typed on the lock screen (offline, counted), or
// right after an online sign-in or enrolment (the server has just checked the PIN): then the
// vault is made on the first sign-in, opened on later ones, and the count starts again.
import { createVault, newAccount, notebookDb, openVault, sealLeftoverNotes, type NotebookDb, type PhoneAccount, type PhoneStore } from '../../data/index.ts';
import type { ProfileResponse, SignInResponse } from '../../domain/index.ts';
import { pinGate, type PinGate } from './pinAttempts.ts';

export interface OpenAccount {
  account: PhoneAccount;
  profile: ProfileResponse;
  db: NotebookDb;
}

export type UnlockOutcome = { ok: true; open: OpenAccount } | { ok: false; gate: PinGate; failures: number };

/**
 * The success path of a sign-in or an enrolment: the account, its database and its vault on
 * this phone, the vault under the PIN just checked (sign-in) or just chosen (enrolment). An
 * enrolment types no user name: the one this phone knew for the account stays.
 */
export async function completeSignIn(
  phone: PhoneStore,
  input: { answer: SignInResponse; username?: string; pin: string; deviceId: string },
): Promise<OpenAccount> {
  const profile: ProfileResponse = { user: input.answer.user, units: input.answer.units };
  const userId = profile.user.id;
  const existing = await phone.account(userId);
  const account = newAccount(profile, input.username ?? existing?.username, existing);
  await phone.rememberAccount(account);
  // The device id the session is bound to is this account's from now on: the one sent, or a
  // fresh one the server made because the one sent is another account's or was revoked.
  const deviceId = input.answer.deviceId ?? input.deviceId;
  const device = phone.device(userId);
  if ((await device.deviceId()) !== deviceId) await phone.setDeviceId(userId, deviceId);
  const stored = await phone.vault(userId);
  let key = stored ? await openVault(stored, input.pin) : undefined;
  if (!key) {
    // First sign-in here (or a PIN changed on the server: sealed text of the old PIN cannot be opened).
    const made = await createVault(input.pin);
    await phone.setVault(userId, made.record);
    key = made.key;
  }
  await phone.setPinAttempts(userId, { failures: 0, lastFailureAt: 0 });
  await phone.setSession(profile);
  const db = notebookDb(account.dbName);
  db.vaultKey = key;
  await sealLeftoverNotes(db);
  return { account, profile, db };
}

/** The PIN typed on the lock screen, offline. */
export async function unlockWithPin(phone: PhoneStore, profile: ProfileResponse, pin: string, now = Date.now()): Promise<UnlockOutcome> {
  const userId = profile.user.id;
  const attempts = await phone.pinAttempts(userId);
  const gate = pinGate(attempts, now);
  if (gate.state !== 'open') return { ok: false, gate, failures: attempts.failures };
  const [stored, account] = await Promise.all([phone.vault(userId), phone.account(userId)]);
  const key = stored && account ? await openVault(stored, pin) : undefined;
  if (!key || !account) {
    const next = { failures: attempts.failures + 1, lastFailureAt: now };
    await phone.setPinAttempts(userId, next);
    return { ok: false, gate: pinGate(next, now), failures: next.failures };
  }
  await phone.setPinAttempts(userId, { failures: 0, lastFailureAt: 0 });
  const db = notebookDb(account.dbName);
  db.vaultKey = key;
  return { ok: true, open: { account, profile, db } };
}
