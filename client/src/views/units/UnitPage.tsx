import { Link, useParams } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { offsetFrom, Pager } from '../../components/Pager';
import { SortableTable, type Column } from '../../components/SortableTable';
import { RoleBadge, UnitBadges } from '../../components/UnitBadges';
import { buildQuery, encodeId, useApi, type UnitDetailResponse } from '../../core/api';
import { formatMetric, NODE_METRICS } from '../../core/domain/metrics';
import { ROLE_ORDER } from '../../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../../core/i18n';
import { useUrlState } from '../../core/urlState/useUrlState';

type Partner = UnitDetailResponse['partners'][number];

// The community has its own line, with a link.
const METRICS = NODE_METRICS.filter((metric) => metric !== 'community');

/** Items per page: the busiest units answer for tens of thousands. */
const UNIT_ITEMS_PER_PAGE = 50;

export function UnitPage() {
  const { t, unitName, lang } = useI18n();
  const id = useParams().id ?? '';
  const [state, setState] = useUrlState({ role: '', offset: '' });
  const detail = useApi<UnitDetailResponse>(`/units/${encodeId(id)}`, { role: state.role, limit: UNIT_ITEMS_PER_PAGE, offset: offsetFrom(state.offset) });

  return (
    <section className="page" aria-labelledby="unit-title">
      <AsyncView state={detail}>
        {({ unit, items, itemPage, itemCounts, partners, sections, sectionCount, documents, metrics }) => {
          // Two plans may both have an item （八）: each item names its plan.
          const documentOf = new Map(documents.map((document) => [document.id, document]));
          const documentLabel = (id: string) => {
            const document = documentOf.get(id);
            return document ? `${document.title}${document.year === undefined ? '' : `（${document.year}）`}` : id;
          };
          const partnerColumns: Column<Partner>[] = [
            {
              key: 'unit',
              label: t('workload.unit'),
              value: (partner) => unitName(partner.unit),
              render: (partner) => (
                <>
                  <Link to={`/units/${encodeId(partner.unit.id)}`}>{unitName(partner.unit)}</Link>
                  <UnitBadges generic={partner.unit.kind === 'generic'} provisional={partner.unit.provisional} />
                </>
              ),
            },
            { key: 'sharedItems', label: t('unit.sharedItems'), value: (partner) => partner.sharedItems, numeric: true },
          ];
          return (
          <article>
            <h1 id="unit-title">
              {unitName(unit)}
              <UnitBadges generic={unit.kind === 'generic'} provisional={unit.provisional} />
            </h1>
            <p className="muted">
              {t(`kind.${unit.kind}` as MessageKey)}
              {unit.level ? ` · ${t(`level.${unit.level}`)}` : ''}
              {unit.function ? ` · ${unit.function}` : ''} · {t('unit.fullName')}: <span lang="zh">{unit.name}</span>
              {lang === 'zh' && unit.nameEn ? ` · ${unit.nameEn}` : ''}
            </p>
            <p>
              <Link to={`/network${buildQuery({ focus: unit.id })}`}>{t('unit.inNetwork')} →</Link>
            </p>
            <div className="unit-layout">
              <div>
                <h2>{t('unit.itemsByRole')}</h2>
                {itemCounts.total === 0 && <p className="notice">{t('unit.noItems')}</p>}
                {state.role && (
                  <button type="button" className="link-button" onClick={() => setState({ role: '', offset: '' })}>
                    {t('pager.allRoles')}
                  </button>
                )}
                {ROLE_ORDER.map((role) => {
                  const held = items.filter((entry) => entry.role === role);
                  if (itemCounts.byRole[role] === 0 || (state.role && state.role !== role)) return null;
                  return (
                    <section key={role} className="role-group" aria-label={t(`role.${role}` as MessageKey)}>
                      <h3>
                        <button
                          type="button"
                          className="link-button"
                          aria-pressed={state.role === role}
                          onClick={() => setState({ role, offset: '' })}
                        >
                          <RoleBadge role={role} /> {itemCounts.byRole[role]}
                        </button>
                      </h3>
                      <ul className="item-list compact">
                        {held.map((entry) => (
                          <li key={entry.item.id} data-item-id={entry.item.id}>
                            <span className="item-document muted" title={t('unit.document')}>
                              {documentLabel(entry.item.documentId)}
                            </span>{' '}
                            <Link to={`/items/${encodeId(entry.item.id)}`}>
                              <span className="item-label">{entry.item.label}</span>
                              {entry.item.title}
                            </Link>
                            <UnitBadges inferred={entry.inferred} />
                          </li>
                        ))}
                      </ul>
                    </section>
                  );
                })}
                <Pager {...itemPage} label={t('unit.itemsByRole')} onChange={(next) => setState({ offset: String(next) })} />
                <h2>{t('unit.byDocument')}</h2>
                <ul className="plain" data-testid="unit-documents">
                  {itemCounts.byDocument.map((entry) => (
                    <li key={entry.documentId}>
                      <Link to={`/items${buildQuery({ document: entry.documentId, unit: unit.id })}`}>{documentLabel(entry.documentId)}</Link>{' '}
                      <span className="muted">
                        ({t('unit.items')} {entry.items})
                      </span>
                    </li>
                  ))}
                </ul>
                <h2>
                  {t('unit.sections')} <span className="muted">({sectionCount})</span>
                </h2>
                <ul className="plain">
                  {sections.map((entry) => (
                    <li key={entry.section.id}>
                      <Link to={`/items${buildQuery({ document: entry.documentId, section: entry.section.id, unit: unit.id })}`}>
                        {entry.section.label}
                        {entry.section.title}
                      </Link>{' '}
                      <span className="muted">
                        ({t('unit.items')} {entry.items})
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
              <aside>
                <section className="panel">
                  <h2>{t('unit.metrics')}</h2>
                  {metrics ? (
                    <dl className="figures figures-compact">
                      <div>
                        <dt>{t('unit.community')}</dt>
                        <dd>
                          <Link to={`/research#community-${metrics.community}`}>
                            {t('network.community', { n: metrics.community })}
                          </Link>
                        </dd>
                      </div>
                      {METRICS.map((metric) => (
                        <div key={metric}>
                          <dt>{t(`attribute.${metric}`)}</dt>
                          <dd>{formatMetric(metric, metrics[metric])}</dd>
                        </div>
                      ))}
                    </dl>
                  ) : (
                    <p className="notice">{t('network.noCommunity')}</p>
                  )}
                </section>
                <section className="panel">
                  <h2>{t('unit.partners')}</h2>
                  {partners.length === 0 ? (
                    <p className="notice">{t('unit.noPartners')}</p>
                  ) : (
                    <SortableTable
                      compact
                      columns={partnerColumns}
                      rows={partners}
                      rowKey={(partner) => partner.unit.id}
                      initialSort={{ key: 'sharedItems', descending: true }}
                    />
                  )}
                </section>
              </aside>
            </div>
          </article>
          );
        }}
      </AsyncView>
    </section>
  );
}
