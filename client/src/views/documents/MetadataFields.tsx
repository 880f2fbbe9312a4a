import type { MetadataValues } from '../../core/documents/ingest';
import { useI18n, type MessageKey } from '../../core/i18n';

const FIELDS: { key: keyof MetadataValues; label: MessageKey; type: 'text' | 'number' | 'date' }[] = [
  { key: 'title', label: 'documents.titleField', type: 'text' },
  { key: 'issuer', label: 'documents.issuerField', type: 'text' },
  { key: 'jurisdiction', label: 'documents.jurisdictionField', type: 'text' },
  { key: 'year', label: 'documents.yearField', type: 'number' },
  { key: 'publishedAt', label: 'documents.publishedField', type: 'date' },
];

/** Title, issuer, jurisdiction, year and publication date: the same fields when ingesting and when correcting. */
export function MetadataFields({ values, onChange }: { values: MetadataValues; onChange: (patch: Partial<MetadataValues>) => void }) {
  const { t } = useI18n();
  return (
    <fieldset className="metadata-fields">
      {FIELDS.map((field) => (
        <label key={field.key}>
          {t(field.label)}
          <input
            type={field.type}
            name={field.key}
            value={values[field.key]}
            {...(field.type === 'number' ? { min: 1000, max: 9999, step: 1 } : { maxLength: field.key === 'title' ? 500 : 200 })}
            onChange={(e) => onChange({ [field.key]: e.target.value })}
          />
        </label>
      ))}
    </fieldset>
  );
}
