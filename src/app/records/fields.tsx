// The form kit: big, labelled controls bound to a draft by path, each showing its error
// in Vietnamese right under it.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatDate, maskDateText, parseDateText } from '../i18n/dateText.ts';
import { errorText, text } from '../i18n/index.ts';
import { getPath, type Draft } from './draft.ts';

export interface FormBinding {
  draft: Draft;
  set(path: string, value: unknown): void;
  errors: Map<string, string>;
}

function FieldShell(props: { path: string; label: string; errors: Map<string, string>; children: ComponentChildren; hint?: string; hintId?: string; group?: boolean }) {
  const code = props.errors.get(props.path);
  const id = `f-${props.path.replace('.', '-')}`;
  const body = (
    <>
      {props.group ? <legend>{props.label}</legend> : <span>{props.label}</span>}
      {props.hint && (
        <small class="hint" id={props.hintId}>
          {props.hint}
        </small>
      )}
      {props.children}
      {code && (
        <small class="field-error" id={`${id}-error`} role="alert">
          {props.label}: {errorText(code)}
        </small>
      )}
    </>
  );
  return props.group ? (
    <fieldset class={code ? 'field invalid' : 'field'} data-field={props.path}>
      {body}
    </fieldset>
  ) : (
    <label class={code ? 'field invalid' : 'field'} data-field={props.path}>
      {body}
    </label>
  );
}

export function TextField(props: { form: FormBinding; path: string; label: string; multiline?: boolean; type?: 'text' | 'date' | 'url'; hint?: string; upper?: boolean }) {
  const value = (getPath(props.form.draft, props.path) as string | undefined) ?? '';
  const onInput = (e: { currentTarget: { value: string } }) => props.form.set(props.path, props.upper ? e.currentTarget.value.toUpperCase() : e.currentTarget.value);
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors} hint={props.hint}>
      {props.multiline ? (
        <textarea name={props.path} rows={3} value={value} onInput={onInput} aria-invalid={props.form.errors.has(props.path)} />
      ) : (
        <input name={props.path} type={(props.type ?? 'text') as 'text'} value={value} onInput={onInput} aria-invalid={props.form.errors.has(props.path)} />
      )}
    </FieldShell>
  );
}

export function NumberField(props: { form: FormBinding; path: string; label: string }) {
  const value = getPath(props.form.draft, props.path) as number | undefined;
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors}>
      <input
        name={props.path}
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        value={value === undefined || Number.isNaN(value) ? '' : String(value)}
        aria-invalid={props.form.errors.has(props.path)}
        onInput={(e) => {
          const raw = e.currentTarget.value.replace(/[.\s]/g, '');
          props.form.set(props.path, raw === '' ? undefined : /^\d+$/.test(raw) ? Number(raw) : Number.NaN);
        }}
      />
    </FieldShell>
  );
}

/** dd/mm/yyyy whatever the browser's language; the draft holds "YYYY-MM-DD" once the day is real. */
export function DateField(props: { form: FormBinding; path: string; label: string }) {
  const value = (getPath(props.form.draft, props.path) as string | undefined) ?? '';
  const [shown, setShown] = useState(() => formatDate(value));
  useEffect(() => {
    // The draft changed from outside (restored, reset): show it.
    if (value !== (parseDateText(shown) ?? (shown || ''))) setShown(formatDate(value));
  }, [value]);
  const hintId = `f-${props.path.replace('.', '-')}-hint`;
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors} hint={text.entry.dateHint} hintId={hintId}>
      <input
        name={props.path}
        type="text"
        inputMode="numeric"
        autocomplete="off"
        maxLength={10}
        placeholder="dd/mm/yyyy"
        aria-label={props.label}
        aria-describedby={hintId}
        value={shown}
        aria-invalid={props.form.errors.has(props.path)}
        onInput={(e) => {
          const masked = maskDateText(e.currentTarget.value);
          e.currentTarget.value = masked;
          setShown(masked);
          props.form.set(props.path, parseDateText(masked) ?? masked);
        }}
      />
    </FieldShell>
  );
}

export function SelectField(props: { form: FormBinding; path: string; label: string; options: Record<string, string> }) {
  const value = (getPath(props.form.draft, props.path) as string | undefined) ?? '';
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors}>
      <select name={props.path} value={value} onChange={(e) => props.form.set(props.path, e.currentTarget.value || undefined)} aria-invalid={props.form.errors.has(props.path)}>
        <option value="">{text.form.choose}</option>
        {Object.entries(props.options).map(([key, label]) => (
          <option key={key} value={key}>
            {label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function ChoiceList(props: { form: FormBinding; path: string; label: string; options: Record<string, string> }) {
  const selected = (getPath(props.form.draft, props.path) as string[] | undefined) ?? [];
  const toggle = (key: string) => props.form.set(props.path, selected.includes(key) ? selected.filter((k) => k !== key) : [...selected, key]);
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors} group>
      <div class="choices">
        {Object.entries(props.options).map(([key, label]) => (
          <label key={key} class="choice">
            <input type="checkbox" name={props.path} value={key} checked={selected.includes(key)} onChange={() => toggle(key)} />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </FieldShell>
  );
}

export function YesNo(props: { form: FormBinding; path: string; label: string }) {
  const value = getPath(props.form.draft, props.path) as boolean | undefined;
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors} group>
      <div class="choices inline">
        {[true, false].map((option) => (
          <label key={String(option)} class="choice">
            <input type="radio" name={props.path} checked={value === option} onChange={() => props.form.set(props.path, option)} />
            <span>{option ? text.form.yes : text.form.no}</span>
          </label>
        ))}
      </div>
    </FieldShell>
  );
}
