// Signing out of a shared phone. The session ends on the server (and its cookie with it) and
// the vault's key leaves memory. Records not yet sent stay in this account's own database,
// their notes sealed under its PIN, and go out when the owner signs in again; with nothing
// waiting, the account's database is removed from the phone.
import { clearApiCaches, deleteNotebookDb, outboxSize, type PhoneStore } from '../../data/index.ts';
import { signOutOnServer } from '../../sync/index.ts';
import type { OpenAccount } from '../lock/vaultSession.ts';

export async function signOutOfPhone(phone: PhoneStore, open: OpenAccount): Promise<{ kept: boolean }> {
  const { db, account } = open;
  // Offline: the server's session ends by itself (90 days); the next sign-in replaces the cookie.
  await signOutOnServer('').catch(() => false);
  const waiting = (await outboxSize(db)) + (await db.drafts.count());
  db.vaultKey = undefined;
  await phone.clearSession();
  await clearApiCaches().catch(() => undefined);
  if (waiting > 0) return { kept: true };
  await deleteNotebookDb(account.dbName);
  await phone.forgetAccount(account.userId);
  return { kept: false };
}
