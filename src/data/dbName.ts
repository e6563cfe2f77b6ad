// The names of the phone's databases, apart from Dexie: the sign-in screen knows them without
// loading the database code.

/** The one database of a phone from before accounts had their own. */
export const DEFAULT_DB_NAME = 'so-tay-binh-dang';

/** Each account on a shared phone has its own database: nobody else's records in it. */
export function dbNameFor(userId: string): string {
  return `${DEFAULT_DB_NAME}:${userId}`;
}
