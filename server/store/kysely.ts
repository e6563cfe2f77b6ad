// A Store over any Kysely database with our schema: the queries do not depend on the engine.
import type { Kysely } from 'kysely';
import * as accounts from './accounts.ts';
import { engineTraits } from './engine.ts';
import type { Engine } from './engine.ts';
import { migrateToLatest } from './migrations.ts';
import { devicesWithGaps } from './devices.ts';
import { pullRecords, pushChanges } from './records.ts';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export function kyselyStore(db: Kysely<Database>, engine: Engine): Store {
  const traits = engineTraits(engine);
  return {
    engine,
    migrate: () => migrateToLatest(db as Kysely<unknown>, engine),
    hasAnyCommune: () => accounts.hasAnyCommune(db),
    seedCommune: (seed) => accounts.seedCommune(db, seed),
    findUserForSignIn: (username) => accounts.findUserForSignIn(db, username),
    bindDevice: (input) => accounts.bindDevice(db, input),
    findActor: (tokenHash) => accounts.findActor(db, tokenHash),
    loadProfile: (userId) => accounts.loadProfile(db, userId),
    push: (input) => pushChanges(db, traits, input),
    pull: (input) => pullRecords(db, input),
    devicesWithGaps: (communeId) => devicesWithGaps(db, communeId),
    close: () => db.destroy(),
  };
}
