// Migration 0002_record_versions: shipped, so never edited (the list and the rules: ../migrations.ts).
import { sql, type Kysely, type Migration } from 'kysely';

export function migration(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Every revision of every record: the base of a field-by-field merge, and the history.
      await db.schema
        .createTable('record_versions')
        .addColumn('record_id', 'text', (c) => c.notNull())
        .addColumn('rev', 'integer', (c) => c.notNull())
        .addColumn('deleted', 'integer', (c) => c.notNull())
        .addColumn('body', 'text')
        .addColumn('device_id', 'text', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('record_versions_pk', ['record_id', 'rev'])
        .execute();
      // Records written before this migration get their current revision as history.
      await sql`insert into record_versions (record_id, rev, deleted, body, device_id, user_id, received_at)
          select id, rev, deleted, body, last_device_id, last_user_id, received_at from records`.execute(db);
    },
  };
}
