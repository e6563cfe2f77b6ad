// A unit's standing arrangements: a contact point for violence reports and a prevention
// model. The date is the day it started; the stop date stays empty while it runs.
import { text } from '../i18n/index.ts';
import { DateField } from './DateField.tsx';
import { SelectField, TextField, type FormBinding } from './fields.tsx';

export function ContactPointFields({ form }: { form: FormBinding }) {
  const f = text.fields;
  return (
    <>
      <DateField form={form} path="date" label={f.setUpOn} />
      <SelectField form={form} path="keeper" label={f.keeper} options={text.options.keeper} />
      <DateField form={form} path="stoppedOn" label={f.stoppedOn} />
      <TextField form={form} path="note" label={f.note} multiline />
    </>
  );
}

export function PreventionModelFields({ form }: { form: FormBinding }) {
  const f = text.fields;
  return (
    <>
      <DateField form={form} path="date" label={f.setUpOn} />
      <SelectField form={form} path="modelType" label={f.modelType} options={text.options.modelType} />
      <TextField form={form} path="name" label={f.name} />
      <DateField form={form} path="stoppedOn" label={f.stoppedOn} />
      <TextField form={form} path="note" label={f.note} multiline />
    </>
  );
}
