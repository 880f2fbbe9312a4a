import type { RoleWeights, WorkloadRow } from '../core/api';
import { ROLE_COLOURS, ROLE_ORDER } from '../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../core/i18n';
import { UnitBadges } from './UnitBadges';

interface WorkloadChartProps {
  rows: WorkloadRow[];
  weights: RoleWeights;
  /** Overload threshold of each peer group, by its name (null: group too small to judge). */
  thresholds: Record<string, number | null>;
  onSelect: (unitId: string) => void;
}

/**
 * Ranked horizontal bars. A bar's length is the unit's weighted load; its segments are each
 * role's contribution (count × weight), so they add up to the load and the threshold marker
 * (the unit's peer-group threshold) sits on the same scale.
 */
export function WorkloadChart({ rows, weights, thresholds, onSelect }: WorkloadChartProps) {
  const { t, lang, unitName, formatNumber } = useI18n();
  const scaleMax = Math.max(
    1e-9,
    ...rows.map((row) => row.weightedLoad),
    ...rows.map((row) => thresholds[row.peerGroup] ?? 0),
  );
  const percent = (value: number) => `${(100 * value) / scaleMax}%`;

  return (
    <div className="workload-chart">
      <ul className="workload-legend" aria-label={t('filter.role')}>
        {ROLE_ORDER.map((role) => (
          <li key={role}>
            <span className="swatch" style={{ background: ROLE_COLOURS[role] }} aria-hidden="true" />
            {t(`role.${role}` as MessageKey)} × {formatNumber(weights[role], 1)}
          </li>
        ))}
        <li>
          <span className="threshold-sample" aria-hidden="true" />
          {t('workload.thresholdLegend')}
        </li>
      </ul>
      <ol className="workload-rows" aria-label={t('workload.chartLabel')}>
        {rows.map((row) => {
          const threshold = thresholds[row.peerGroup] ?? null;
          const counts = ROLE_ORDER.filter((role) => row.counts[role] > 0)
            .map((role) => `${t(`role.${role}` as MessageKey)} ${row.counts[role]}`)
            .join(' · ');
          return (
            <li key={row.unit.id} className={row.overloaded ? 'overloaded' : undefined} data-unit-id={row.unit.id}>
              <button
                type="button"
                className="workload-row"
                onClick={() => onSelect(row.unit.id)}
                aria-label={`${row.rank}. ${unitName(row.unit)}: ${t('workload.weightedLoad')} ${formatNumber(row.weightedLoad)}; ${counts}${row.overloaded ? `; ${t('workload.overloaded')}` : ''}`}
              >
                <span className="rank">{row.rank}</span>
                <span className="unit-name" title={lang === 'en' ? row.unit.nameEn : row.unit.name}>
                  {unitName(row.unit)}
                  <UnitBadges generic={row.unit.kind === 'generic'} provisional={row.unit.provisional} />
                </span>
                <span className="bar-track" title={counts}>
                  {ROLE_ORDER.map((role) => {
                    const value = row.counts[role] * weights[role];
                    return value > 0 ? (
                      <span
                        key={role}
                        className={`bar-segment segment-${role}`}
                        style={{ width: percent(value), background: ROLE_COLOURS[role] }}
                      >
                        {row.counts[role]}
                      </span>
                    ) : null;
                  })}
                  {threshold !== null && (
                    <span className="threshold-marker" style={{ left: percent(threshold) }} aria-hidden="true" />
                  )}
                </span>
                <span className="load">{formatNumber(row.weightedLoad, 1)}</span>
                {/* Its own column, so a long name can never push the flag out of sight. */}
                <span className="flag">
                  {row.overloaded && <span className="badge badge-overloaded">{t('workload.overloaded')}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
