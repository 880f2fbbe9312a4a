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
  const chosen = options.filter((option) => values.includes(option.value));
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
              checked={values.includes(option.value)}
              onChange={(e) =>
                onChange(
                  e.target.checked ? [...values, option.value] : values.filter((value) => value !== option.value),
                )
              }
            />
            {option.label}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
