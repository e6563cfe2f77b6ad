// The vault chunk, with the database code: opening the vault after a sign-in or with the PIN,
// the wipe of a lost phone, and the unsent records kept on the phone. Loaded while the lock or
// the sign-in screen is shown, never before it.
import { notebookDb, outboxSize, wipeLocalData, type PhoneStore } from '../../data/index.ts';
import type { ProfileResponse } from '../../domain/index.ts';
import { fetchProfile } from '../../sync/session.ts';

export { completeSignIn, unlockWithPin } from './vaultSession.ts';

/**
 * A lost phone must wipe itself even if nobody can type its PIN: while locked, the app asks
 * the server who it is, and a revoked device's answer removes the account's data.
 */
export async function wipedWhileLocked(phone: PhoneStore, profile: ProfileResponse): Promise<boolean> {
  const outcome = await fetchProfile('').catch(() => undefined);
  if (!outcome || outcome.ok || outcome.status !== 401 || outcome.body.error !== 'device_revoked') return false;
  const account = await phone.account(profile.user.id);
  if (account) await wipeLocalData(notebookDb(account.dbName), phone.device(profile.user.id));
  await phone.forgetAccount(profile.user.id);
  return true;
}

/** The accounts whose unsent records this phone keeps for them (shown on the sign-in screen). */
export async function keptFor(phone: PhoneStore): Promise<string[]> {
  const names: string[] = [];
  for (const account of await phone.accounts()) {
    if ((await outboxSize(notebookDb(account.dbName))) > 0) names.push(account.displayName);
  }
  return names;
}
