import { AsyncView } from '../../components/AsyncView';
import { ItemLink } from '../../components/ItemLink';
import { offsetFrom, Pager } from '../../components/Pager';
import { useApi, type TimelineResponse, type UnitListResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';

type Entry = TimelineResponse['months'][number]['entries'][number];

/** Entries listed per month until one month is opened: every month is counted, the busiest hold thousands. */
const ENTRIES_PER_MONTH = 5;

/** Today in the browser's calendar, YYYY-MM-DD. */
const localToday = () => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

/** By when: a department's deadlines month by month, overdue ones marked against today. */
export function TimelinePage() {
  const { t, unitName } = useI18n();
  const [state, setState] = useUrlState({ unit: '', today: '', month: '', offset: '' });
  const { scope } = useScope();
  const today = state.today || localToday();
  const units = useApi<UnitListResponse>('/units', scope.params);
  const timeline = useApi<TimelineResponse>('/timeline', {
    ...scope.params,
    unit: state.unit,
    today,
    month: state.month,
    limit: ENTRIES_PER_MONTH,
    offset: offsetFrom(state.offset),
  });

  return (
    <section className="page" aria-labelledby="timeline-title">
      <h1 id="timeline-title">{t('timeline.title')}</h1>
      <p className="lead-text">{t('timeline.lead')}</p>
      <div className="filter-bar">
        <label>
          {t('timeline.unit')}{' '}
          <select value={state.unit} data-testid="timeline-unit" onChange={(event) => setState({ unit: event.target.value, month: '', offset: '' })}>
            <option value="">{t('timeline.allUnits')}</option>
            {(units.data?.units ?? [])
              .filter((unit) => unit.kind !== 'generic')
              .map((unit) => (
                <option key={unit.id} value={unit.id}>
                  {unitName(unit)}
                </option>
              ))}
          </select>
        </label>
        <span className="muted">{t('timeline.today', { today })}</span>
      </div>
      <AsyncView state={timeline} isEmpty={(data) => data.months.length === 0 && data.ongoing.total === 0} emptyText={t('timeline.empty')}>
        {(data) => (
          <>
            <p className="counts" role="status" data-testid="timeline-counts">
              {t('timeline.counts', { dated: data.counts.dated, overdue: data.counts.overdue, ongoing: data.counts.ongoing })}
            </p>
            <ol className="timeline">
              {data.months.map((month) => (
                <li key={month.month} className="timeline-month" data-month={month.month}>
                  <h2>
                    {month.month} <span className="muted">({month.total})</span>
                  </h2>
                  <ul>
                    {month.entries.map((entry) => (
                      <TimelineEntry key={`${entry.item.id}-${entry.deadline.start}`} entry={entry} />
                    ))}
                  </ul>
                  {state.month === month.month ? (
                    <>
                      <Pager
                        total={month.total}
                        offset={month.offset}
                        limit={month.limit}
                        label={month.month}
                        onChange={(next) => setState({ offset: String(next) })}
                      />
                      <button type="button" className="link-button" onClick={() => setState({ month: '', offset: '' })}>
                        {t('timeline.allMonths')}
                      </button>
                    </>
                  ) : (
                    month.entries.length < month.total && (
                      <button type="button" className="link-button" onClick={() => setState({ month: month.month, offset: '' })}>
                        {t('timeline.openMonth', { n: month.total })}
                      </button>
                    )
                  )}
                </li>
              ))}
            </ol>
            {data.ongoing.entries.length > 0 && (
              <section aria-labelledby="ongoing-title">
                <h2 id="ongoing-title">{t('timeline.ongoing')}</h2>
                <ul className="timeline-ongoing">
                  {data.ongoing.entries.map((entry) => (
                    <TimelineEntry key={`${entry.item.id}-${entry.deadline.start}`} entry={entry} />
                  ))}
                </ul>
                {data.ongoing.entries.length < data.ongoing.total && (
                  <p className="muted">{t('pager.range', { from: 1, to: data.ongoing.entries.length, total: data.ongoing.total })}</p>
                )}
              </section>
            )}
          </>
        )}
      </AsyncView>
    </section>
  );
}

function TimelineEntry({ entry }: { entry: Entry }) {
  const { t } = useI18n();
  return (
    <li className={entry.overdue ? 'timeline-entry overdue' : 'timeline-entry'} data-overdue={entry.overdue}>
      <span className="timeline-date">{entry.deadline.date ?? '—'}</span>
      {entry.overdue && <span className="badge badge-overdue">{t('timeline.overdue')}</span>}{' '}
      <ItemLink item={entry.item} />
      <span className="muted">
        {' '}
        · “{entry.deadline.text}” · {entry.item.documentTitle}
      </span>
    </li>
  );
}
