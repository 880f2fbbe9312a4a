import { encodeId, useApi, type DocumentDetailResponse, type DocumentListResponse } from '../core/api';
import { ROLE_ORDER, UNIT_KINDS } from '../core/domain/vocabulary';
import { useI18n, type MessageKey } from '../core/i18n';

export interface FilterValues {
  document: string;
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

/** Document, section, unit-kind and role filters, as selects whose values go to the URL. */
export function FilterBar({ values, onChange, show }: FilterBarProps) {
  const { t } = useI18n();
  const documents = useApi<DocumentListResponse>(show.includes('document') || show.includes('section') ? '/documents' : null);
  const list = documents.status === 'ready' ? documents.data.documents : [];
  // Sections belong to one document: the chosen one, or the only one loaded.
  const sectionDocument = values.document || (list.length === 1 ? list[0]?.id : undefined);
  const detail = useApi<DocumentDetailResponse>(
    show.includes('section') && sectionDocument ? `/documents/${encodeId(sectionDocument)}` : null,
  );
  const sections = detail.status === 'ready' ? detail.data.sections : [];
  const active = show.some((key) => values[key]);

  const selects: { key: keyof FilterValues; label: string; options: { value: string; label: string }[] }[] = [
    { key: 'document', label: t('filter.document'), options: list.map((d) => ({ value: d.id, label: d.title })) },
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
          <label key={select.key}>
            {select.label}
            <select
              value={values[select.key] ?? ''}
              // A new document invalidates the chosen section.
              onChange={(e) => onChange(select.key === 'document' ? { document: e.target.value, section: '' } : { [select.key]: e.target.value })}
              disabled={select.key === 'section' && sections.length === 0}
            >
              <option value="">{t('filter.all')}</option>
              {select.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
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
