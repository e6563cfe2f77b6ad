// The app locks again when it comes back after some minutes out of sight (the phone put
// away, another app used): whoever picks the phone up next needs the PIN.
import { useEffect, useRef } from 'preact/hooks';

export const LOCK_AFTER_HIDDEN_MS = 5 * 60_000;

export function useAutoLock(lock: () => void, afterMs = LOCK_AFTER_HIDDEN_MS): void {
  const latest = useRef(lock);
  latest.current = lock;
  useEffect(() => {
    let hiddenAt: number | undefined;
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') {
        hiddenAt = Date.now();
      } else if (hiddenAt !== undefined) {
        const away = Date.now() - hiddenAt;
        hiddenAt = undefined;
        // A clock set back counts as long enough.
        if (away >= afterMs || away < 0) latest.current();
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [afterMs]);
}
