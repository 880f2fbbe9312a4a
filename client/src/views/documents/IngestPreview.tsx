import type { IngestPreviewResponse } from '../../core/api';
import { SortableTable, type Column } from '../../components/SortableTable';
import { RoleBadge, UnitBadges } from '../../components/UnitBadges';
import { describeWarning, useI18n } from '../../core/i18n';

interface PreviewRow {
  item: IngestPreviewResponse['items'][number];
  /** Where the item stands in the document. */
  position: number;
}

/** What a commit would write: items with their assignments, warnings, and names the registry lacks. */
export function IngestPreview({ preview }: { preview: IngestPreviewResponse }) {
  const i18n = useI18n();
  const { t } = i18n;
  const columns: Column<PreviewRow>[] = [
    {
      // Sorted by document order, the order the parser read them in.
      key: 'item',
      label: t('documents.items'),
      value: ({ position }) => position,
      render: ({ item }) => (
        <>
          <span className="item-label">{item.label}</span>
          {item.title}
        </>
      ),
    },
    {
      key: 'assignments',
      label: t('documents.assignments'),
      value: ({ item }) => item.assignments.length,
      render: ({ item }) =>
        item.assignments.map((assignment) => (
          <span key={`${assignment.unitId}-${assignment.start}`} className="assignment">
            <RoleBadge role={assignment.role} /> {assignment.nameAsWritten}
            <UnitBadges inferred={assignment.inferred} generic={assignment.generic} provisional={assignment.provisional} />
          </span>
        )),
    },
  ];
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
              <code>{warning.code}</code> {describeWarning(i18n, warning)}{' '}
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
      <SortableTable
        compact
        columns={columns}
        rows={preview.items.map((item, position) => ({ item, position }))}
        rowKey={({ item }) => item.id}
      />
    </div>
  );
}
