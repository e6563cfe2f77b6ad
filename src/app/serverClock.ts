// Now and today as the server counts them: the phone's clock corrected by the offset the sync
// last learnt (src/domain/clock.ts), or the phone's own clock before any sync. What a form
// refuses as "after today" comes from here.
import { correctedNow, dayInVietnam, type LocalDate } from '../domain/index.ts';
import type { SyncEngine } from '../sync/index.ts';

export function serverNow(engine: SyncEngine): Date {
  return correctedNow(Date.now(), engine.status.get().clockOffsetMs);
}

export function serverToday(engine: SyncEngine): LocalDate {
  return dayInVietnam(serverNow(engine));
}
