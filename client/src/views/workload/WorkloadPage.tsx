import { useNavigate } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { SortableTable, type Column } from '../../components/SortableTable';
import { FilterBar } from '../../components/FilterBar';
import { WeightSliders } from '../../components/WeightSliders';
import { WorkloadChart } from '../../components/WorkloadChart';
import { useApi, type WorkloadResponse } from '../../core/api';
import { useI18n, type MessageKey } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';
import { formatWeights, parseWeights } from '../../core/workload/weights';
import { DueThisQuarter } from './DueThisQuarter';

type PeerGroup = WorkloadResponse['overloadRule']['peerGroups'][number];

const TOP_ROWS = 30; // enough for every provincial department of one plan; "show all" for the rest

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;

export function WorkloadPage() {
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const [state, setState] = useUrlState({ section: '', kind: '', weights: '', all: '' });
  const { scope } = useScope();
  const workload = useApi<WorkloadResponse>('/workload', {
    ...scope.params,
    section: state.section,
    kind: state.kind,
    weights: state.weights,
    // The top rows only, until "show all": the whole ranking of a large corpus is megabytes.
    limit: state.all ? undefined : TOP_ROWS,
  });

  return (
    <section className="page" aria-labelledby="workload-title">
      <h1 id="workload-title">{t('workload.title')}</h1>
      <p className="lead-text">{t('workload.lead')}</p>
      <FilterBar values={state} onChange={setState} show={['section', 'kind']} />
      <AsyncView state={workload} isEmpty={(report) => report.rows.length === 0}>
        {(report) => {
          const thresholds: Record<string, number | null> = Object.fromEntries(
            report.overloadRule.peerGroups.map((group) => [group.peerGroup, group.threshold]),
          );
          const { rows } = report;
          // However many rows came, how many units the ranking has.
          const total = report.concentration.units;
          const { concentration } = report;
          const peerGroupColumns: Column<PeerGroup>[] = [
            {
              key: 'peerGroup',
              label: t('workload.peerGroup'),
              value: (group) => `${group.jurisdictionName ?? group.jurisdiction} · ${t(`kind.${group.kind}` as MessageKey)}`,
            },
            { key: 'units', label: t('workload.units'), value: (group) => group.units, numeric: true },
            {
              key: 'threshold',
              label: t('workload.threshold'),
              value: (group) => group.threshold,
              render: (group) => (group.threshold === null ? '—' : formatNumber(group.threshold)),
              numeric: true,
            },
            { key: 'overloaded', label: t('workload.overloadedCount'), value: (group) => group.overloaded, numeric: true },
          ];
          return (
            <div className="workload-layout">
              <div className="workload-main">
                <p className="hint">{t('workload.openProfile')}</p>
                <WorkloadChart
                  rows={rows}
                  weights={report.parameters.weights}
                  thresholds={thresholds}
                  onSelect={(id) => navigate(`/units/${encodeURIComponent(id)}`)}
                />
                {rows.length < total && (
                  <p>
                    {t('workload.showing', { shown: rows.length, total })}{' '}
                    <button type="button" className="link-button" onClick={() => setState({ all: '1' })}>
                      {t('workload.showAll')}
                    </button>
                  </p>
                )}
              </div>
              <aside className="workload-side">
                <dl className="figures" aria-label="concentration">
                  <div>
                    <dt>{t('workload.top1')}</dt>
                    <dd data-figure="top1">{percent(concentration.top1Share)}</dd>
                  </div>
                  <div>
                    <dt>{t('workload.top3')}</dt>
                    <dd>{percent(concentration.top3Share)}</dd>
                  </div>
                  <div>
                    <dt>{t('workload.gini')}</dt>
                    <dd data-figure="gini">{concentration.gini.toFixed(3)}</dd>
                  </div>
                  <div>
                    <dt>{t('workload.hhi')}</dt>
                    <dd>{concentration.hhi.toFixed(3)}</dd>
                  </div>
                  <div>
                    <dt>{t('workload.units')}</dt>
                    <dd>{concentration.units}</dd>
                  </div>
                </dl>
                <section className="rule" aria-labelledby="rule-title">
                  <h2 id="rule-title">{t('workload.rule')}</h2>
                  {/* The server states the rule in English; the same rule, from its parameters, in the interface language. */}
                  <p data-testid="overload-rule">
                    {t('workload.ruleText', {
                      k: report.overloadRule.overloadFactor,
                      min: report.overloadRule.minPeerGroupSize,
                    })}
                  </p>
                  <SortableTable
                    compact
                    columns={peerGroupColumns}
                    rows={report.overloadRule.peerGroups}
                    rowKey={(group) => group.peerGroup}
                    rowData={(group) => ({ 'data-peer-group': group.peerGroup })}
                    initialSort={{ key: 'units', descending: true }}
                  />
                </section>
                <DueThisQuarter />
                <WeightSliders
                  weights={report.parameters.weights}
                  onChange={(role, weight) =>
                    setState({ weights: formatWeights({ ...parseWeights(state.weights), [role]: weight }) })
                  }
                  onReset={() => setState({ weights: '' })}
                />
              </aside>
            </div>
          );
        }}
      </AsyncView>
    </section>
  );
}
