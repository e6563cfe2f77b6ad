// `npm run bench` (after the build): the benchmarks that matter, one after the other, each in
// its own process — the first load's gzip bytes, the app shell's time to interactive, our sync
// against PouchDB's, the office on a large commune — then one results file with every table,
// tests/bench/results/bench.md. The PostgreSQL growth benchmark stays apart (bench:pg).
// `--only=sync -- --only=load --write`: runs only the parts whose script names contain `sync`
// (with the arguments after `--`), and keeps the other parts' sections of bench.md as they were.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

interface Part {
  title: string;
  script: string;
  /** A markdown file the part writes; otherwise its printed output goes in as it is. */
  writes?: string;
}

const PARTS: Part[] = [
  { title: 'First load of the app shell (gzip bytes, budget 90 kB)', script: 'tests/bench/first-load.ts' },
  { title: 'App shell: time to interactive', script: 'tests/bench/app-shell.ts', writes: 'tests/bench/results/app-shell.md' },
  { title: 'Sync: ours against PouchDB', script: 'tests/bench/sync.bench.ts', writes: 'tests/bench/results/sync.md' },
  { title: 'Office on a large commune', script: 'tests/bench/office.bench.ts' },
];

const ONLY = process.argv
  .find((arg) => arg.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');
const PASSED = process.argv.includes('--') ? process.argv.slice(process.argv.indexOf('--') + 1) : [];
const BENCH_MD = 'tests/bench/results/bench.md';

/** The section of an earlier bench.md under a part's title, up to the next part's. */
function earlierSection(part: Part): string {
  const text = existsSync(BENCH_MD) ? readFileSync(BENCH_MD, 'utf8') : '';
  const start = text.indexOf(`## ${part.title}\n`);
  if (start < 0) throw new Error(`${BENCH_MD} has no section "${part.title}" to keep: run every part`);
  const ends = PARTS.map((other) => text.indexOf(`\n## ${other.title}\n`, start + 1)).filter((end) => end > start);
  return text.slice(start, ends.length > 0 ? Math.min(...ends) : undefined).trim();
}

function run(script: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...PASSED], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += String(chunk);
      process.stdout.write(chunk);
    });
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} could not run (exit ${code})`))));
  });
}

const started = Date.now();
const sections: string[] = [];
for (const part of PARTS) {
  if (ONLY && !ONLY.some((name) => part.script.includes(name))) {
    sections.push(earlierSection(part));
    continue;
  }
  const partStarted = Date.now();
  console.log(`\n=== ${part.title} (${part.script})`);
  const output = await run(part.script);
  const minutes = ((Date.now() - partStarted) / 60_000).toFixed(1);
  const body = part.writes ? readFileSync(part.writes, 'utf8').trim() : `\`\`\`\n${output.trim()}\n\`\`\``;
  sections.push(`## ${part.title}\n\n_${part.script}, ${minutes} min_\n\n${body}`);
}
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
const text = `# Benchmarks (${new Date().toISOString()}, ${minutes} min in all)\n\nMachine: ${process.platform}, Node ${process.version}. Figures are medians; every comparison is a ratio measured in the same run.\n\n${sections.join('\n\n')}\n`;
mkdirSync('tests/bench/results', { recursive: true });
writeFileSync('tests/bench/results/bench.md', text);
console.log(`\nWritten: tests/bench/results/bench.md (${minutes} min in all)`);
