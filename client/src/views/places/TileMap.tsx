import type { PlacesResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';

export type PlaceRole = 'named' | 'mentioned';
type Tile = PlacesResponse['tiles'][number];

const SIZE = 64;
const GAP = 4;
/** Sequential blues (ColorBrewer Blues), light for few items, dark for many; white for none. */
const SHADES = ['#ffffff', '#deebf7', '#9ecae1', '#4292c6', '#08519c'];

const shadeOf = (count: number, max: number) => (count === 0 ? SHADES[0]! : SHADES[Math.min(4, 1 + Math.floor(((count - 1) / Math.max(1, max)) * 4))]!);

/**
 * A tile map: one square per place, placed on the server's grid. No boundaries are drawn: the
 * server only has trustworthy neighbourhoods, not borders (graph/analytics/tiles.ts).
 */
export function TileMap({ tiles, role, selected, onSelect }: { tiles: Tile[]; role: PlaceRole; selected: string; onSelect: (code: string) => void }) {
  const { t } = useI18n();
  const columns = Math.max(...tiles.map((tile) => tile.col)) + 1;
  const rows = Math.max(...tiles.map((tile) => tile.row)) + 1;
  const max = Math.max(...tiles.map((tile) => tile[role]));
  const width = columns * (SIZE + GAP);
  const height = rows * (SIZE + GAP);
  return (
    <figure className="tile-map">
      <svg viewBox={`0 0 ${width} ${height}`} role="group" aria-label={t('places.mapLabel')} data-testid="tile-map">
        {tiles.map((tile) => {
          const count = tile[role];
          const dark = count > 0 && SHADES.indexOf(shadeOf(count, max)) >= 3;
          return (
            <g
              key={tile.code}
              transform={`translate(${tile.col * (SIZE + GAP)},${tile.row * (SIZE + GAP)})`}
              role="button"
              tabIndex={0}
              aria-pressed={selected === tile.code}
              data-code={tile.code}
              data-count={count}
              className="tile"
              onClick={() => onSelect(tile.code)}
              onKeyDown={(event) => (event.key === 'Enter' || event.key === ' ') && onSelect(tile.code)}
            >
              {/* The full name and count as the tile's name (and tooltip): an aria-label would hide the short name shown (WCAG 2.5.3). */}
              <title>{`${tile.name}: ${count}`}</title>
              <rect width={SIZE} height={SIZE} rx={6} fill={shadeOf(count, max)} stroke={selected === tile.code ? '#b4232a' : '#6b7785'} strokeWidth={selected === tile.code ? 3 : 1} />
              <text x={SIZE / 2} y={SIZE / 2 - 4} textAnchor="middle" fontSize={12} fill={dark ? '#ffffff' : '#1d2733'}>
                {tile.name.replace(/(市|区|县|省|自治州|盟)$/, '')}
              </text>
              <text x={SIZE / 2} y={SIZE / 2 + 14} textAnchor="middle" fontSize={13} fontWeight={600} fill={dark ? '#ffffff' : '#1d2733'}>
                {count}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="tile-legend">
        {t('places.legend')}{' '}
        {SHADES.map((shade) => (
          <span key={shade} className="swatch" style={{ background: shade }} />
        ))}
      </figcaption>
    </figure>
  );
}
