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

  return (
    <div className="filter-bar" role="group" aria-label={t('filter.document')}>
      {show.includes('document') && (
        <label>
          {t('filter.document')}
          <select value={values.document ?? ''} onChange={(e) => onChange({ document: e.target.value, section: '' })}>
            <option value="">{t('filter.all')}</option>
            {list.map((document) => (
              <option key={document.id} value={document.id}>
                {document.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {show.includes('section') && (
        <label>
          {t('filter.section')}
          <select
            value={values.section ?? ''}
            onChange={(e) => onChange({ section: e.target.value })}
            disabled={sections.length === 0}
          >
            <option value="">{t('filter.all')}</option>
            {sections.map((section) => (
              <option key={section.id} value={section.id}>
                {section.label}
                {section.title}
              </option>
            ))}
          </select>
        </label>
      )}
      {show.includes('kind') && (
        <label>
          {t('filter.kind')}
          <select value={values.kind ?? ''} onChange={(e) => onChange({ kind: e.target.value })}>
            <option value="">{t('filter.all')}</option>
            {UNIT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      )}
      {show.includes('role') && (
        <label>
          {t('filter.role')}
          <select value={values.role ?? ''} onChange={(e) => onChange({ role: e.target.value })}>
            <option value="">{t('filter.all')}</option>
            {ROLE_ORDER.map((role) => (
              <option key={role} value={role}>
                {t(`role.${role}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>
      )}
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
