import type { LineageResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';

const MARK = { continued: '=', revised: '~', added: '+' } as const;

/** Years by tasks: one row per lineage, one column per plan, each cell the item's label (title on hover). */
export function LineageTable({ report }: { report: LineageResponse }) {
  const { t } = useI18n();
  return (
    <div data-testid="lineage-table">
      <p className="muted">{t('compare.lineage.count', { n: report.lineages.length })}</p>
      <table className="lineage-table">
        <thead>
          <tr>
            {report.documents.map((d) => (
              <th key={d.id} scope="col" title={d.title}>
                {d.year ?? d.id}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.lineages.map((lineage, row) => (
            <tr key={row}>
              {lineage.cells.map((cell, column) => {
                const item = cell && report.items[cell.itemId];
                return (
                  <td key={column} className={cell?.status ? `lineage-${cell.status}` : undefined} title={item ? item.title : undefined}>
                    {cell && item ? (
                      <>
                        {item.label} {item.title}
                        {cell.status && <span className="lineage-mark" title={t(`compare.status.${cell.status}`)}> {MARK[cell.status]}</span>}
                      </>
                    ) : (
                      <span className="muted">·</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
