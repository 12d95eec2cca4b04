"use client";
// Form fields for dashboard actions: each shows its own error and keeps what the user typed
// when the last attempt failed.
import { useContext, useId, useState } from "react";
import { FormStateContext } from "./action-form";
import { MarkdownPreview } from "./markdown-preview";

export { ActionForm } from "./action-form";

/** The value to show: what the user typed when the last attempt failed, else the saved value. */
function useField(name: string) {
  const state = useContext(FormStateContext);
  const failed = state && !state.ok ? state : null;
  return { typed: failed?.values[name], errors: failed?.fieldErrors[name], failed: Boolean(failed) };
}

type ControlProps = { id: string; name: string; "aria-invalid"?: true; "aria-describedby"?: string };

/**
 * Label, control, hint and errors of one field. Hints and errors sit outside the <label>, so the
 * control's accessible name is its label alone; both are tied to it with aria-describedby.
 */
function Field({
  name,
  label,
  hint,
  errors,
  children,
  after,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[];
  children: (control: ControlProps) => React.ReactNode;
  /** Shown below the errors, e.g. a preview. */
  after?: React.ReactNode;
}) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : "", errors ? `${name}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      {children({
        id,
        name,
        ...(errors ? { "aria-invalid": true } : {}),
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
      })}
      {hint && (
        <span id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </span>
      )}
      <FieldErrors name={name} errors={errors} />
      {after}
    </div>
  );
}

function FieldErrors({ name, errors }: { name: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={`${name}-error`} className="text-sm text-warn">
      {errors.join(" ")}
    </p>
  );
}

const inputClass = "w-full rounded border border-line bg-white px-3 py-2";

type FieldProps = { name: string; label: string; defaultValue?: string; hint?: string };

export function TextField({
  name,
  label,
  defaultValue = "",
  hint,
  type = "text",
}: FieldProps & { type?: string }) {
  const { typed, errors } = useField(name);
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(control) => (
        <input
          {...control}
          type={type}
          defaultValue={typeof typed === "string" ? typed : defaultValue}
          className={inputClass}
        />
      )}
    </Field>
  );
}

export function Hidden({ name, value }: { name: string; value: string }) {
  return <input type="hidden" name={name} value={value} />;
}

export function TextArea({
  name,
  label,
  defaultValue = "",
  hint,
  rows = 4,
  preview = false,
}: FieldProps & { rows?: number; preview?: boolean }) {
  const { typed, errors } = useField(name);
  const initial = typeof typed === "string" ? typed : defaultValue;
  const [text, setText] = useState(initial);
  const [showPreview, setShowPreview] = useState(false);
  const previewToggle = preview && (
    <div>
      <button type="button" className="text-sm text-accent underline" onClick={() => setShowPreview((v) => !v)}>
        {showPreview ? "Hide preview" : "Show preview"}
      </button>
      {showPreview && <MarkdownPreview text={text} testId={`${name}-preview`} />}
    </div>
  );
  return (
    <Field name={name} label={label} hint={hint} errors={errors} after={previewToggle}>
      {(control) => (
        <textarea
          {...control}
          rows={rows}
          defaultValue={initial}
          onChange={(e) => setText(e.target.value)}
          className={inputClass}
        />
      )}
    </Field>
  );
}

export function SelectField({
  name,
  label,
  defaultValue = "",
  options,
  hint,
}: FieldProps & { options: { value: string; label: string }[] }) {
  const { typed, errors } = useField(name);
  return (
    <Field name={name} label={label} hint={hint} errors={errors}>
      {(control) => (
        <select
          {...control}
          defaultValue={typeof typed === "string" ? typed : defaultValue}
          className={inputClass}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function CheckboxGroup({
  name,
  legend,
  options,
  defaultValues = [],
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValues?: string[];
}) {
  const { typed, errors, failed } = useField(name);
  const checked = failed
    ? typed === undefined
      ? []
      : Array.isArray(typed)
        ? typed
        : [typed]
    : defaultValues;
  return (
    <fieldset className="grid gap-1">
      <legend className="font-medium">{legend}</legend>
      {options.length === 0 && <p className="text-sm text-muted">Nothing to choose yet.</p>}
      {options.map((o) => (
        <label key={o.value} className="flex items-center gap-2">
          <input type="checkbox" name={name} value={o.value} defaultChecked={checked.includes(o.value)} />
          {o.label}
        </label>
      ))}
      <FieldErrors name={name} errors={errors} />
    </fieldset>
  );
}

export function Checkbox({
  name,
  label,
  defaultChecked = false,
}: {
  name: string;
  label: string;
  defaultChecked?: boolean;
}) {
  const { typed, failed } = useField(name);
  const checked = failed ? typed === "on" : defaultChecked;
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={checked} />
      {label}
    </label>
  );
}
