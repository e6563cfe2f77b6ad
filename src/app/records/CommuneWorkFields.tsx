// The commune's own checklist: an inspection, a training session, a complaint.
import { text } from '../i18n/index.ts';
import { DateField } from './DateField.tsx';
import { ChoiceList, NumberField, SelectField, TextField, type FormBinding } from './fields.tsx';

export function InspectionFields({ form }: { form: FormBinding }) {
  const f = text.fields;
  return (
    <>
      <DateField form={form} path="date" label={f.date} />
      <SelectField form={form} path="subject" label={f.subject} options={text.options.inspectionSubject} />
      <TextField form={form} path="scope" label={f.scope} />
      <NumberField form={form} path="violationsFound" label={f.violationsFound} />
      <TextField form={form} path="note" label={f.note} multiline />
    </>
  );
}

export function TrainingFields({ form }: { form: FormBinding }) {
  const f = text.fields;
  return (
    <>
      <DateField form={form} path="date" label={f.date} />
      <TextField form={form} path="title" label={f.title} />
      <ChoiceList form={form} path="audience" label={f.audience} options={text.options.audience} />
      <div class="row">
        <NumberField form={form} path="menCount" label={f.menCount} />
        <NumberField form={form} path="womenCount" label={f.womenCount} />
      </div>
      <TextField form={form} path="note" label={f.note} multiline />
    </>
  );
}

export function ComplaintFields({ form }: { form: FormBinding }) {
  const f = text.fields;
  return (
    <>
      <DateField form={form} path="date" label={f.receivedOn} />
      <SelectField form={form} path="subject" label={f.subject} options={text.options.complaintSubject} />
      <DateField form={form} path="handledOn" label={f.handledOn} />
      <TextField form={form} path="note" label={f.note} multiline />
    </>
  );
}
