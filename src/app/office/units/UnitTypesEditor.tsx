// The commune's list of unit types: rename one, retire one, add one. Types are never removed
// (the server refuses it), so every unit keeps the name of its type.
import { useEffect, useState } from 'preact/hooks';
import { newUnitTypeId, type UnitType } from '../../../domain/setup/unitTypes.ts';
import { fill, text } from '../../i18n/index.ts';
import type { UnitOutcome } from './useUnits.ts';

const fieldText = (path: string) => {
  const names = text.office.typesFields as Record<string, string>;
  const last = path.split('.').pop() ?? path;
  return names[last] ?? names.types ?? path;
};

export function UnitTypesEditor(props: { types: UnitType[]; disabled: boolean; save: (types: UnitType[]) => Promise<UnitOutcome> }) {
  const [draft, setDraft] = useState<UnitType[]>(props.types);
  const [fresh, setFresh] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => setDraft(props.types), [props.types]);
  const set = (index: number, change: Partial<UnitType>) => setDraft(draft.map((t, i) => (i === index ? { ...t, ...change } : t)));

  async function submit(event: Event) {
    event.preventDefault();
    const outcome = await props.save(draft);
    if (outcome.ok) setMessage({ kind: 'ok', text: text.office.typesDone });
    else if ('failed' in outcome) setMessage({ kind: 'error', text: text.office.unitFailed });
    else setMessage({ kind: 'error', text: fill(text.office.unitInvalid, { fields: [...new Set(outcome.fields.map(fieldText))].join(', ') }) });
  }

  return (
    <form class="unit-types" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{text.office.typesTitle}</h3>
      <p class="muted">{text.office.typesHint}</p>
      <ul class="unit-list">
        {draft.map((type, i) => (
          <li key={type.id} class="unit-row" data-unit-type={type.id}>
            <input
              aria-label={`${text.office.typeName} ${type.id}`}
              value={type.name}
              onInput={(e) => set(i, { name: (e.target as HTMLInputElement).value })}
            />
            <label class="choice">
              <input type="checkbox" checked={type.retired} onChange={(e) => set(i, { retired: (e.target as HTMLInputElement).checked })} />
              <span>{text.office.typeRetired}</span>
            </label>
          </li>
        ))}
      </ul>
      <div class="row">
        <label class="field">
          <span>{text.office.typeNew}</span>
          <input value={fresh} onInput={(e) => setFresh((e.target as HTMLInputElement).value)} />
        </label>
        <button
          class="secondary"
          type="button"
          disabled={fresh.trim().length < 2}
          onClick={() => {
            setDraft([
              ...draft,
              {
                id: newUnitTypeId(
                  fresh,
                  draft.map((t) => t.id),
                ),
                name: fresh.trim(),
                retired: false,
              },
            ]);
            setFresh('');
          }}
        >
          {text.office.typeAdd}
        </button>
      </div>
      {message && (
        <p class={message.kind === 'ok' ? 'notice ok' : 'notice error'} role={message.kind === 'ok' ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <button class="primary" type="submit" disabled={props.disabled}>
        {text.office.typesSave}
      </button>
    </form>
  );
}
