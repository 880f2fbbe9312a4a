import { Link } from 'react-router-dom';
import { SortableTable, type Column } from '../../components/SortableTable';
import { useApi, type DueResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';

type DueRow = DueResponse['units'][number];

const SHOWN = 10;

/** Beside the workload: which units have deadlines falling this quarter, and overdue ones. */
export function DueThisQuarter() {
  const { t, unitName } = useI18n();
  const { scope } = useScope();
  const due = useApi<DueResponse>('/deadlines/due', scope.params);
  if (due.status !== 'ready' || due.data.units.length === 0) return null;
  const columns: Column<DueRow>[] = [
    {
      key: 'unit',
      label: t('workload.unit'),
      value: (row) => unitName(row.unit),
      render: (row) => <Link to={{ pathname: '/timeline', search: `?unit=${encodeURIComponent(row.unit.id)}` }}>{unitName(row.unit)}</Link>,
    },
    { key: 'dueThisQuarter', label: t('due.thisQuarter'), value: (row) => row.dueThisQuarter, numeric: true },
    { key: 'overdue', label: t('due.overdue'), value: (row) => row.overdue, numeric: true },
  ];
  return (
    <section className="due-quarter" aria-labelledby="due-title" data-testid="due-this-quarter">
      <h2 id="due-title">{t('due.title', { quarter: due.data.quarter.label })}</h2>
      <SortableTable
        compact
        columns={columns}
        rows={due.data.units.slice(0, SHOWN)}
        rowKey={(row) => row.unit.id}
        initialSort={{ key: 'dueThisQuarter', descending: true }}
      />
    </section>
  );
}
