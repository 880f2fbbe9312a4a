import { Link } from 'react-router-dom';
import { AsyncView } from '../../components/AsyncView';
import { encodeId, useApi, type PlacesResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { useScope } from '../../core/scope/ScopeProvider';
import { useUrlState } from '../../core/urlState/useUrlState';
import { TileMap, type PlaceRole } from './TileMap';

type PlaceRow = PlacesResponse['places'][number];

/** Where the work happens: the jurisdiction's places as tiles, coloured by item count, by role. */
export function PlacesPage() {
  const { t } = useI18n();
  const [state, setState] = useUrlState({ role: 'mentioned', place: '' });
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
          const selected = data.places.filter((place) => place.code === state.place || place.tile === state.place);
          const outside = data.places.filter((place) => place.tile === null);
          return (
            <div className="places-layout">
              <div className="places-map">
                <p className="hint">
                  {t('places.mapOf', { name: data.jurisdiction.name })} · {t(data.layout === 'geographic' ? 'places.layoutGeographic' : 'places.layoutGrid')}
                </p>
                <TileMap tiles={data.tiles} role={role} selected={state.place} onSelect={(code) => setState({ place: code })} />
                {outside.length > 0 && (
                  <div className="places-outside">
                    <h2>{t('places.outside')}</h2>
                    <ul className="chip-list">
                      {outside.map((place) => (
                        <li key={place.code}>
                          <button type="button" className="chip" aria-pressed={state.place === place.code} onClick={() => setState({ place: place.code })}>
                            {place.name} ({place[role].length})
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
              <aside className="places-items" aria-live="polite" data-testid="place-items">
                {selected.length === 0 ? <p className="hint">{t('places.pick')}</p> : <PlaceItems places={selected} />}
              </aside>
            </div>
          );
        }}
      </AsyncView>
    </section>
  );
}

/** The items touching the chosen place (and the places within it), named in a clause and mentioned in a body, apart. */
function PlaceItems({ places }: { places: PlaceRow[] }) {
  const { t } = useI18n();
  const named = places.flatMap((place) => place.named.map((entry) => ({ ...entry, place })));
  const mentioned = places.flatMap((place) => place.mentioned.map((entry) => ({ ...entry, place })));
  return (
    <>
      <h2>{places[0]!.tile === places[0]!.code || places.length === 1 ? places[0]!.name : places.map((p) => p.name).join('、')}</h2>
      <h3>{t('places.role.named')} ({named.length})</h3>
      <ul className="place-item-list" data-role="named">
        {named.map((entry) => (
          <li key={`${entry.item.id}-${entry.unitId}-${entry.role}`}>
            <Link to={`/items/${encodeId(entry.item.id)}`} className="item-link">
              <span className="item-label">{entry.item.label}</span>
              {entry.item.title}
            </Link>
            <span className="muted"> · {t(`role.${entry.role}`)} · {entry.item.documentTitle}</span>
          </li>
        ))}
      </ul>
      <h3>{t('places.role.mentioned')} ({mentioned.length})</h3>
      <ul className="place-item-list" data-role="mentioned">
        {mentioned.map((entry) => (
          <li key={`${entry.item.id}-${entry.place.code}`}>
            <Link to={`/items/${encodeId(entry.item.id)}`} className="item-link">
              <span className="item-label">{entry.item.label}</span>
              {entry.item.title}
            </Link>
            <span className="muted"> · “{entry.mention}” · {entry.item.documentTitle}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
