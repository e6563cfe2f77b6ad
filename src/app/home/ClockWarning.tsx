// Warns on the home screen when the phone's clock is more than a day off the server's (as the
// last sync measured it, kept across reloads): records would be dated by a wrong "today".
import { clockDriftDays } from '../../domain/index.ts';
import { useSyncStatus } from '../hooks/useSyncStatus.ts';
import { fill, text } from '../i18n/index.ts';
import { useServices } from '../services.ts';

export function ClockWarning() {
  const { engine } = useServices();
  const days = clockDriftDays(useSyncStatus(engine).clockOffsetMs);
  if (days === 0) return null;
  return (
    <p class="notice warn clock-warning" role="alert">
      {fill(text.home.clockOff, { n: days })}
    </p>
  );
}
