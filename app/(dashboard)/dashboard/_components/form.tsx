"use client";
// Form fields for dashboard actions: each shows its own error and keeps what the user typed
// when the last attempt failed.
import { useContext, useId, useState } from "react";
import { FormStateContext } from "./action-form";
import { MarkdownPreview } from "./markdown-preview";

export { ActionForm } from "./action-form";

/** The value to show: what the user typed when the last attempt failed, else the saved value. */
function useField(name: string, hint?: string) {
  const state = useContext(FormStateContext);
  const failed = state && !state.ok ? state : null;
  const errors = failed?.fieldErrors[name];
  const id = useId();
  // Hints and errors sit outside the <label>, so a field's accessible name is its label alone.
  const describedBy =
    [hint ? `${id}-hint` : "", errors ? `${name}-error` : ""].filter(Boolean).join(" ") || undefined;
  return { typed: failed?.values[name], errors, id, describedBy };
}

function Hint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <span id={`${id}-hint`} className="text-sm text-muted">
      {hint}
    </span>
  ) : null;
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
  const { typed, errors, id, describedBy } = useField(name, hint);
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={typeof typed === "string" ? typed : defaultValue}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      <Hint id={id} hint={hint} />
      <FieldErrors name={name} errors={errors} />
    </div>
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
  const { typed, errors, id, describedBy } = useField(name, hint);
  const initial = typeof typed === "string" ? typed : defaultValue;
  const [text, setText] = useState(initial);
  const [showPreview, setShowPreview] = useState(false);
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <textarea
        id={id}
        name={name}
        rows={rows}
        defaultValue={initial}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      />
      <Hint id={id} hint={hint} />
      <FieldErrors name={name} errors={errors} />
      {preview && (
        <div>
          <button
            type="button"
            className="text-sm text-accent underline"
            onClick={() => setShowPreview((v) => !v)}
          >
            {showPreview ? "Hide preview" : "Show preview"}
          </button>
          {showPreview && <MarkdownPreview text={text} testId={`${name}-preview`} />}
        </div>
      )}
    </div>
  );
}

export function SelectField({
  name,
  label,
  defaultValue = "",
  options,
  hint,
}: FieldProps & { options: { value: string; label: string }[] }) {
  const { typed, errors, id, describedBy } = useField(name, hint);
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="font-medium">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={typeof typed === "string" ? typed : defaultValue}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        className={inputClass}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <Hint id={id} hint={hint} />
      <FieldErrors name={name} errors={errors} />
    </div>
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
  const { typed, errors } = useField(name);
  const state = useContext(FormStateContext);
  const failed = state && !state.ok;
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
  const { typed } = useField(name);
  const state = useContext(FormStateContext);
  const checked = state && !state.ok ? typed === "on" : defaultChecked;
  return (
    <label className="flex items-center gap-2">
      <input type="checkbox" name={name} defaultChecked={checked} />
      {label}
    </label>
  );
}
