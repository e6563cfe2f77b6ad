// Hash routes, so a reload (or the phone killing the tab) comes back to the same screen.
import { useEffect, useState } from 'preact/hooks';
import { recordKinds, type RecordKind } from '../domain/index.ts';

export type Route =
  { screen: 'home'; quarter?: string; kind?: RecordKind } | { screen: 'new'; kind: RecordKind } | { screen: 'record'; id: string } | { screen: 'help' };

const isKind = (value: string | null | undefined): value is RecordKind => recordKinds.includes(value as RecordKind);

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'new' && isKind(parts[1])) return { screen: 'new', kind: parts[1] };
  if (parts[0] === 'record' && parts[1]) return { screen: 'record', id: parts[1] };
  if (parts[0] === 'help') return { screen: 'help' };
  const params = new URLSearchParams(query);
  const kind = params.get('k');
  return { screen: 'home', quarter: params.get('q') ?? undefined, kind: isKind(kind) ? kind : undefined };
}

export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'new':
      return `#/new/${route.kind}`;
    case 'record':
      return `#/record/${route.id}`;
    case 'help':
      return '#/help';
    case 'home': {
      const params = new URLSearchParams();
      if (route.quarter) params.set('q', route.quarter);
      if (route.kind) params.set('k', route.kind);
      const query = params.toString();
      return query ? `#/?${query}` : '#/';
    }
  }
}

export function navigate(route: Route): void {
  location.hash = routeHref(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
