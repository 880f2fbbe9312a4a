import { useMemo, useState, type ReactNode } from 'react';
import { useI18n } from '../core/i18n';

export interface Column<Row> {
  key: string;
  label: string;
  /** The value sorted on; numbers sort numerically, strings by the interface locale. */
  value: (row: Row) => number | string | null;
  render?: (row: Row) => ReactNode;
  numeric?: boolean;
  /** False for a column of controls, which has nothing to sort on. */
  sortable?: boolean;
}

interface SortableTableProps<Row> {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  initialSort?: { key: string; descending: boolean };
  caption?: string;
  /** `data-*` attributes of a row, for tests and styles to find it by. */
  rowData?: (row: Row) => Record<`data-${string}`, string>;
  testId?: string;
  /** A small table beside a page's main one: tighter cells, and text may wrap. */
  compact?: boolean;
}

/** A table whose column headers are buttons: click once to sort, again to reverse. */
export function SortableTable<Row>({ columns, rows, rowKey, initialSort, caption, rowData, testId, compact }: SortableTableProps<Row>) {
  const { t, lang } = useI18n();
  const [sort, setSort] = useState(initialSort ?? { key: columns[0]?.key ?? '', descending: false });

  const sorted = useMemo(() => {
    const column = columns.find((c) => c.key === sort.key);
    if (!column) return rows;
    const collator = new Intl.Collator(lang === 'zh' ? 'zh-CN' : 'en');
    const direction = sort.descending ? -1 : 1;
    return [...rows].sort((a, b) => {
      const x = column.value(a);
      const y = column.value(b);
      // Missing values sink to the bottom whichever way the column is sorted.
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return order * direction;
    });
  }, [columns, rows, sort, lang]);

  const toggle = (key: string, numeric?: boolean) =>
    setSort((current) =>
      current.key === key ? { key, descending: !current.descending } : { key, descending: Boolean(numeric) },
    );

  return (
    <div className="table-scroll">
      <table className={compact ? 'data-table compact' : 'data-table nowrap'} data-testid={testId}>
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            {columns.map((column) => {
              const active = column.key === sort.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={column.sortable === false ? undefined : active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                >
                  {column.sortable === false ? (
                    <span className="visually-hidden">{column.label}</span>
                  ) : (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => toggle(column.key, column.numeric)}
                      title={t('research.sortBy', { column: column.label })}
                    >
                      {column.label}
                      <span aria-hidden="true">{active ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                    </button>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => (
            <tr key={rowKey(row)} {...rowData?.(row)}>
              {columns.map((column) => (
                <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                  {column.render ? column.render(row) : column.value(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
