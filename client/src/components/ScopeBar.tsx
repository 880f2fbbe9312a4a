import { useApi, type DocumentListResponse } from '../core/api';
import { useI18n } from '../core/i18n';
import { ALL_JURISDICTIONS, jurisdictionsOf, yearsOf } from '../core/scope/scope';
import { useScope } from '../core/scope/ScopeProvider';
import { SelectFilter } from './SelectFilter';

/**
 * The scope every view shows, always in sight: the jurisdiction (with or without the places within
 * it), the years and the plans. A scope chosen by the default rule says so, with the way back to all.
 */
export function ScopeBar() {
  const { t } = useI18n();
  const { documents, scope, update } = useScope();
  const inScope = useApi<DocumentListResponse>('/documents', scope.params);
  const jurisdictions = jurisdictionsOf(documents);
  const years = yearsOf(documents);
  const planCount = inScope.status === 'ready' ? inScope.data.documents.length : null;

  const place = scope.jurisdiction
    ? t(scope.includeWithin ? 'scope.placeWithin' : 'scope.placeOwn', { name: scope.jurisdiction.name })
    : t('scope.allPlaces');
  const yearText =
    scope.yearFrom === null && scope.yearTo === null
      ? t('scope.allYears')
      : scope.yearFrom === scope.yearTo
        ? String(scope.yearFrom)
        : `${scope.yearFrom ?? '…'}–${scope.yearTo ?? '…'}`;

  return (
    <section className="scope-bar" aria-label={t('scope.label')} data-testid="scope-bar">
      <p className="scope-summary" data-testid="scope-summary" aria-live="polite">
        <strong>{t('scope.label')}</strong> {place} · {yearText} ·{' '}
        {planCount === null ? '…' : t('scope.plans', { n: planCount, total: documents.length })}
      </p>
      {scope.isDefault && scope.jurisdiction && (
        <p className="scope-default" data-testid="scope-default">
          {t('scope.defaultNote', { places: jurisdictions.length, name: scope.jurisdiction.name })}{' '}
          <button type="button" className="link-button" onClick={() => update({ jurisdiction: ALL_JURISDICTIONS, within: '' })}>
            {t('scope.showAll')}
          </button>
        </p>
      )}
      <div className="scope-controls">
        <label>
          {t('scope.jurisdiction')}
          <select
            value={scope.jurisdiction?.code ?? ALL_JURISDICTIONS}
            onChange={(e) => update({ jurisdiction: e.target.value, within: scope.includeWithin ? '' : 'false' })}
          >
            <option value={ALL_JURISDICTIONS}>{t('scope.allPlaces')}</option>
            {jurisdictions.map(({ jurisdiction, plans }) => (
              <option key={jurisdiction.code} value={jurisdiction.code}>
                {jurisdiction.name} ({plans})
              </option>
            ))}
          </select>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={scope.includeWithin}
            disabled={!scope.jurisdiction}
            onChange={(e) => update({ jurisdiction: scope.jurisdiction?.code ?? '', within: e.target.checked ? '' : 'false' })}
          />
          {t('scope.within')}
        </label>
        {(['yearFrom', 'yearTo'] as const).map((key) => (
          <SelectFilter
            key={key}
            label={t(key === 'yearFrom' ? 'scope.yearFrom' : 'scope.yearTo')}
            value={scope[key] === null ? '' : String(scope[key])}
            options={years.map((year) => ({ value: String(year), label: String(year) }))}
            onChange={(value) => update({ [key]: value })}
          />
        ))}
        <details className="scope-documents">
          <summary>{t('scope.documents', { n: scope.documents.length || t('filter.all') })}</summary>
          <ul className="plain">
            {documents.map((document) => (
              <li key={document.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={scope.documents.includes(document.id)}
                    onChange={(e) =>
                      update({
                        document: (e.target.checked
                          ? [...scope.documents, document.id]
                          : scope.documents.filter((id) => id !== document.id)
                        ).join(','),
                      })
                    }
                  />
                  {document.title}
                  {document.year === undefined ? '' : ` (${document.year})`}
                </label>
              </li>
            ))}
          </ul>
        </details>
      </div>
    </section>
  );
}
