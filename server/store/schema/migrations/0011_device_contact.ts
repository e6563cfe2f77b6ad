// Migration 0011_device_contact: shipped, so never edited (the list and the rules: ../migrations.ts).
import { type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // What the officer tells phones apart by: the browser that signed in (its user agent,
      // as sent at sign-in) and when the phone was last in contact. Null on devices from before.
      await db.schema.alterTable('devices').addColumn('user_agent', 'text').execute();
      await db.schema.alterTable('devices').addColumn('last_seen_at', 'text').execute();
    },
  };
}
