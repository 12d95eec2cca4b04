"use client";

export function PrintButton() {
  return (
    <button type="button" onClick={() => window.print()} className="no-print rounded bg-accent px-4 py-2 text-white">
      Print this receipt
    </button>
  );
}
