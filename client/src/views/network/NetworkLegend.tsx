import { useState } from 'react';
import type { NetworkResponse, UnitNodeData } from '../../core/api';
import { ROLE_COLOURS, ROLE_ORDER } from '../../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../../core/i18n';
import { categoryLegend } from '../../core/network/elements';
import { extent, isMeasure, SCALE_GRADIENT, type Colouring, type NodeMeasure } from '../../core/network/explore';
import { useCategoryName } from './categoryName';

const EDGE_DASH: Record<string, string | undefined> = { support: '6 4', implement: '2 3', guide: '6 4' };
const EDGE_WIDTH: Record<string, number> = { lead: 4, co: 2.5, support: 1.5, implement: 1.5, guide: 1.5 };

interface NetworkLegendProps {
  graph: NetworkResponse;
  colour: Colouring;
  size: NodeMeasure;
  communityNames: Record<string, string>;
  onRename: (community: string, name: string) => void;
  onFocus: (id: string) => void;
  unitLabel: (unit: UnitNodeData) => string;
}

/**
 * What colour and size stand for. Categories list every member (scrollable), each a button that
 * focuses it; communities can be named, the names kept in the URL. A measure shows its scale.
 */
export function NetworkLegend({ graph, colour, size, communityNames, onRename, onFocus, unitLabel }: NetworkLegendProps) {
  const { t, formatNumber } = useI18n();
  const categoryName = useCategoryName(communityNames);
  const [renaming, setRenaming] = useState<string | null>(null);
  const units = graph.elements.nodes.flatMap(({ data }) => (data.type === 'unit' ? [data] : []));
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('network.legend')}</h2>
      <p className="hint">
        {t('explore.sizeBy', { measure: t(`attribute.${size}`) })} ·{' '}
        {t('explore.colourBy', { attribute: t(`attribute.${colour}`) })}
      </p>
      {isMeasure(colour) ? (
        <div className="scale-legend" data-testid="scale-legend">
          <span className="scale-bar" style={{ background: SCALE_GRADIENT }} aria-hidden="true" />
          <span className="scale-ends">
            <span>{formatNumber(extent(units, colour)[0], 3)}</span>
            <span>{formatNumber(extent(units, colour)[1], 3)}</span>
          </span>
        </div>
      ) : (
        <ul className="legend-communities">
          {categoryLegend(graph, colour).map((entry) => (
            <li key={entry.category} data-category={entry.category}>
              <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
              {renaming === entry.category ? (
                <form
                  className="rename"
                  onSubmit={(event) => {
                    event.preventDefault();
                    const input = event.currentTarget.elements.namedItem('name') as HTMLInputElement;
                    onRename(entry.category, input.value);
                    setRenaming(null);
                  }}
                >
                  <label>
                    <span className="visually-hidden">{t('explore.communityName')}</span>
                    <input name="name" defaultValue={communityNames[entry.category] ?? ''} maxLength={40} autoFocus />
                  </label>
                  <button type="submit">{t('documents.save')}</button>
                </form>
              ) : (
                <strong>{categoryName(colour, entry.category)}</strong>
              )}{' '}
              ({entry.members.length})
              {colour === 'community' && renaming !== entry.category && (
                <button type="button" className="link-button" onClick={() => setRenaming(entry.category)}>
                  {t('explore.rename')}
                </button>
              )}
              <ul className="legend-members" aria-label={t('explore.members', { name: categoryName(colour, entry.category) })}>
                {entry.members.map((member) => (
                  <li key={member.id}>
                    <button type="button" className="link-button" onClick={() => onFocus(member.id)}>
                      {unitLabel(member)}
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {graph.mode === 'bipartite' && (
        <ul className="legend-edges">
          {ROLE_ORDER.map((role) => (
            <li key={role}>
              <svg width="36" height="10" aria-hidden="true">
                <line
                  x1="0"
                  y1="5"
                  x2="36"
                  y2="5"
                  stroke={ROLE_COLOURS[role]}
                  strokeWidth={EDGE_WIDTH[role]}
                  strokeDasharray={EDGE_DASH[role]}
                />
              </svg>
              {t(`role.${role}` as MessageKey)}
            </li>
          ))}
        </ul>
      )}
      <p className="hint">
        <span className="swatch swatch-overloaded" aria-hidden="true" /> {t('workload.overloaded')}
      </p>
    </section>
  );
}
