"use client";

import { useActionState, useState } from "react";
import { type FeeRule, formatMoney, grossUp, parseMajorAmount } from "@/lib/money";
import { DISPLAY_NAME_MAX, MESSAGE_MAX } from "@/lib/validations/donation-limits";
import type { DonateState } from "./actions";

type Props = {
  action: (state: DonateState, formData: FormData) => Promise<DonateState>;
  currency: string;
  suggested: readonly bigint[];
  feeRule: FeeRule;
};

function FieldError({ id, message }: { id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className="mt-1 text-sm text-warn">
      {message}
    </p>
  );
}

export function DonateForm({ action, currency, suggested, feeRule }: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  const v = state.values ?? {};
  const errors = state.fieldErrors ?? {};
  // Inputs stay uncontrolled (a refused form is reset to what was sent); these copies only
  // feed the live "you will be charged" line.
  const [choice, setChoice] = useState(v.amount ?? String(suggested[1] ?? "custom"));
  const [custom, setCustom] = useState(v.customAmount ?? "");
  const [cover, setCover] = useState(v.coverFees === "on");
  const defaultChoice = v.amount ?? String(suggested[1] ?? "custom");

  const parsed = choice === "custom" ? parseMajorAmount(custom, currency) : { ok: true as const, minor: /^\d{1,9}$/.test(choice) ? BigInt(choice) : 0n };
  const total = parsed.ok && parsed.minor > 0n ? (cover ? grossUp(parsed.minor, feeRule) : parsed.minor) : null;
  const input = "mt-1 block w-full rounded border border-line bg-white px-3 py-2";

  return (
    <form action={formAction} className="mt-6 space-y-6" noValidate>
      {state.error && (
        <p role="alert" className="rounded border border-warn p-3 text-warn">
          {state.error}
        </p>
      )}
      <fieldset>
        <legend className="font-semibold">Amount</legend>
        <div className="mt-2 flex flex-wrap gap-3">
          {suggested.map((amount) => (
            <label key={String(amount)} className="flex items-center gap-2 rounded border border-line bg-white px-3 py-2">
              <input
                type="radio"
                name="amount"
                value={String(amount)}
                defaultChecked={defaultChoice === String(amount)}
                onChange={() => setChoice(String(amount))}
              />
              {formatMoney(amount, currency)}
            </label>
          ))}
          <label className="flex items-center gap-2 rounded border border-line bg-white px-3 py-2">
            <input type="radio" name="amount" value="custom" defaultChecked={defaultChoice === "custom"} onChange={() => setChoice("custom")} />
            Other amount
          </label>
        </div>
        <FieldError id="amount-error" message={errors.amount} />
        <label className="mt-3 block">
          Your amount ({currency}), when you choose “Other amount”
          <input
            name="customAmount"
            inputMode="decimal"
            autoComplete="off"
            defaultValue={v.customAmount}
            onChange={(e) => setCustom(e.target.value)}
            aria-invalid={Boolean(errors.customAmount)}
            aria-describedby="customAmount-error"
            className={input}
          />
        </label>
        <FieldError id="customAmount-error" message={errors.customAmount} />
      </fieldset>

      <fieldset>
        <legend className="font-semibold">How often</legend>
        <div className="mt-2 flex gap-4">
          <label className="flex items-center gap-2">
            <input type="radio" name="frequency" value="once" defaultChecked={(v.frequency ?? "once") === "once"} /> Once
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="frequency" value="monthly" defaultChecked={v.frequency === "monthly"} /> Monthly
          </label>
        </div>
        <FieldError id="frequency-error" message={errors.frequency} />
      </fieldset>

      <div>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="coverFees" defaultChecked={v.coverFees === "on"} onChange={(e) => setCover(e.target.checked)} />
          Cover the processing fees
        </label>
        {total !== null && (
          <p className="mt-1 text-sm text-muted" data-testid="total">
            You will be charged {formatMoney(total, currency)}
          </p>
        )}
      </div>

      <fieldset className="space-y-3">
        <legend className="font-semibold">What others see</legend>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="anonymous" defaultChecked={v.anonymous === "on"} /> Give anonymously
        </label>
        <label className="block">
          Public name (optional)
          <input name="displayName" maxLength={DISPLAY_NAME_MAX} defaultValue={v.displayName} aria-describedby="displayName-error" className={input} />
        </label>
        <FieldError id="displayName-error" message={errors.displayName} />
        <label className="block">
          Message of support (optional, up to {MESSAGE_MAX} characters)
          <textarea name="message" maxLength={MESSAGE_MAX} rows={3} defaultValue={v.message} aria-describedby="message-error" className={input} />
        </label>
        <FieldError id="message-error" message={errors.message} />
      </fieldset>

      <div>
        <label className="block">
          E-mail for your receipt (optional, never shown publicly)
          <input name="email" type="email" autoComplete="email" defaultValue={v.email} aria-describedby="email-error" className={input} />
        </label>
        <FieldError id="email-error" message={errors.email} />
      </div>

      <button type="submit" disabled={pending} className="rounded bg-accent px-5 py-2 font-semibold text-white disabled:opacity-60">
        {pending ? "Opening checkout…" : "Continue to payment"}
      </button>
    </form>
  );
}
