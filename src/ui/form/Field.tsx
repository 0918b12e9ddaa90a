/** A labelled text input that commits its text once, on leaving it or on Enter (Escape puts it back). */
export function Field(p: {
  label: string;
  value: string;
  testId: string;
  disabled?: boolean;
  onCommit: (text: string) => void;
}) {
  return (
    <label className="pb-form-field">
      <span>{p.label}</span>
      <input
        // a new value from outside (undo, redo, another tab) replaces what the input shows
        key={p.value}
        defaultValue={p.value}
        data-testid={p.testId}
        disabled={p.disabled}
        onBlur={(e) => {
          if (e.target.value !== p.value) p.onCommit(e.target.value);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          else if (e.key === 'Escape') {
            e.currentTarget.value = p.value;
            e.currentTarget.blur();
          }
        }}
      />
    </label>
  );
}
