import { encodeId, useApi, type DocumentDetailResponse } from '../core/api';
import { ROLE_ORDER, UNIT_KINDS } from '../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../core/i18n';
import { useScope } from '../core/scope/ScopeProvider';
import { SelectFilter } from './SelectFilter';

export interface FilterValues {
  section: string;
  kind: string;
  role: string;
}

interface FilterBarProps {
  values: Partial<FilterValues>;
  onChange: (patch: Partial<FilterValues>) => void;
  /** Which filters this view offers. */
  show: (keyof FilterValues)[];
}

/**
 * Section, unit-kind and role filters, as selects whose values go to the URL. Which plans are in
 * view is the scope's business (ScopeBar), shared by every view.
 */
export function FilterBar({ values, onChange, show }: FilterBarProps) {
  const { t } = useI18n();
  const { documents, scope } = useScope();
  // Sections belong to one document: the only one chosen, or the only one loaded.
  const sectionDocument = scope.documents.length === 1 ? scope.documents[0] : documents.length === 1 ? documents[0]?.id : undefined;
  const detail = useApi<DocumentDetailResponse>(
    show.includes('section') && sectionDocument ? `/documents/${encodeId(sectionDocument)}` : null,
  );
  const sections = detail.status === 'ready' ? detail.data.sections : [];
  const active = show.some((key) => values[key]);

  const selects: { key: keyof FilterValues; label: string; options: { value: string; label: string }[] }[] = [
    {
      key: 'section',
      label: t('filter.section'),
      options: sections.map((section) => ({ value: section.id, label: `${section.label}${section.title}` })),
    },
    {
      key: 'kind',
      label: t('filter.kind'),
      options: UNIT_KINDS.map((kind) => ({ value: kind, label: t(`kind.${kind}` as MessageKey) })),
    },
    {
      key: 'role',
      label: t('filter.role'),
      options: ROLE_ORDER.map((role) => ({ value: role, label: t(`role.${role}` as MessageKey) })),
    },
  ];

  return (
    <div className="filter-bar" role="group" aria-label={t('filter.label')}>
      {selects
        .filter((select) => show.includes(select.key))
        .map((select) => (
          <SelectFilter
            key={select.key}
            label={select.label}
            value={values[select.key] ?? ''}
            options={select.options}
            onChange={(value) => onChange({ [select.key]: value })}
            disabled={select.key === 'section' && sections.length === 0}
          />
        ))}
      {active && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange(Object.fromEntries(show.map((key) => [key, ''])) as Partial<FilterValues>)}
        >
          {t('filter.reset')}
        </button>
      )}
    </div>
  );
}
