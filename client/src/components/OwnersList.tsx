import { Link } from 'react-router-dom';
import type { Owner } from '../core/api';
import { ROLE_ORDER } from '../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../core/i18n';
import { UnitBadges } from './UnitBadges';

/**
 * An item's owners grouped by role, lead first. A role nobody holds is not shown, except the
 * lead: "no lead" is itself an accountability finding and must be visible.
 */
export function OwnersList({ owners }: { owners: Owner[] }) {
  const { t, unitName } = useI18n();
  if (owners.length === 0) return <p className="notice">{t('items.noOwners')}</p>;
  return (
    <dl className="owners">
      {ROLE_ORDER.map((role) => {
        const holders = owners.filter((owner) => owner.role === role);
        if (holders.length === 0 && role !== 'lead') return null;
        return (
          <div key={role} className={`owners-role owners-${role}`}>
            <dt>
              <span className={`role role-${role}`}>{t(`role.${role}` as MessageKey)}</span>
            </dt>
            {holders.length === 0 ? (
              <dd className="no-lead">{t('items.noLead')}</dd>
            ) : (
              holders.map((owner) => (
                <dd key={`${owner.unit.id}-${owner.start}`} data-role={role}>
                  <Link to={`/units/${encodeURIComponent(owner.unit.id)}`}>{unitName(owner.unit)}</Link>
                  {owner.nameAsWritten !== owner.unit.shortName && (
                    <span className="as-written" title={t('items.asWritten')}>
                      「{owner.nameAsWritten}」
                    </span>
                  )}
                  <UnitBadges
                    inferred={owner.inferred}
                    generic={owner.unit.kind === 'generic'}
                    provisional={owner.unit.provisional}
                  />
                </dd>
              ))
            )}
          </div>
        );
      })}
    </dl>
  );
}
