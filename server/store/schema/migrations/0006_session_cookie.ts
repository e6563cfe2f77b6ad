// Migration 0006_session_cookie: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // A device's session ends at this time unless used again (it slides on use); null for
      // sessions made before expiry existed, which get a time on their next use.
      await db.schema.alterTable('devices').addColumn('session_expires_at', 'text').execute();
    },
  };
}
