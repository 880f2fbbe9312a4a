import type { NetworkResponse } from '../../core/api';
import { ROLE_COLOURS, ROLE_ORDER } from '../../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../../core/i18n';
import { communityLegend } from '../../core/network/elements';

const MEMBERS_SHOWN = 6;
const EDGE_DASH: Record<string, string | undefined> = { support: '6 4', implement: '2 3', guide: '6 4' };
const EDGE_WIDTH: Record<string, number> = { lead: 4, co: 2.5, support: 1.5, implement: 1.5, guide: 1.5 };

/** Colour = community (with its heaviest members, so a cluster can be named at a glance); edge style = role. */
export function NetworkLegend({ graph, onFocus }: { graph: NetworkResponse; onFocus: (id: string) => void }) {
  const { t, unitName } = useI18n();
  const communities = communityLegend(graph);
  return (
    <section className="panel legend" aria-labelledby="legend-title">
      <h2 id="legend-title">{t('network.legend')}</h2>
      <p className="hint">{t('network.size')}</p>
      <ul className="legend-communities">
        {communities.map((entry) => (
          <li key={entry.community ?? 'none'}>
            <span className="swatch" style={{ background: entry.colour }} aria-hidden="true" />
            <strong>
              {entry.community === null ? t('network.noCommunity') : t('network.community', { n: entry.community })}
            </strong>{' '}
            ({entry.members.length}):{' '}
            {entry.members.slice(0, MEMBERS_SHOWN).map((member, index) => (
              <span key={member.id}>
                {index > 0 && '、'}
                <button type="button" className="link-button" onClick={() => onFocus(member.id)}>
                  {unitName({ name: member.name, shortName: member.label, nameEn: member.nameEn })}
                </button>
              </span>
            ))}
            {entry.members.length > MEMBERS_SHOWN && ' …'}
          </li>
        ))}
      </ul>
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
