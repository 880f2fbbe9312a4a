import { Link } from 'react-router-dom';
import { useApi, type DueResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';

const SHOWN = 10;

/** Beside the workload: which units have deadlines falling this quarter, and overdue ones. */
export function DueThisQuarter() {
  const { t, unitName } = useI18n();
  const { scope } = useScope();
  const due = useApi<DueResponse>('/deadlines/due', scope.params);
  if (due.status !== 'ready' || due.data.units.length === 0) return null;
  return (
    <section className="due-quarter" aria-labelledby="due-title" data-testid="due-this-quarter">
      <h2 id="due-title">{t('due.title', { quarter: due.data.quarter.label })}</h2>
      <table className="data-table compact">
        <thead>
          <tr>
            <th scope="col">{t('workload.unit')}</th>
            <th scope="col" className="numeric">{t('due.thisQuarter')}</th>
            <th scope="col" className="numeric">{t('due.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {due.data.units.slice(0, SHOWN).map((row) => (
            <tr key={row.unit.id}>
              <td>
                <Link to={{ pathname: '/timeline', search: `?unit=${encodeURIComponent(row.unit.id)}` }}>{unitName(row.unit)}</Link>
              </td>
              <td className="numeric">{row.dueThisQuarter}</td>
              <td className="numeric">{row.overdue}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
