import { useEffect, useState } from 'react';
import { useI18n } from '../core/i18n';
import type { SelectOption } from './SelectFilter';

/** A labelled list of checkboxes in a disclosure; no box ticked means "all". */
export function MultiSelect({
  label,
  values,
  options,
  onChange,
}: {
  label: string;
  values: readonly string[];
  options: SelectOption[];
  onChange: (values: string[]) => void;
}) {
  const { t } = useI18n();
  // The URL change behind onChange commits as a transition (react-router 7), and until then a box bound only to
  // `values` flips back under the pointer: show the choice at once, and follow `values` again when it arrives.
  const [pending, setPending] = useState<readonly string[] | null>(null);
  const valuesKey = values.join(',');
  useEffect(() => setPending(null), [valuesKey]);
  const shown = pending ?? values;
  const choose = (next: string[]) => {
    setPending(next);
    onChange(next);
  };
  const chosen = options.filter((option) => shown.includes(option.value));
  return (
    <details className="multi-select">
      <summary>
        {label}: {chosen.length === 0 ? t('filter.all') : chosen.map((option) => option.label).join('、')}
      </summary>
      <fieldset>
        <legend className="visually-hidden">{label}</legend>
        {options.map((option) => (
          <label key={option.value} className="checkbox">
            <input
              type="checkbox"
              checked={shown.includes(option.value)}
              onChange={(e) =>
                choose(e.target.checked ? [...shown, option.value] : shown.filter((value) => value !== option.value))
              }
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
