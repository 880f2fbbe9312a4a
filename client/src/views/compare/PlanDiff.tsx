import type { ReactNode } from 'react';
import { alignRows, textDiff, type AlignedRow, type CompareStatus, type ComparedItem, type TextPart } from '../../core/compare/rows';
import type { CompareResponse } from '../../core/api';
import { useI18n, type MessageKey } from '../../core/i18n';

function Marked({ parts }: { parts: TextPart[] }) {
  return (
    <>
      {parts.map((part, index) =>
        part.change === 'removed' ? (
          <del key={index}>{part.text}</del>
        ) : part.change === 'added' ? (
          <ins key={index}>{part.text}</ins>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </>
  );
}

function ItemCell({ item, body }: { item: ComparedItem | null; body?: ReactNode }) {
  if (!item) return <td className="compare-empty" />;
  return (
    <td>
      <div className="compare-item-head">
        <span className="compare-label">{item.label}</span> <strong>{item.title}</strong>
        {item.sectionTitle && <span className="muted"> · {item.sectionTitle}</span>}
      </div>
      <p className="compare-body">{body ?? item.body}</p>
      {item.clause && <p className="compare-clause muted">{item.clause}</p>}
    </td>
  );
}

/** The owner changes of a pair as badges: gained and lost roles, by the unit's name in the newer plan. */
function OwnerBadges({ row, unitNames }: { row: AlignedRow; unitNames: Record<string, string> }) {
  const { t } = useI18n();
  if (!row.pair) return null;
  const badges = row.pair.changes.roleChanges.flatMap(({ unitId, before, after }) => {
    const unit = unitNames[unitId] ?? unitId;
    return [
      ...after.filter((role) => !before.includes(role)).map((role) => ({ key: `+${unitId}${role}`, gained: true, text: t('compare.gained', { role: t(`role.${role}` as MessageKey), unit }) })),
      ...before.filter((role) => !after.includes(role)).map((role) => ({ key: `-${unitId}${role}`, gained: false, text: t('compare.lost', { role: t(`role.${role}` as MessageKey), unit }) })),
    ];
  });
  return (
    <>
      {badges.map((badge) => (
        <span key={badge.key} className={`badge ${badge.gained ? 'badge-gained' : 'badge-lost'}`}>
          {badge.text}
        </span>
      ))}
    </>
  );
}

/** The two plans side by side: one row per matched pair, dropped and added items alone on their side. */
export function PlanDiff({ comparison, status }: { comparison: CompareResponse; status: CompareStatus | '' }) {
  const { t, formatNumber } = useI18n();
  const rows = alignRows(comparison).filter((row) => status === '' || row.status === status);
  return (
    <table className="compare-table" data-testid="compare-table">
      <thead>
        <tr>
          <th scope="col">{t('compare.status')}</th>
          <th scope="col">
            {t('compare.old')}: {comparison.old.title}
          </th>
          <th scope="col">
            {t('compare.new')}: {comparison.new.title}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const diff = row.status === 'revised' && row.old && row.new ? textDiff(row.old.body, row.new.body) : null;
          return (
            <tr key={row.key} className={`compare-row compare-${row.status}`} data-status={row.status}>
              <td>
                <span className={`badge badge-status-${row.status}`}>{t(`compare.status.${row.status}`)}</span>
                {row.pair && <div className="muted">{t('compare.similarity', { value: formatNumber(row.pair.similarity, 2) })}</div>}
                <OwnerBadges row={row} unitNames={comparison.unitNames} />
              </td>
              <ItemCell item={row.old} body={diff && <Marked parts={diff.old} />} />
              <ItemCell item={row.new} body={diff && <Marked parts={diff.new} />} />
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
