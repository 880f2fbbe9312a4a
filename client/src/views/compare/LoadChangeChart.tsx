import type { CompareResponse } from '../../core/api';
import { largestLoadChanges } from '../../core/compare/rows';
import { useI18n, type MessageKey } from '../../core/i18n';

const SHOWN = 12;

/** Diverging bars: the units whose number of items changed most, growth to the right, decline to the left. */
export function LoadChangeChart({ comparison }: { comparison: CompareResponse }) {
  const { t } = useI18n();
  const changes = largestLoadChanges(comparison, SHOWN);
  if (changes.length === 0) return <p className="notice">{t('compare.noLoadChange')}</p>;
  const scale = Math.max(...changes.map((c) => Math.abs(c.change)), 1);
  return (
    <figure className="load-change-chart">
      <figcaption className="muted">{t('compare.chartHint')}</figcaption>
      <ol aria-label={t('compare.chart')}>
        {changes.map((c) => {
          const roles = Object.entries(c.byRole)
            .filter(([, n]) => n !== 0)
            .map(([role, n]) => `${t(`role.${role}` as MessageKey)} ${n > 0 ? '+' : ''}${n}`)
            .join(' · ');
          const name = comparison.unitNames[c.unitId] ?? c.unitId;
          return (
            <li key={c.unitId} data-unit-id={c.unitId} title={roles}>
              <span className="unit-name">{name}</span>
              <span className="bar-track" aria-hidden="true">
                <span
                  className={c.change >= 0 ? 'bar bar-gain' : 'bar bar-loss'}
                  style={{ width: `${(50 * Math.abs(c.change)) / scale}%`, [c.change >= 0 ? 'left' : 'right']: '50%' }}
                />
              </span>
              <span className="figure" aria-label={`${name}: ${c.before} → ${c.after}; ${roles}`}>
                {c.before} → {c.after} ({c.change > 0 ? '+' : ''}
                {c.change})
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
