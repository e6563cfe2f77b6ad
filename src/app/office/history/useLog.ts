// One of the officer's two logs (the audit trail, the reads of violence cases), loaded on
// demand from the server a page at a time, newest first: `next` is the `before` of the next page.
import { useState } from 'preact/hooks';
import type { Parser } from '../../../sync/index.ts';
import { useServices } from '../../services.ts';

export interface LogPage<E, C> {
  entries: E[];
  next: C | null;
}

export function useLog<E, C extends string | number>(path: string, schema: Parser<LogPage<E, C>>) {
  const { api } = useServices();
  const [entries, setEntries] = useState<E[] | undefined>(undefined);
  const [next, setNext] = useState<C | null>(null);
  const [failed, setFailed] = useState(false);
  async function load(before: C | null) {
    const query = before === null ? '' : `?before=${encodeURIComponent(String(before))}`;
    const answer = await api.get(`${path}${query}`, schema);
    setFailed(!answer.ok);
    if (!answer.ok) return;
    setEntries((before === null ? [] : (entries ?? [])).concat(answer.value.entries));
    setNext(answer.value.next);
  }
  return { entries, next, failed, load };
}
