// The village head's home: the quarter, the checklists the user keeps as tabs, a big "add" button
// and her list, its first rows on the first screen of a small phone (the plan card folds to a line).
import type { VNode } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { watchQuarter } from '../../data/index.ts';
import { dayInVietnam, kindsFor, parseQuarterKey, quarterKey, quarterOf, shiftQuarter, type RecordKind } from '../../domain/index.ts';
import { useLive } from '../hooks/useLive.ts';
import { text } from '../i18n/index.ts';
import { navigate, routeHref } from '../router.ts';
import { useServices } from '../services.ts';
import { InstallOffer } from '../install/InstallOffer.tsx';
import { prefs } from '../prefs.ts';
import { SignedInHeader } from '../SignedInHeader.tsx';
import { SyncBanner } from '../sync-status/SyncBanner.tsx';
import { PlacedReviewBanner } from '../review/ReviewBanner.tsx';
import { ClockWarning } from './ClockWarning.tsx';
import { Progress } from './Progress.tsx';
import { RecordList } from './RecordList.tsx';

export function Home(props: { route: { quarter?: string; kind?: RecordKind } }) {
  const { db, session } = useServices();
  const today = dayInVietnam(new Date());
  const current = quarterOf(today);
  const period = (props.route.quarter && parseQuarterKey(props.route.quarter)) || current;
  const quarter = quarterKey(period);
  // The checklist last opened comes back first: most village heads keep to one or two.
  const kind = props.route.kind ?? prefs.lastKind() ?? 'propagandaSession';
  useEffect(() => prefs.setLastKind(kind), [kind]);
  const [query, setQuery] = useState('');
  const records = useLive(() => watchQuarter(db, quarter, kind), [db, quarter, kind]);
  const unitName = session.units.find((u) => u.id === session.user.unitId)?.name ?? '';

  const screen = (reviewTop: VNode | null, reviewBottom: VNode | null) => (
    <main class="screen home">
      <SignedInHeader title={text.app.name} place={unitName} />
      <SyncBanner />
      <ClockWarning />
      <InstallOffer />
      {reviewTop}
      <Progress today={today} unitId={session.user.unitId} unitName={unitName} />
      <div class="tabs" role="tablist">
        {kindsFor(session.user.role).map((k) => (
          <a key={k} role="tab" aria-selected={k === kind} class={k === kind ? 'tab active' : 'tab'} href={routeHref({ screen: 'home', kind: k, quarter })}>
            {text.kindsPlural[k]}
          </a>
        ))}
      </div>
      {/* In the page, not floating over it: it never covers another button. */}
      <a class="primary big add-record" href={routeHref({ screen: 'new', kind })}>
        + {text.home.add}: {text.kinds[kind]}
      </a>
      {records && (
        <RecordList
          records={records}
          query={query}
          period={quarter === quarterKey(current) ? undefined : `${text.home.quarter} ${period.quarter}/${period.year}`}
          search={
            <input
              class="search"
              type="search"
              aria-label={text.search.label}
              placeholder={text.search.placeholder}
              value={query}
              onInput={(e) => setQuery(e.currentTarget.value)}
            />
          }
        />
      )}
      {/* Another quarter is rarely wanted: its arrows wait below the list; one not the current is named above it too. */}
      <nav class="quarter-nav" aria-label={text.home.quarter}>
        <button
          class="secondary"
          aria-label={text.home.previousQuarter}
          onClick={() => navigate({ screen: 'home', kind, quarter: quarterKey(shiftQuarter(period, -1)) })}
        >
          ‹
        </button>
        <strong>
          {text.home.quarter} {period.quarter}/{period.year}
        </strong>
        <button
          class="secondary"
          aria-label={text.home.nextQuarter}
          onClick={() => navigate({ screen: 'home', kind, quarter: quarterKey(shiftQuarter(period, 1)) })}
        >
          ›
        </button>
      </nav>
      {quarter !== quarterKey(current) && (
        <button class="secondary this-quarter" onClick={() => navigate({ screen: 'home', kind })}>
          {text.home.thisQuarter}
        </button>
      )}
      {reviewBottom}
    </main>
  );
  return session.user.role === 'villageHead' ? <PlacedReviewBanner period={quarter}>{screen}</PlacedReviewBanner> : screen(null, null);
}
