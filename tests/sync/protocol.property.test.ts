// A property test of the whole sync protocol: the real server code in-process over a real
// SQLite file, the real phone data layer and sync engine over fake-indexeddb, and a network
// that drops requests, loses responses after the server applied them, delivers twice, and
// replays old requests late; the server restarts between steps. After every random run the
// network heals and all phones drain; then every change saved on any phone is on the server
// exactly once, every phone agrees with the server, and a conflict keeps both versions.
// Edits are made as the app makes them too: through a form opened on a revision that a sync,
// or another edit, may replace before the form is saved; such a save never drops a field the
// form did not touch, and an overlap is put to the person (who keeps hers or gives up).
// PROPERTY_RUNS sets the number of runs (npm run test:property runs many more); a failure
// prints fast-check's seed and path, and PROPERTY_SEED replays one.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { checkInvariants, dev, pick, prepareTemplate, removeTemplate, RUNS, SEED, workDir, World, type Fault, type Step } from './protocol-world.ts';

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ t: fc.constant('open' as const), dev, pick }) },
  {
    weight: 5,
    arbitrary: fc.record({
      t: fc.constant('save' as const),
      dev,
      pick,
      field: fc.constantFrom('title' as const, 'note' as const),
      viaForm: fc.boolean(),
      keepMine: fc.boolean(),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('delete' as const), dev, pick }) },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('sync' as const),
      dev,
      fault: fc.constantFrom<Fault>('none', 'none', 'dropRequest', 'loseResponse', 'deliverTwice'),
      at: fc.integer({ min: 0, max: 2 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('replay' as const), pick: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('resolve' as const), dev, keep: fc.constantFrom('mine' as const, 'theirs' as const) }) },
  { weight: 1, arbitrary: fc.constant({ t: 'restart' as const }) },
);

beforeAll(prepareTemplate);
afterAll(removeTemplate);

describe('the sync protocol under faults (property)', () => {
  it(
    'after the network heals, every change is on the server once and every phone converges',
    async () => {
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(stepArb, { minLength: 1, maxLength: 40 }), async (steps) => {
          const world = new World(join(workDir, `run-${run++}.sqlite`));
          await world.start();
          try {
            for (const step of steps) await world.run(step);
            await world.drain();
            await checkInvariants(world);
          } finally {
            await world.close();
          }
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: false, verbose: 1 },
      );
    },
    Math.max(600_000, RUNS * 400),
  ); // under load a run can take a quarter of a second
});
