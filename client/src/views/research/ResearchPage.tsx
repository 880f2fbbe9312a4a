import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { FilterBar } from '../../components/FilterBar';
import { SortableTable, type Column } from '../../components/SortableTable';
import { WeightSliders } from '../../components/WeightSliders';
import {
  apiUrl,
  encodeId,
  useApi,
  type CommunitiesResponse,
  type MetricsResponse,
  type NodeMetrics,
  type SnapshotFileKind,
} from '../../core/api';
import { formatMetric, NODE_METRICS } from '../../core/domain/metrics';
import { communityColour } from '../../core/domain/vocabulary';
import { useI18n, type I18n, type MessageKey } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';
import { formatWeights, parseWeights } from '../../core/workload/weights';

const DOWNLOADS: { format: SnapshotFileKind; label: string }[] = [
  { format: 'csv-nodes', label: 'Nodes CSV' },
  { format: 'csv-edges', label: 'Edges CSV' },
  { format: 'csv-responsibilities', label: 'Item–unit CSV' },
  { format: 'graphml', label: 'GraphML' },
  { format: 'gexf', label: 'GEXF' },
  { format: 'json', label: 'Cytoscape JSON' },
];


function metricColumns({ t, unitName }: I18n): Column<NodeMetrics>[] {
  return [
    {
      key: 'unit',
      label: t('workload.unit'),
      value: (row) => unitName(row.unit),
      render: (row) => <Link to={`/units/${encodeId(row.unit.id)}`}>{unitName(row.unit)}</Link>,
    },
    { key: 'kind', label: t('filter.kind'), value: (row) => t(`kind.${row.unit.kind}` as MessageKey) },
    ...NODE_METRICS.map(
      (metric): Column<NodeMetrics> => ({
        key: metric,
        label: t(`attribute.${metric}`),
        numeric: true,
        value: (row) => row[metric],
        render: (row) => formatMetric(metric, row[metric]),
      }),
    ),
  ];
}

export function ResearchPage() {
  const i18n = useI18n();
  const { t, unitName } = i18n;
  const [state, setState] = useUrlState({ resolution: '', seed: '', weights: '', section: '', kind: '' });
  const { scope } = useScope();
  const [draft, setDraft] = useState({ resolution: state.resolution, seed: state.seed });
  const filters = { ...scope.params, section: state.section, kind: state.kind };
  const networkParams = { ...filters, resolution: state.resolution, seed: state.seed };
  const metrics = useApi<MetricsResponse>('/metrics', networkParams);
  const communities = useApi<CommunitiesResponse>('/communities', networkParams);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setState({ resolution: draft.resolution.trim(), seed: draft.seed.trim() });
  };

  return (
    <section className="page" aria-labelledby="research-title">
      <h1 id="research-title">{t('research.title')}</h1>
      <FilterBar values={state} onChange={setState} show={['section', 'kind']} />
      <div className="research-layout">
        <div>
          <AsyncView state={metrics} isEmpty={(report) => report.nodes.length === 0}>
            {(report) => (
              <>
                <h2>{t('research.graph')}</h2>
                <dl className="figures">
                  <div>
                    <dt>{t('research.nodes')}</dt>
                    <dd>{report.graph.nodes}</dd>
                  </div>
                  <div>
                    <dt>{t('research.edges')}</dt>
                    <dd>{report.graph.edges}</dd>
                  </div>
                  <div>
                    <dt>{t('research.density')}</dt>
                    <dd>{report.graph.density.toFixed(3)}</dd>
                  </div>
                  <div>
                    <dt>{t('research.components')}</dt>
                    <dd>{report.graph.components}</dd>
                  </div>
                  <div>
                    <dt>{t('research.clustering')}</dt>
                    <dd>{report.graph.averageClustering.toFixed(3)}</dd>
                  </div>
                  <div>
                    <dt>{t('research.modularity')}</dt>
                    <dd data-figure="modularity">{report.partition.modularity.toFixed(4)}</dd>
                  </div>
                </dl>
                <h2>{t('research.metrics')}</h2>
                <SortableTable
                  columns={metricColumns(i18n)}
                  rows={report.nodes}
                  rowKey={(row) => row.unit.id}
                  initialSort={{ key: 'weightedDegree', descending: true }}
                />
              </>
            )}
          </AsyncView>
        </div>
        <aside>
          <form className="panel" onSubmit={apply}>
            <h2>{t('research.parameters')}</h2>
            <label>
              {t('research.resolution')}
              <input
                type="number"
                min={0.05}
                max={100}
                step={0.05}
                value={draft.resolution}
                placeholder={String(metrics.data?.parameters.resolution ?? '')}
                onChange={(e) => setDraft({ ...draft, resolution: e.target.value })}
              />
            </label>
            <label>
              {t('research.seed')}
              <input
                type="number"
                min={0}
                step={1}
                value={draft.seed}
                placeholder={String(metrics.data?.parameters.seed ?? '')}
                onChange={(e) => setDraft({ ...draft, seed: e.target.value })}
              />
            </label>
            <button type="submit">{t('research.apply')}</button>
          </form>
          <section className="panel" aria-labelledby="communities-title">
            <h2 id="communities-title">{t('research.communities')}</h2>
            <AsyncView state={communities} isEmpty={(result) => result.communities.length === 0}>
              {(result) => (
                <>
                  <p>
                    {t('research.modularity')}: <strong>{result.modularity.toFixed(4)}</strong> · {result.count}
                  </p>
                  <ol className="plain community-list">
                    {result.communities.map((community) => (
                      <li key={community.id} id={`community-${community.id}`}>
                        <span className="swatch" style={{ background: communityColour(community.id) }} aria-hidden="true" />
                        <strong>{t('network.community', { n: community.id })}</strong> ({community.size}):{' '}
                        {community.members.map((unit) => unitName(unit)).join('、')}
                      </li>
                    ))}
                  </ol>
                </>
              )}
            </AsyncView>
          </section>
          <section className="panel" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{t('research.downloads')}</h2>
            {metrics.data && (
              <WeightSliders
                weights={{ ...metrics.data.parameters.weights, ...parseWeights(state.weights) }}
                onChange={(role, weight) =>
                  setState({ weights: formatWeights({ ...parseWeights(state.weights), [role]: weight }) })
                }
                onReset={() => setState({ weights: '' })}
              />
            )}
            <ul className="downloads">
              {DOWNLOADS.map(({ format, label }) => (
                <li key={format}>
                  <a href={apiUrl(`/export/${format}`, { ...networkParams, weights: state.weights })} download data-format={format}>
                    {label}
                  </a>
                </li>
              ))}
            </ul>
          </section>
        </aside>
      </div>
    </section>
  );
}
