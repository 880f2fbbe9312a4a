import { useI18n } from '../core/i18n';

interface UnitBadgesProps {
  inferred?: boolean;
  generic?: boolean;
  provisional?: boolean;
}

/** Visible marks for what an auditor must not miss: inferred roles, generic owners, unknown names. */
export function UnitBadges({ inferred, generic, provisional }: UnitBadgesProps) {
  const { t } = useI18n();
  return (
    <>
      {inferred && (
        <span className="badge badge-inferred" title={t('marker.inferredHint')}>
          {t('marker.inferred')}
        </span>
      )}
      {generic && (
        <span className="badge badge-generic" title={t('marker.genericHint')}>
          {t('marker.generic')}
        </span>
      )}
      {provisional && (
        <span className="badge badge-provisional" title={t('marker.provisionalHint')}>
          {t('marker.provisional')}
        </span>
      )}
    </>
  );
}

export function RoleBadge({ role }: { role: string }) {
  const { t } = useI18n();
  return <span className={`role role-${role}`}>{t(`role.${role}` as Parameters<typeof t>[0])}</span>;
}
