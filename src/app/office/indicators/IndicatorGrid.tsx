// Units × indicators for the chosen period. A cell behind its target is marked by a red
// border and "!" (not by colour alone); its title says how many records it came from.
import { useState } from 'preact/hooks';
import { isBehind, percentOf, type IndicatorCell, type IndicatorTable, type RecordEntry, type UnitEntry } from '../../../domain/indicators/index.ts';
import { CellRecords } from './CellRecords.tsx';
import { effectiveTarget, indicatorIds, indicatorsWithoutData, type IndicatorId, type Plan, type Target } from '../../../domain/plan/index.ts';
import { fill, formatNumber, text } from '../../i18n/index.ts';

/** "Phường Nam Gia Nghĩa" reads "phường Nam Gia Nghĩa" inside a phrase. */
const lowerFirst = (name: string) => name.charAt(0).toLowerCase() + name.slice(1);

const shown = indicatorIds.filter((id) => !indicatorsWithoutData.includes(id));

function targetLabel(target: Target | null): string {
  if (!target) return '';
  const template = target.kind === 'percent' ? text.office.percent : target.kind === 'countPerQuarter' ? text.office.perQuarter : text.office.perYear;
  const figure = fill(template, { n: target.min });
  return fill(text.office.planTarget, { target: target.compare === 'moreThan' ? fill(text.office.moreThan, { target: figure.replace('≥ ', '') }) : figure });
}

function valueText(id: IndicatorId, cell: IndicatorCell): string {
  const value = cell.value;
  if (value.kind === 'noData') return '';
  if (value.kind === 'count') return String(value.count);
  if (value.denominator === 0) return '—';
  if (id === 'householdsReached') return `${formatNumber(percentOf(value) ?? 0)}%`;
  return `${value.numerator}/${value.denominator}`;
}

function Cell(props: { id: IndicatorId; cell: IndicatorCell; onPick: (ids: string[], missingIds: string[]) => void }) {
  const behind = isBehind(props.cell.verdict);
  const value = props.cell.value;
  // Records the rule cannot count until the officer fills them in (a case's prosecution not known).
  const missingIds = value.kind === 'ratio' ? (value.missingIds ?? []) : [];
  const listed = value.kind === 'noData' ? [] : [...value.recordIds, ...missingIds];
  const count = listed.length;
  const records = fill(text.office.recordsBehind, { n: count });
  const missing = missingIds.length > 0 ? fill(text.office.missingCount, { n: missingIds.length }) : '';
  const title = [behind ? text.office.behind : '', records, missing].filter(Boolean).join(' · ');
  return (
    <td
      class={behind ? 'behind' : undefined}
      data-indicator={props.id}
      data-verdict={props.cell.verdict}
      data-missing={missingIds.length || undefined}
      title={title}
    >
      {count > 0 ? (
        <button class="cell-link" onClick={() => props.onPick(listed, missingIds)}>
          {valueText(props.id, props.cell)}
        </button>
      ) : (
        valueText(props.id, props.cell)
      )}
      {behind && (
        <span class="behind-mark" aria-label={text.office.behind}>
          {' '}
          !
        </span>
      )}
      {missing && <small class="missing-note">{missing}</small>}
    </td>
  );
}

export function IndicatorGrid(props: { table: IndicatorTable; plan: Plan; communeName: string; records: RecordEntry[]; units: UnitEntry[] }) {
  const targets = new Map(props.plan.indicators.map((i) => [i.id, effectiveTarget(i)]));
  const [picked, setPicked] = useState<{ title: string; ids: string[]; missingIds: string[] } | null>(null);
  const pick = (scope: string, id: IndicatorId) => (ids: string[], missingIds: string[]) =>
    setPicked({ title: `${scope} · ${text.office.indicators[id]}`, ids, missingIds });
  const totalName = fill(text.office.communeTotal, { name: lowerFirst(props.communeName) });
  return (
    <>
      <div class="grid-scroll">
        <table class="indicator-grid">
          <thead>
            <tr>
              <th scope="col">{text.office.unit}</th>
              {shown.map((id) => (
                <th scope="col" key={id}>
                  {text.office.indicators[id]}
                  <small>{targetLabel(targets.get(id) ?? null)}</small>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr class="total" data-unit-id="">
              <th scope="row">{totalName}</th>
              {shown.map((id) => (
                <Cell key={id} id={id} cell={props.table.commune[id]} onPick={pick(totalName, id)} />
              ))}
            </tr>
            {props.table.rows.map((row) => (
              <tr key={row.unit.id} data-unit-id={row.unit.id}>
                <th scope="row">{row.unit.name}</th>
                {shown.map((id) => (
                  <Cell key={id} id={id} cell={row.cells[id]} onPick={pick(row.unit.name, id)} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {picked && (
        <CellRecords
          title={picked.title}
          ids={picked.ids}
          missingIds={picked.missingIds}
          records={props.records}
          units={props.units}
          onClose={() => setPicked(null)}
        />
      )}
      <p class="muted">{text.office.legend}</p>
      {indicatorsWithoutData.length > 0 && (
        <p class="muted">
          {text.office.noDataTitle} {indicatorsWithoutData.map((id) => text.office.indicators[id]).join('; ')}.
        </p>
      )}
    </>
  );
}
