// The officer's list of village units: add one, change its name, type or households, retire
// it, or merge it into another; and the commune's list of unit types. Changes go to the
// server, so they need a connection.
import { useState } from 'preact/hooks';
import type { SetupUnit } from '../../../domain/setup/units.ts';
import type { UnitType } from '../../../domain/setup/unitTypes.ts';
import { useConnection } from '../../hooks/useConnection.ts';
import { formatDate } from '../../i18n/dateText.ts';
import { fill, text } from '../../i18n/index.ts';
import { UnitTypesEditor } from './UnitTypesEditor.tsx';
import type { UnitOutcome, useUnits } from './useUnits.ts';

type Units = ReturnType<typeof useUnits>;

const fieldNames: Record<string, string> = {
  id: text.office.unitId,
  name: text.office.unitName,
  type: text.office.unitType,
  households: text.office.unitHouseholds,
  into: text.office.unitMerge,
};

function outcomeText(outcome: UnitOutcome): { kind: 'ok' | 'error'; text: string } {
  if (outcome.ok) return { kind: 'ok', text: text.office.unitDone };
  if ('failed' in outcome) return { kind: 'error', text: text.office.unitFailed };
  if (outcome.code === 'unit_exists') return { kind: 'error', text: text.office.unitTaken };
  return { kind: 'error', text: fill(text.office.unitInvalid, { fields: outcome.fields.map((f) => fieldNames[f] ?? f).join(', ') }) };
}

const value = (e: Event) => (e.target as HTMLInputElement | HTMLSelectElement).value;

/** The commune's types in service, and the unit's own type even if it was retired since. */
function TypeSelect(props: { value: string; onChange: (value: string) => void; label: string; types: UnitType[] }) {
  const shown = props.types.filter((t) => !t.retired || t.id === props.value);
  return (
    <select aria-label={props.label} value={props.value} onChange={(e) => props.onChange(value(e))}>
      {!shown.some((t) => t.id === props.value) && <option value={props.value}>{props.value}</option>}
      {shown.map((t) => (
        <option key={t.id} value={t.id}>
          {t.retired ? fill(text.office.typeRetiredMark, { name: t.name }) : t.name}
        </option>
      ))}
    </select>
  );
}

function UnitRow(props: { unit: SetupUnit; all: SetupUnit[]; units: Units; disabled: boolean; report: (o: UnitOutcome) => void }) {
  const { unit, all } = props;
  const [draft, setDraft] = useState({ name: unit.name, type: unit.type, households: String(unit.households) });
  const [into, setInto] = useState('');
  if (unit.retired) {
    const target = all.find((u) => u.id === unit.mergedInto);
    return (
      <li class="unit-row retired" data-unit={unit.id}>
        <strong>{unit.name}</strong> · {target ? fill(text.office.unitMergedInto, { name: target.name }) : text.office.unitRetired}
      </li>
    );
  }
  const others = all.filter((u) => !u.retired && u.type !== 'commune' && u.id !== unit.id);
  return (
    <li class="unit-row" data-unit={unit.id}>
      {unit.startedOn && <small class="unit-start">{fill(text.office.unitStartedOn, { date: formatDate(unit.startedOn) })}</small>}
      <input aria-label={`${text.office.unitName} ${unit.id}`} value={draft.name} onInput={(e) => setDraft({ ...draft, name: value(e) })} />
      <TypeSelect label={`${text.office.unitType} ${unit.id}`} types={props.units.types} value={draft.type} onChange={(type) => setDraft({ ...draft, type })} />
      <input
        aria-label={`${text.office.unitHouseholds} ${unit.id}`}
        type="number"
        inputMode="numeric"
        min={0}
        value={draft.households}
        onInput={(e) => setDraft({ ...draft, households: value(e) })}
      />
      <button
        class="secondary"
        disabled={props.disabled}
        onClick={async () => props.report(await props.units.change(unit.id, { name: draft.name, type: draft.type, households: Number(draft.households) }))}
      >
        {text.office.unitSave}
      </button>
      <button
        class="danger"
        disabled={props.disabled}
        onClick={async () => confirm(fill(text.office.unitConfirmRetire, { name: unit.name })) && props.report(await props.units.retire(unit.id))}
      >
        {text.office.unitRetire}
      </button>
      <select aria-label={`${text.office.unitMerge} ${unit.id}`} value={into} onChange={(e) => setInto(value(e))}>
        <option value="">{text.office.unitMerge}…</option>
        {others.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </select>
      <button
        class="secondary"
        disabled={props.disabled || !into}
        onClick={async () => {
          const target = others.find((u) => u.id === into);
          if (target && confirm(fill(text.office.unitConfirmMerge, { name: unit.name, into: target.name })))
            props.report(await props.units.merge(unit.id, into));
        }}
      >
        {text.office.unitMergeButton}
      </button>
    </li>
  );
}

export function UnitSetup(props: { units: Units }) {
  const online = useConnection();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const firstType = props.units.types.find((t) => !t.retired)?.id ?? '';
  const [fresh, setFresh] = useState({ id: '', name: '', type: '', households: '' });
  const all = props.units.units;
  const report = (outcome: UnitOutcome) => setMessage(outcomeText(outcome));
  return (
    <details class="unit-setup">
      <summary>{text.office.unitsEdit}</summary>
      {!online && <p class="notice warn">{text.office.unitsOffline}</p>}
      {message && (
        <p class={message.kind === 'ok' ? 'notice ok' : 'notice error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <ul class="unit-list">
        {all
          .filter((u) => u.type !== 'commune')
          .map((u) => (
            <UnitRow key={`${u.id}-${u.name}-${u.households}-${u.retired}`} unit={u} all={all} units={props.units} disabled={!online} report={report} />
          ))}
      </ul>
      <form
        class="unit-add"
        onSubmit={async (e) => {
          e.preventDefault();
          const outcome = await props.units.add({
            id: fresh.id.trim(),
            name: fresh.name,
            type: fresh.type || firstType,
            households: Number(fresh.households || 0),
          });
          report(outcome);
          if (outcome.ok) setFresh({ id: '', name: '', type: fresh.type, households: '' });
        }}
      >
        <label class="field">
          <span>{text.office.unitId}</span>
          <input value={fresh.id} onInput={(e) => setFresh({ ...fresh, id: value(e) })} />
          {/* The server puts the commune's id in front (communeUnitId): another commune's codes never clash. */}
          <small class="muted">{fill(text.office.unitIdHint, { commune: all.find((u) => u.type === 'commune')?.id ?? '' })}</small>
        </label>
        <label class="field">
          <span>{text.office.unitName}</span>
          <input value={fresh.name} onInput={(e) => setFresh({ ...fresh, name: value(e) })} />
        </label>
        <label class="field">
          <span>{text.office.unitType}</span>
          <TypeSelect
            label={text.office.unitType}
            types={props.units.types}
            value={fresh.type || firstType}
            onChange={(type) => setFresh({ ...fresh, type })}
          />
        </label>
        <label class="field">
          <span>{text.office.unitHouseholds}</span>
          <input type="number" inputMode="numeric" min={0} value={fresh.households} onInput={(e) => setFresh({ ...fresh, households: value(e) })} />
        </label>
        <button class="primary" type="submit" disabled={!online}>
          {text.office.unitAdd}
        </button>
      </form>
      <UnitTypesEditor types={props.units.types} disabled={!online} save={props.units.saveTypes} />
    </details>
  );
}
