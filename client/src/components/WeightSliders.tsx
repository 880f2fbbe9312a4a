import type { Role, RoleWeights } from '../core/api';
import { ROLE_COLOURS, ROLE_ORDER } from '../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../core/i18n';

interface WeightSlidersProps {
  /** The weights in force (the API echoes them back with defaults filled in). */
  weights: RoleWeights;
  onChange: (role: Role, weight: number) => void;
  onReset: () => void;
}

export function WeightSliders({ weights, onChange, onReset }: WeightSlidersProps) {
  const { t, formatNumber } = useI18n();
  return (
    <fieldset className="weights">
      <legend>{t('workload.weights')}</legend>
      {ROLE_ORDER.map((role) => (
        <label key={role} className="weight">
          <span className="weight-label">
            <span className="swatch" style={{ background: ROLE_COLOURS[role] }} aria-hidden="true" />
            {t(`role.${role}` as MessageKey)}
          </span>
          <input
            type="range"
            min={0}
            max={5}
            step={0.5}
            value={weights[role]}
            onChange={(e) => onChange(role, Number(e.target.value))}
          />
          <output>{formatNumber(weights[role], 1)}</output>
        </label>
      ))}
      <button type="button" className="link-button" onClick={onReset}>
        {t('workload.resetWeights')}
      </button>
    </fieldset>
  );
}
