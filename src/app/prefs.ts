// Small preferences of this phone's user interface (the last checklist opened, whether the
// install offer was put off). Not records: they live in localStorage and losing them costs
// nothing but a default.
import { recordKinds, type RecordKind } from '../domain/index.ts';

const KEY = 'so-tay-prefs';

interface Prefs {
  lastKind?: RecordKind;
  /** Phone time the user first saved a record: the moment to offer installing. */
  firstSaveAt?: string;
  /** Phone time the install offer was last put off; it comes back after a month. */
  installPutOffAt?: string;
  /** The home card of the plan opened in full (it is folded to one line otherwise). */
  planCardOpen?: boolean;
}

function read(): Prefs {
  try {
    return (JSON.parse(localStorage.getItem(KEY) ?? '{}') as Prefs) ?? {};
  } catch {
    return {};
  }
}

function write(change: Partial<Prefs>): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ ...read(), ...change }));
  } catch {
    // Storage full or blocked: a preference is not worth an error.
  }
}

const PUT_OFF_DAYS = 30;

export const prefs = {
  lastKind(): RecordKind | undefined {
    const kind = read().lastKind;
    return kind && recordKinds.includes(kind) ? kind : undefined;
  },
  setLastKind(kind: RecordKind): void {
    if (read().lastKind !== kind) write({ lastKind: kind });
  },
  planCardOpen(): boolean {
    return read().planCardOpen === true;
  },
  setPlanCardOpen(open: boolean): void {
    if (read().planCardOpen !== open) write({ planCardOpen: open });
  },
  hasSaved(): boolean {
    return read().firstSaveAt !== undefined;
  },
  noteSaved(now = new Date()): void {
    if (!read().firstSaveAt) write({ firstSaveAt: now.toISOString() });
  },
  installPutOff(now = new Date()): boolean {
    const at = read().installPutOffAt;
    return at !== undefined && now.getTime() - Date.parse(at) < PUT_OFF_DAYS * 86_400_000;
  },
  putOffInstall(now = new Date()): void {
    write({ installPutOffAt: now.toISOString() });
  },
};
