// Subscribes a component to a live query from src/data.
import { useEffect, useState } from 'preact/hooks';
import type { Subscribable } from '../../data/index.ts';

export function useLive<T>(make: () => Subscribable<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = make().subscribe({ next: setValue, error: (error) => console.error(error) });
    return () => subscription.unsubscribe();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps, checked at each call (additionalHooks in eslint.config.js)
  }, deps);
  return value;
}
