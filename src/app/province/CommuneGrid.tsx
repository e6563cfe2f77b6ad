// Communes × indicators for the chosen period. A cell below the commune's own target is marked
// by a red border and "!" (not by colour alone), as on the office view; its title gives the
// target. A commune with no figures for the period says so under its name.
import { percentOf } from '../../domain/indicators/index.ts';
import { isBehind } from '../../domain/indicators/values.ts';
import type { IndicatorId } from '../../domain/plan/index.ts';
import { provinceIndicatorIds } from '../../domain/province/index.ts';
import type { ProvinceCell, ProvinceCommuneRow } from '../../domain/province/index.ts';
import { fill, formatNumber, text } from '../i18n/index.ts';
import { provinceVi as t } from '../i18n/province.vi.ts';

const shown: readonly IndicatorId[] = provinceIndicatorIds;

function valueText(id: IndicatorId, cell: ProvinceCell): string {
  const value = cell.value;
  if (value.kind === 'noData') return '';
  if (value.kind === 'count') return formatNumber(value.count);
  if (value.denominator === 0) return '—';
  if (id === 'householdsReached') {
    return `${formatNumber(percentOf({ kind: 'ratio', numerator: value.numerator, denominator: value.denominator, recordIds: [] }) ?? 0)}%`;
  }
  return `${formatNumber(value.numerator)}/${formatNumber(value.denominator)}`;
}

function Cell(props: { id: IndicatorId; cell: ProvinceCell }) {
  const behind = isBehind(props.cell.verdict);
  const value = props.cell.value;
  const pending = value.kind === 'ratio' && value.pending > 0 ? fill(t.pending, { n: value.pending }) : '';
  const title = [behind ? text.office.behind : '', pending].filter(Boolean).join(' · ');
  return (
    <td class={behind ? 'behind' : undefined} data-indicator={props.id} data-verdict={props.cell.verdict} title={title || undefined}>
      {valueText(props.id, props.cell)}
      {behind && (
        <span class="behind-mark" aria-label={text.office.behind}>
          {' '}
          !
        </span>
      )}
    </td>
  );
}

export function CommuneGrid(props: { communes: ProvinceCommuneRow[] }) {
  return (
    // Scrolls sideways on a phone: focusable, so the keyboard can scroll it too.
    <div class="grid-scroll" tabIndex={0} role="region" aria-label={t.tableTitle}>
      <table class="indicator-grid province-grid">
        <thead>
          <tr>
            <th scope="col">{t.commune}</th>
            {shown.map((id) => (
              <th scope="col" key={id}>
                {text.office.indicators[id]}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.communes.map((row) => (
            <tr key={row.communeId} data-commune-id={row.communeId} class={row.reported ? undefined : 'not-reported'}>
              <th scope="row">
                {row.communeName}
                {!row.reported && <small>{t.notReportedMark}</small>}
              </th>
              {shown.map((id) => (
                <Cell key={id} id={id} cell={row.cells[id]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
