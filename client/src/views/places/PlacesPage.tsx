import { AsyncView } from '../../components/AsyncView';
import { ItemLink } from '../../components/ItemLink';
import { offsetFrom, Pager } from '../../components/Pager';
import { encodeId, useApi, type PlaceItemsResponse, type PlacesResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';
import { TileMap, type PlaceRole } from './TileMap';

/** Where the work happens: the jurisdiction's places as tiles, coloured by item count, by role. */
export function PlacesPage() {
  const { t } = useI18n();
  const [state, setState] = useUrlState({ role: 'mentioned', place: '', placeOffset: '' });
  // A new place starts at its first page.
  const pick = (code: string) => setState({ place: code, placeOffset: '' });
  const { scope } = useScope();
  const report = useApi<PlacesResponse>('/places', scope.params);
  const role = (state.role === 'named' ? 'named' : 'mentioned') as PlaceRole;

  return (
    <section className="page" aria-labelledby="places-title">
      <h1 id="places-title">{t('places.title')}</h1>
      <p className="lead-text">{t('places.lead')}</p>
      <div className="segmented" role="group" aria-label={t('places.role')}>
        {(['mentioned', 'named'] as const).map((value) => (
          <button key={value} type="button" aria-pressed={role === value} onClick={() => setState({ role: value })}>
            {t(`places.role.${value}`)}
          </button>
        ))}
      </div>
      <AsyncView state={report} isEmpty={(data) => data.places.length === 0} emptyText={t('places.empty')}>
        {(data) => {
          const touched = data.places.some((place) => place.code === state.place || place.tile === state.place);
          const outside = data.places.filter((place) => place.tile === null);
          return (
            <div className="places-layout">
              <div className="places-map">
                <p className="hint">
                  {t('places.mapOf', { name: data.jurisdiction.name })} · {t(data.layout === 'geographic' ? 'places.layoutGeographic' : 'places.layoutGrid')}
                </p>
                <TileMap tiles={data.tiles} role={role} selected={state.place} onSelect={pick} />
                {outside.length > 0 && (
                  <div className="places-outside">
                    <h2>{t('places.outside')}</h2>
                    <ul className="chip-list">
                      {outside.map((place) => (
                        <li key={place.code}>
                          <button type="button" className="chip" aria-pressed={state.place === place.code} onClick={() => pick(place.code)}>
                            {place.name} ({place[role]})
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
              <aside className="places-items" aria-live="polite" data-testid="place-items">
                {touched ? <PlaceItems code={state.place} offset={offsetFrom(state.placeOffset)} onOffset={(next) => setState({ placeOffset: String(next) })} /> : <p className="hint">{t('places.pick')}</p>}
              </aside>
            </div>
          );
        }}
      </AsyncView>
    </section>
  );
}

/** Items per role per page: a city's items run to thousands. */
const PLACE_ITEMS_PER_PAGE = 50;

/**
 * The items touching the chosen place (and the places within its tile), named in a clause and mentioned in a body,
 * apart: one page of each, turned together.
 */
function PlaceItems({ code, offset, onOffset }: { code: string; offset: number; onOffset: (offset: number) => void }) {
  const { t } = useI18n();
  const { scope } = useScope();
  const items = useApi<PlaceItemsResponse>(`/places/${encodeId(code)}`, { ...scope.params, limit: PLACE_ITEMS_PER_PAGE, offset });
  return (
    <AsyncView state={items}>
      {({ places, named, mentioned }) => {
        const names = new Map(places.map((place) => [place.code, place.name]));
        return (
          <>
            <h2>{names.get(code) ?? places.map((place) => place.name).join('、')}</h2>
            <h3>
              {t('places.role.named')} ({named.total})
            </h3>
            <ul className="place-item-list" data-role="named">
              {named.rows.map((entry) => (
                <li key={`${entry.item.id}-${entry.unitId}-${entry.role}-${entry.placeCode}`}>
                  <ItemLink item={entry.item} />
                  <span className="muted">
                    {' '}
                    · {t(`role.${entry.role}`)} · {entry.item.documentTitle}
                  </span>
                </li>
              ))}
            </ul>
            <h3>
              {t('places.role.mentioned')} ({mentioned.total})
            </h3>
            <ul className="place-item-list" data-role="mentioned">
              {mentioned.rows.map((entry) => (
                <li key={`${entry.item.id}-${entry.placeCode}`}>
                  <ItemLink item={entry.item} />
                  <span className="muted">
                    {' '}
                    · “{entry.mention}”{names.size > 1 ? ` · ${names.get(entry.placeCode)}` : ''} · {entry.item.documentTitle}
                  </span>
                </li>
              ))}
            </ul>
            <Pager
              total={Math.max(named.total, mentioned.total)}
              offset={named.offset}
              limit={named.limit}
              label={t('places.title')}
              onChange={onOffset}
            />
          </>
        );
      }}
    </AsyncView>
  );
}
