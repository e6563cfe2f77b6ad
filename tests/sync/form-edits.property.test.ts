// The sync protocol's promises through forms, as the app makes edits: each phone opens edit
// forms on records all three hold and saves them after syncs (its own and others') have
// changed the records under them. A form's save never drops a field that reached the phone
// while it was open; an overlap is put to the person, who keeps hers or closes the form; and
// after the network heals every change is on the server once and every phone converges.
import fc from 'fast-check';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInvariants, dev, pick, prepareTemplate, removeTemplate, RUNS, SEED, workDir, World, type Fault, type Step } from './protocol-world.ts';

beforeAll(prepareTemplate);
afterAll(removeTemplate);

describe('edits through forms left open (property)', () => {
  const formStepArb: fc.Arbitrary<Step> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ t: fc.constant('open' as const), dev, pick }) },
    {
      weight: 5,
      arbitrary: fc.record({
        t: fc.constant('save' as const),
        dev,
        pick,
        field: fc.constantFrom('title' as const, 'note' as const),
        viaForm: fc.constant(true),
        keepMine: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('save' as const),
        dev,
        pick,
        field: fc.constantFrom('title' as const, 'note' as const),
        viaForm: fc.constant(false),
        keepMine: fc.constant(false),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        t: fc.constant('sync' as const),
        dev,
        fault: fc.constantFrom<Fault>('none', 'none', 'loseResponse', 'dropRequest'),
        at: fc.integer({ min: 0, max: 1 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ t: fc.constant('resolve' as const), dev, keep: fc.constantFrom('mine' as const, 'theirs' as const) }) },
  );

  it(
    'edits saved from forms left open across syncs drop nothing that reached the phone meanwhile',
    async () => {
      let run = 0;
      let stale = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(formStepArb, { minLength: 8, maxLength: 30, size: 'medium' }), async (steps) => {
          const world = new World(join(workDir, `form-run-${run++}.sqlite`));
          await world.start({ shared: true });
          try {
            for (const step of steps) await world.run(step);
            await world.drain();
            await checkInvariants(world);
            stale += world.staleFormSaves;
          } finally {
            await world.close();
          }
        }),
        { numRuns: Math.ceil(RUNS / 8), seed: SEED, endOnFailure: false, verbose: 1 },
      );
      // The runs did reach the case at stake: saves from forms whose record had changed under them.
      expect(stale).toBeGreaterThan(0);
    },
    Math.max(600_000, RUNS * 400),
  );
});
