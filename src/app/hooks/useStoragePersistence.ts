// Asks the browser once to keep this site's data even when the phone runs low on space
// (Safari otherwise deletes it after 7 days without a visit), and says what it answered.
import { useEffect, useState } from 'preact/hooks';
import { askToKeepData } from '../install/keepData.ts';

export type Persistence = 'persisted' | 'bestEffort' | 'unknown';

let asked: Promise<Persistence> | undefined;

function askOnce(): Promise<Persistence> {
  asked ??= 'storage' in navigator ? askToKeepData().then((kept) => (kept ? 'persisted' : 'bestEffort')) : Promise.resolve('unknown');
  return asked;
}

export function useStoragePersistence(): Persistence {
  const [state, setState] = useState<Persistence>('unknown');
  useEffect(() => {
    void askOnce().then(setState);
  }, []);
  return state;
}
