// The form kit: big, labelled controls bound to a draft by path, each showing its error
// in Vietnamese right under it. A control's name is its label alone; the hint and the error
// are its description, so a screen reader says "Tiêu đề … chưa nhập" and not a paragraph.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { maxTextLength } from '../../domain/index.ts';
import { errorText, fill, formatNumber, text } from '../i18n/index.ts';
import { getPath, type Draft } from './draft.ts';

export interface FormBinding {
  draft: Draft;
  set(path: string, value: unknown): void;
  errors: Map<string, string>;
  /** A closed case whose notes the server keeps and this phone no longer holds. */
  notesOnServer?: boolean;
}

/** The attributes that tie a control to its label, hint and error. */
export function controlProps(form: FormBinding, path: string, hasHint = false) {
  const id = `f-${path.replace('.', '-')}`;
  const invalid = form.errors.has(path);
  const describedBy = [hasHint && `${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ');
  return { id, name: path, 'aria-invalid': invalid, 'aria-describedby': describedBy || undefined };
}

export function FieldShell(props: { path: string; label: string; errors: Map<string, string>; children: ComponentChildren; hint?: string; group?: boolean }) {
  const code = props.errors.get(props.path);
  const id = `f-${props.path.replace('.', '-')}`;
  const className = code ? 'field invalid' : 'field';
  const hint = props.hint && (
    <small class="hint" id={`${id}-hint`}>
      {props.hint}
    </small>
  );
  const error = code && (
    <small class="field-error" id={`${id}-error`}>
      {props.label}: {errorText(code)}
    </small>
  );
  if (props.group) {
    return (
      <fieldset class={className} data-field={props.path} aria-describedby={code ? `${id}-error` : undefined}>
        <legend>{props.label}</legend>
        {hint}
        {props.children}
        {error}
      </fieldset>
    );
  }
  return (
    <div class={className} data-field={props.path}>
      <label for={id}>{props.label}</label>
      {hint}
      {props.children}
      {error}
    </div>
  );
}

/** A text field; a long one says its limit and counts towards it as she types, a link says how it starts. */
export function TextField(props: {
  form: FormBinding;
  path: string;
  label: string;
  multiline?: boolean;
  type?: 'text' | 'url';
  hint?: string;
  upper?: boolean;
}) {
  const value = (getPath(props.form.draft, props.path) as string | undefined) ?? '';
  const onInput = (e: { currentTarget: { value: string } }) =>
    props.form.set(props.path, props.upper ? e.currentTarget.value.toUpperCase() : e.currentTarget.value);
  const max = props.multiline ? maxTextLength(String(props.form.draft.kind), props.path) : undefined;
  const limit = max === undefined ? undefined : fill(text.entry.maxChars, { max: formatNumber(max) });
  const hint = [props.hint, props.type === 'url' ? text.entry.linkHint : undefined, limit].filter(Boolean).join(' · ') || undefined;
  const control = controlProps(props.form, props.path, hint !== undefined);
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors} hint={hint}>
      {props.multiline ? (
        <textarea {...control} rows={3} value={value} onInput={onInput} />
      ) : (
        <input
          {...control}
          type={(props.type ?? 'text') as 'text'}
          placeholder={props.type === 'url' ? 'https://' : undefined}
          value={value}
          onInput={onInput}
        />
      )}
      {max !== undefined && (
        // The hint says the limit to a screen reader once; the count is for the eye.
        <small class={value.length > max ? 'char-count over' : 'char-count'} aria-hidden="true" data-char-count={value.length}>
          {fill(text.entry.charCount, { n: formatNumber(value.length), max: formatNumber(max) })}
        </small>
      )}
    </FieldShell>
  );
}

/** The number a count field's text stands for: digits, with dots or spaces between thousands ("1.000"). */
export function parseCount(raw: string): number | undefined {
  const digits = raw.replace(/[.\s]/g, '');
  if (digits === '') return undefined;
  return /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
}

/**
 * A count, typed as text: what she typed stays in the field as she typed it ("1a2", "12,5", "-5"),
 * and a text that is not a whole number is kept as NaN, which the form names "phải là số".
 */
export function NumberField(props: { form: FormBinding; path: string; label: string }) {
  const value = getPath(props.form.draft, props.path) as number | undefined;
  const [typed, setTyped] = useState(value === undefined || Number.isNaN(value) ? '' : String(value));
  // A value set from outside (a draft reopened, the other version taken) replaces the text.
  const shown = Object.is(parseCount(typed), value) ? typed : value === undefined || Number.isNaN(value) ? '' : String(value);
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors}>
      <input
        {...controlProps(props.form, props.path)}
        type="text"
        inputMode="numeric"
        value={shown}
        onInput={(e) => {
          const raw = e.currentTarget.value;
          setTyped(raw);
          props.form.set(props.path, parseCount(raw));
        }}
      />
    </FieldShell>
  );
}

export function SelectField(props: { form: FormBinding; path: string; label: string; options: Record<string, string> }) {
  const value = (getPath(props.form.draft, props.path) as string | undefined) ?? '';
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors}>
      <select {...controlProps(props.form, props.path)} value={value} onChange={(e) => props.form.set(props.path, e.currentTarget.value || undefined)}>
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

/** A few options, each one tap away (a select takes two: open it, choose). */
export function RadioChoice(props: {
  form: FormBinding;
  path: string;
  label: string;
  options: Record<string, string>;
  inline?: boolean;
  onChoose?: (key: string) => void;
}) {
  const value = getPath(props.form.draft, props.path) as string | undefined;
  return (
    <FieldShell path={props.path} label={props.label} errors={props.form.errors} group>
      <div class={props.inline ? 'choices inline' : 'choices'}>
        {Object.entries(props.options).map(([key, label]) => (
          <label key={key} class="choice">
            <input
              type="radio"
              name={props.path}
              value={key}
              checked={value === key}
              onChange={() => (props.onChoose ?? ((k: string) => props.form.set(props.path, k)))(key)}
            />
            <span>{label}</span>
          </label>
        ))}
      </div>
    </FieldShell>
  );
}
