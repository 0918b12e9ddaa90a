/** The formula bar: the focused cell's address and raw content (formula or number), editable. */
import { useEffect, useState } from 'react';

export interface FormulaBarProps {
  address: string;
  text: string;
  editable: boolean;
  onCommit: (text: string) => void;
  onCancel: () => void;
}

export function FormulaBar({ address, text, editable, onCommit, onCancel }: FormulaBarProps) {
  const [value, setValue] = useState(text);
  useEffect(() => setValue(text), [text, address]);
  return (
    <div className="pb-formula-bar">
      <span className="pb-namebox" data-testid="name-box">
        {address}
      </span>
      <span className="pb-fx">fx</span>
      <input
        className="pb-formula"
        data-testid="formula-input"
        value={value}
        readOnly={!editable}
        aria-label="formula"
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            onCommit(value);
          } else if (e.key === 'Escape') {
            setValue(text);
            onCancel();
          }
        }}
      />
    </div>
  );
}
