import type { IngestPreviewResponse } from '../../core/api';
import { RoleBadge, UnitBadges } from '../../components/UnitBadges';
import { useI18n } from '../../core/i18n';

/** What a commit would write: items with their assignments, warnings, and names the registry lacks. */
export function IngestPreview({ preview }: { preview: IngestPreviewResponse }) {
  const { t } = useI18n();
  return (
    <div className="preview" data-testid="ingest-preview">
      <h3>
        {t('documents.preview')}: {preview.document.title} <span className="muted">({preview.document.id})</span>
      </h3>
      <p data-testid="preview-metadata">
        {t('documents.jurisdiction')}: {preview.document.jurisdiction?.name ?? '—'} · {t('documents.year')}: {preview.document.year ?? '—'} ·{' '}
        {t('documents.issuer')}: {preview.document.issuer ?? '—'} · {t('documents.published')}: {preview.document.publishedAt ?? '—'}
      </p>
      <p>
        {t('documents.sections')} {preview.counts.sections} · {t('documents.items')} {preview.counts.items} ·{' '}
        {t('documents.assignments')} {preview.counts.assignments}
      </p>
      <h4>{t('documents.warnings')}</h4>
      {preview.warnings.length === 0 ? (
        <p className="muted">{t('documents.noWarnings')}</p>
      ) : (
        <ul className="warnings">
          {preview.warnings.map((warning, index) => (
            <li key={index}>
              <code>{warning.code}</code> {warning.message}{' '}
              <span className="muted">{t('documents.line', { line: warning.line, column: warning.column })}</span>
            </li>
          ))}
        </ul>
      )}
      {preview.unknownUnits.length > 0 && (
        <>
          <h4>{t('documents.unknownUnits')}</h4>
          <ul className="unknown-units">
            {preview.unknownUnits.map((unit) => (
              <li key={unit.unitId}>
                <strong>{unit.name}</strong>{' '}
                <span className="muted">{unit.occurrences.map((occurrence) => occurrence.label).join(' ')}</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="table-scroll">
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">{t('documents.items')}</th>
              <th scope="col">{t('documents.assignments')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <span className="item-label">{item.label}</span>
                  {item.title}
                </td>
                <td>
                  {item.assignments.map((assignment) => (
                    <span key={`${assignment.unitId}-${assignment.start}`} className="assignment">
                      <RoleBadge role={assignment.role} /> {assignment.name}
                      <UnitBadges
                        inferred={assignment.inferred}
                        generic={assignment.generic}
                        provisional={assignment.provisional}
                      />
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
