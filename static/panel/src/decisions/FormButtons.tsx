import type { ReactNode } from 'react';

interface FormButtonsProps {
  /** The primary action's label, and what it says while the change is running. */
  label: string;
  busyLabel: string;
  busy: boolean;
  /** Extra reasons the primary action is not possible yet. */
  disabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  /** A hint shown after the buttons. */
  children?: ReactNode;
}

/** The submit / Cancel bar every form of the Decisions & actions tab ends with. */
export function FormButtons({ label, busyLabel, busy, disabled = false, onSubmit, onCancel, children }: FormButtonsProps) {
  return (
    <div className="save-bar">
      <button type="button" className="button primary" disabled={busy || disabled} onClick={onSubmit}>
        {busy ? busyLabel : label}
      </button>
      <button type="button" className="button subtle-button" onClick={onCancel}>
        Cancel
      </button>
      {children}
    </div>
  );
}
