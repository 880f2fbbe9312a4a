import { Link } from 'react-router-dom';
import type { NetworkResponse } from '../../core/api';
import { ROLE_ORDER } from '../../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../../core/i18n';

interface FocusPanelProps {
  graph: NetworkResponse;
  focusId: string;
  onClear: () => void;
  pinned: boolean;
  onHide: () => void;
  onPin: (on: boolean) => void;
  onExpand: () => void;
  /** A community's name as the legend gives it (the user's, when named). */
  communityName: (community: string) => string;
}

/** The focused node's key figures and what can be done with it (keyboard-reachable, like everything on the canvas). */
export function FocusPanel({ graph, focusId, onClear, pinned, onHide, onPin, onExpand, communityName }: FocusPanelProps) {
  const { t, unitName, formatNumber } = useI18n();
  const node = graph.elements.nodes.find((candidate) => candidate.data.id === focusId)?.data;
  if (!node) return null;
  const name =
    node.type === 'unit' ? unitName({ name: node.name, shortName: node.label, nameEn: node.nameEn }) : node.label;
  return (
    <section className="panel focus-panel" aria-live="polite">
      <h2>{t('network.focused', { name })}</h2>
      {node.type === 'unit' ? (
        <>
          <p>
            {t(`kind.${node.kind}` as MessageKey)}
            {` · ${communityName(String(node.community))}`}
          </p>
          <ul className="plain">
            <li>
              {t('workload.weightedLoad')}: {formatNumber(node.weightedLoad, 1)}
              {node.overloaded && <span className="badge badge-overloaded">{t('workload.overloaded')}</span>}
            </li>
            {ROLE_ORDER.filter((role) => node[role] > 0).map((role) => (
              <li key={role}>
                {t(`role.${role}` as MessageKey)}: {node[role]}
              </li>
            ))}
            {node.degree !== null && (
              <li>
                {t('attribute.degree')}: {node.degree}
              </li>
            )}
            {node.betweenness !== null && (
              <li>
                {t('attribute.betweenness')}: {node.betweenness.toFixed(3)}
              </li>
            )}
          </ul>
          <Link to={`/units/${encodeURIComponent(node.id)}`}>{t('workload.openProfile')} →</Link>
        </>
      ) : (
        <>
          <p className="source-text">{node.title}</p>
          <Link to={`/items/${encodeURIComponent(node.id)}`}>{t('items.title')} →</Link>
        </>
      )}
      <p className="row-actions">
        <button type="button" onClick={onExpand} title={t('explore.expandHint')}>
          {t('explore.expand')}
        </button>
        <button type="button" onClick={() => onPin(!pinned)} aria-pressed={pinned}>
          {pinned ? t('explore.unpin') : t('explore.pin')}
        </button>
        <button type="button" onClick={onHide}>
          {t('explore.hide')}
        </button>
        <button type="button" className="link-button" onClick={onClear}>
          {t('network.clearFocus')}
        </button>
      </p>
    </section>
  );
}
