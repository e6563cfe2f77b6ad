// A gate a test puts in front of the push writer's WAL flush (walFlush.ts), across threads: the
// test opens it from its own thread; the writer's thread waits at it in each flush asked for (a
// group's answers, a pull's answer). So the durability test runs on the thread production runs.
// Two counters in shared memory: [0] open (0 shut, 1 open), [1] flushes that have reached it.

/** Node 20 has Atomics.waitAsync; the ES2022 library the server compiles against does not name it. */
const waitAsync = (Atomics as unknown as { waitAsync(cells: Int32Array, index: number, value: number): { value: Promise<string> | string } }).waitAsync;

export class FlushGate {
  readonly cells: Int32Array;

  constructor(buffer: SharedArrayBuffer = new SharedArrayBuffer(8)) {
    this.cells = new Int32Array(buffer);
  }

  get buffer(): SharedArrayBuffer {
    return this.cells.buffer as SharedArrayBuffer;
  }

  /** How many flushes have come to the gate so far (each one asked for, not each fsync). */
  get arrivals(): number {
    return Atomics.load(this.cells, 1);
  }

  open(): void {
    Atomics.store(this.cells, 0, 1);
    Atomics.notify(this.cells, 0);
  }

  /** The writer's side: counts this flush, then waits until the gate is open. */
  async pass(): Promise<void> {
    Atomics.add(this.cells, 1, 1);
    while (Atomics.load(this.cells, 0) === 0) await waitAsync(this.cells, 0, 0).value;
  }
}
