// A control with its visible label above it, outside an antd Form (filters, fast-entry panels).
import type { ReactNode } from 'react';

export function Field({ id, label, children }: { id: string; label: ReactNode; children: ReactNode }) {
  return (
    <>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {children}
    </>
  );
}
