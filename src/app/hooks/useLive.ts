// Subscribes a component to a live query from src/data.
import { useEffect, useState } from 'preact/hooks';
import type { Subscribable } from '../../data/index.ts';

export function useLive<T>(make: () => Subscribable<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = make().subscribe({ next: setValue, error: (error) => console.error(error) });
    return () => subscription.unsubscribe();
  }, deps);
  return value;
}
