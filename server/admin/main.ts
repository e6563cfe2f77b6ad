// The operator's command line: `npm run admin -- <command>` on the server machine, over the
// database the server uses (DATABASE_URL, else DATA_DIR/notebook.sqlite). It migrates first, as
// the server does. Exit 0: done (or already so); 1: refused, nothing changed; 2: bad usage.
import { parseArgs } from 'node:util';
import { DEFAULT_ENROLMENT_SETTINGS } from '../auth/enrolmentCodes.ts';
import { openStoreAt, storeLocation } from '../store/open.ts';
import { checkValues, commands, usage, type Command } from './commands.ts';
import { operatorId, Refusal } from './operator.ts';

function fail(message: string, code: number): never {
  console.error(`Error: ${message}`);
  process.exit(code);
}

const [group, verb, ...rest] = process.argv.slice(2);
const command: Command | undefined = commands[`${group} ${verb}`];
if (!command) fail(`unknown command "${[group, verb].filter(Boolean).join(' ')}"\n${usage()}`, 2);

let values: Record<string, string>;
try {
  const options = Object.fromEntries(Object.keys(command.options).map((name) => [name, { type: 'string' as const }]));
  const parsed = parseArgs({ args: rest, options, strict: true, allowPositionals: false });
  values = checkValues(command, parsed.values as Record<string, string | undefined>);
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n  ${command.usage}`, error instanceof Refusal ? 1 : 2);
}

const store = openStoreAt(storeLocation(process.env));
let exitCode = 0;
try {
  const applied = await store.migrate();
  if (applied.length > 0) console.log(`Database updated: ${applied.join(', ')}`);
  const lines = await command.run(
    { db: store.db, operator: operatorId(process.env), now: () => new Date(), codeLifetimeMs: DEFAULT_ENROLMENT_SETTINGS.codeLifetimeMs },
    values,
  );
  for (const line of lines) console.log(line);
} catch (error) {
  if (!(error instanceof Refusal)) throw error;
  console.error(`Error: ${error.message}`);
  exitCode = 1;
} finally {
  await store.close();
}
process.exit(exitCode);
