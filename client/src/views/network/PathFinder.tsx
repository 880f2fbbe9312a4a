import type { NetworkResponse, UnitNodeData } from '../../core/api';
import { useI18n } from '../../core/i18n';
import type { PathResult } from '../../core/network/explore';

interface PathFinderProps {
  graph: NetworkResponse;
  from: string;
  to: string;
  path: PathResult | null;
  unitLabel: (unit: UnitNodeData) => string;
  onChange: (patch: { from?: string; to?: string }) => void;
}

/** Two units, and the shortest path between them drawn highlighted, with the items along it. */
export function PathFinder({ graph, from, to, path, unitLabel, onChange }: PathFinderProps) {
  const { t } = useI18n();
  const units = graph.elements.nodes
    .flatMap(({ data }) => (data.type === 'unit' ? [data] : []))
    .map((unit) => ({ id: unit.id, label: unitLabel(unit) }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const nameOf = (id: string) => units.find((unit) => unit.id === id)?.label ?? id;
  const select = (key: 'from' | 'to', label: string, value: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange({ [key]: e.target.value })} data-testid={`path-${key}`}>
        <option value="">{t('explore.choose')}</option>
        {units.map((unit) => (
          <option key={unit.id} value={unit.id}>
            {unit.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section className="panel path-finder" aria-labelledby="path-title">
      <h2 id="path-title">{t('explore.path')}</h2>
      <div className="toolbar toolbar-tight">
        {select('from', t('explore.pathFrom'), from)}
        {select('to', t('explore.pathTo'), to)}
        {(from || to) && (
          <button type="button" className="link-button" onClick={() => onChange({ from: '', to: '' })}>
            {t('explore.pathClear')}
          </button>
        )}
      </div>
      {from && to && (
        <div role="status" data-testid="path-result">
          {path ? (
            <>
              <p>{t('explore.pathFound', { from: nameOf(from), to: nameOf(to), hops: path.nodes.length - 1 })}</p>
              <ol className="path-steps">
                {path.nodes.map((id) => (
                  <li key={id}>{nameOf(id)}</li>
                ))}
              </ol>
              {path.items.length > 0 && <p>{t('explore.pathItems', { items: path.items.join('、') })}</p>}
            </>
          ) : (
            <p>{t('explore.pathNone', { from: nameOf(from), to: nameOf(to) })}</p>
          )}
        </div>
      )}
    </section>
  );
}
