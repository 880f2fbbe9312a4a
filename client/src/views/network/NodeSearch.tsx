import { useState, type FormEvent } from 'react';
import type { NetworkResponse } from '../../core/api';
import { useI18n } from '../../core/i18n';
import { findNodes } from '../../core/network/elements';

const MAX_MATCHES = 8;

/** Find a node by any of its names; Enter focuses the first match, the list offers the others. */
export function NodeSearch({ graph, onFocus }: { graph: NetworkResponse; onFocus: (id: string) => void }) {
  const { t, unitName } = useI18n();
  const [query, setQuery] = useState('');
  const [submitted, setSubmitted] = useState('');
  const matches = findNodes(graph, query).slice(0, MAX_MATCHES);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(query);
    const first = matches[0];
    if (first) onFocus(first.id);
  };

  return (
    <form className="node-search" role="search" onSubmit={submit}>
      <label>
        <span className="visually-hidden">{t('network.search')}</span>
        <input
          type="search"
          value={query}
          placeholder={t('network.search')}
          title={t('network.searchHint')}
          onChange={(e) => setQuery(e.target.value)}
          list="node-search-matches"
        />
      </label>
      <datalist id="node-search-matches">
        {matches.map((data) => (
          <option key={data.id} value={data.label}>
            {data.type === 'unit' ? unitName({ name: data.name, shortName: data.label, nameEn: data.nameEn }) : data.title}
          </option>
        ))}
      </datalist>
      <button type="submit">{t('network.search')}</button>
      {submitted && submitted === query && matches.length === 0 && (
        <span className="notice-inline" role="status">
          {t('network.notFound', { q: submitted })}
        </span>
      )}
    </form>
  );
}
