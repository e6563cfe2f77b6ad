// The officer edits the year's targets, the days that make a case "handled in time" and the
// report deadlines; checked with the plan's schema before it is sent, saved on the server.
import { useEffect, useState } from 'preact/hooks';
import { comparisons, type Comparison, type IndicatorId, type Plan, type Target } from '../../../domain/plan/index.ts';
import { useConnection } from '../../hooks/useConnection.ts';
import { fill, text } from '../../i18n/index.ts';
import type { SaveOutcome } from './usePlan.ts';

const unitText = (target: Target) =>
  target.kind === 'percent' ? text.office.unitPercent : target.kind === 'countPerQuarter' ? text.office.unitPerQuarter : text.office.unitPerYear;

function fieldName(path: string, plan: Plan): string {
  const match = /^indicators\.(\d+)/.exec(path);
  const indicator = match ? plan.indicators[Number(match[1])] : undefined;
  if (indicator) return text.office.indicators[indicator.id];
  if (path === 'handledInTimeDays') return text.office.handledInTimeDays;
  if (path === 'deadlines.unitsToCommune') return text.office.unitsToCommuneDeadline;
  if (path === 'deadlines.communeToProvince') return text.office.communeToProvinceDeadline;
  return path;
}

export function PlanEditor(props: { plan: Plan; saved: boolean; save(plan: Plan): Promise<SaveOutcome> }) {
  const online = useConnection();
  const [draft, setDraft] = useState<Plan>(props.plan);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => setDraft(props.plan), [props.plan]);

  const setTarget = (id: IndicatorId, change: Partial<Pick<Target, 'min' | 'compare'>>) =>
    setDraft({ ...draft, indicators: draft.indicators.map((i) => (i.id === id && i.target ? { ...i, target: { ...i.target, ...change } } : i)) });

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    const outcome = await props.save(draft);
    setBusy(false);
    if (outcome.ok) setMessage({ kind: 'ok', text: text.office.planSaved });
    else if ('fields' in outcome)
      setMessage({ kind: 'error', text: fill(text.office.planInvalid, { fields: outcome.fields.map((f) => fieldName(f, draft)).join(', ') }) });
    else setMessage({ kind: 'error', text: text.office.planFailed });
  }

  return (
    <details class="plan-editor">
      <summary>{text.office.planEdit}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        {draft.indicators.map((indicator) => (
          <label class="field" key={indicator.id}>
            <span>{text.office.indicators[indicator.id]}</span>
            {indicator.target ? (
              <span class="plan-target">
                <small>{unitText(indicator.target)}</small>
                <input
                  type="number"
                  inputMode="numeric"
                  min={0}
                  max={indicator.target.kind === 'percent' ? 100 : undefined}
                  value={indicator.target.min}
                  onInput={(e) => setTarget(indicator.id, { min: Number((e.target as HTMLInputElement).value) })}
                />
                <select
                  aria-label={`${text.office.compareLabel}: ${text.office.indicators[indicator.id]}`}
                  value={indicator.target.compare ?? 'atLeast'}
                  onChange={(e) => setTarget(indicator.id, { compare: (e.target as HTMLSelectElement).value as Comparison })}
                >
                  {comparisons.map((c) => (
                    <option key={c} value={c}>
                      {text.office.compare[c]}
                    </option>
                  ))}
                </select>
              </span>
            ) : (
              <small class="hint">
                {text.office.noTarget}
                {indicator.provinceTarget && ` · ${fill(text.office.provinceTarget, { target: `${indicator.provinceTarget.min}%` })}`}
              </small>
            )}
          </label>
        ))}
        <label class="field">
          <span>{text.office.handledInTimeDays}</span>
          <input
            type="number"
            inputMode="numeric"
            min={0}
            value={draft.handledInTimeDays}
            aria-describedby="handled-in-time-hint"
            onInput={(e) => setDraft({ ...draft, handledInTimeDays: Number((e.target as HTMLInputElement).value) })}
          />
          <small class="hint" id="handled-in-time-hint">
            {fill(text.office.handledInTimeHint, { n: draft.handledInTimeDays })}
          </small>
        </label>
        <div class="row">
          <label class="field">
            <span>{text.office.unitsToCommuneDeadline}</span>
            <input
              type="date"
              value={draft.deadlines.unitsToCommune}
              onInput={(e) => setDraft({ ...draft, deadlines: { ...draft.deadlines, unitsToCommune: (e.target as HTMLInputElement).value } })}
            />
          </label>
          <label class="field">
            <span>{text.office.communeToProvinceDeadline}</span>
            <input
              type="date"
              value={draft.deadlines.communeToProvince}
              onInput={(e) => setDraft({ ...draft, deadlines: { ...draft.deadlines, communeToProvince: (e.target as HTMLInputElement).value } })}
            />
          </label>
        </div>
        {!online && <p class="notice warn">{text.office.planOffline}</p>}
        {message && (
          <p class={message.kind === 'ok' ? 'notice ok' : 'notice error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
            {message.text}
          </p>
        )}
        <button class="primary" type="submit" disabled={!online || busy}>
          {busy ? text.office.planSaving : text.office.planSave}
        </button>
      </form>
    </details>
  );
}
