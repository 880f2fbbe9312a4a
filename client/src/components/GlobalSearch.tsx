import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { encodeId, useApi, type ItemPageResponse, type UnitListResponse } from '../core/api';
import { useI18n, type MessageKey } from '../core/i18n';
import { useScope } from '../core/scope/ScopeProvider';
import { Highlight, snippet } from './Highlight';

const PER_GROUP = 5;
const TYPING_PAUSE_MS = 250;

interface Result {
  key: string;
  group: 'units' | 'items' | 'documents';
  to: string;
  /** The text shown, the field it matched in and that field's text (highlighted). */
  label: string;
  field: string;
  matched: string;
}

const contains = (text: string | undefined, query: string) => Boolean(text && text.toLowerCase().includes(query.toLowerCase()));

/**
 * Search units, items and documents from any page (the header). A combobox: ↑/↓ move through the
 * results, Enter opens one, Escape closes; each result shows the field it matched, highlighted.
 */
export function GlobalSearch() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { documents } = useScope();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => setQuery(draft.trim()), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [draft]);

  const units = useApi<UnitListResponse>(query ? '/units' : null, { q: query });
  const items = useApi<ItemPageResponse>(query ? '/items' : null, { q: query, pageSize: PER_GROUP });

  const results: Result[] = query
    ? [
        ...(units.data?.units ?? []).slice(0, PER_GROUP).map((unit): Result => {
          const field = contains(unit.shortName, query) ? 'name' : contains(unit.name, query) ? 'name' : contains(unit.nameEn, query) ? 'nameEn' : 'alias';
          const matched = field === 'nameEn' ? (unit.nameEn ?? '') : contains(unit.shortName, query) ? unit.shortName : unit.name;
          return {
            key: `unit:${unit.id}`,
            group: 'units',
            to: `/units/${encodeId(unit.id)}`,
            label: lang === 'en' && unit.nameEn ? unit.nameEn : unit.name,
            field,
            matched,
          };
        }),
        ...(items.data?.items ?? []).map((item): Result => {
          const inTitle = contains(item.title, query);
          const clause = item.clause?.text ?? '';
          return {
            key: `item:${item.id}`,
            group: 'items',
            to: `/items/${encodeId(item.id)}`,
            label: `${item.label} ${snippet(item.title, query, 40)}`,
            field: inTitle ? 'title' : 'text',
            matched: inTitle ? snippet(item.title, query) : contains(clause, query) ? snippet(clause, query) : '',
          };
        }),
        ...documents
          .filter((document) => contains(document.title, query) || contains(document.id, query))
          .slice(0, PER_GROUP)
          .map(
            (document): Result => ({
              key: `document:${document.id}`,
              group: 'documents',
              to: `/documents?document=${encodeURIComponent(document.id)}`,
              label: document.title,
              field: contains(document.title, query) ? 'title' : 'id',
              matched: contains(document.title, query) ? document.title : document.id,
            }),
          ),
      ]
    : [];
  const busy = Boolean(query) && (units.status === 'loading' || items.status === 'loading');

  const go = (result: Result | undefined) => {
    if (!result) return;
    setOpen(false);
    setDraft('');
    navigate(result.to);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((index) => Math.min(results.length - 1, index + 1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((index) => Math.max(0, index - 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(results[active]);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  };

  const listId = `${id}-results`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const showList = open && query !== '' && draft.trim() !== '';
  return (
    <div className="global-search" role="search">
      <label htmlFor={`${id}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <input
        id={`${id}-input`}
        type="search"
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? optionId(active) : undefined}
        placeholder={t('search.placeholder')}
        value={draft}
        maxLength={200}
        onChange={(e) => {
          setDraft(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {showList && (
        <ul id={listId} role="listbox" className="search-results" aria-label={t('search.label')} aria-busy={busy}>
          {results.length === 0 && !busy && (
            <li role="option" aria-selected={false} aria-disabled="true" className="muted">
              {t('search.none', { q: query })}
            </li>
          )}
          {results.map((result, index) => (
            <li
              key={result.key}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'active' : undefined}
              data-group={result.group}
              onMouseDown={(event) => {
                event.preventDefault();
                go(result);
              }}
            >
              <span className="result-group">{t(`search.${result.group}` as MessageKey)}</span>
              <span className="result-label">
                <Highlight text={result.label} query={query} />
              </span>
              {result.matched && result.matched !== result.label && (
                <span className="result-why">
                  {t('search.matchedIn', { field: t(`search.field.${result.field}` as MessageKey) })}:{' '}
                  <Highlight text={result.matched} query={query} />
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
