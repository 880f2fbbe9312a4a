import { NavLink, Navigate, Route, Routes } from 'react-router-dom';
import { GlobalSearch } from './components/GlobalSearch';
import { NotFoundPage } from './components/NotFound';
import { ScopeBar } from './components/ScopeBar';
import { useI18n, withLanguage, type MessageKey } from './core/i18n';
import { ScopeProvider, scopeSearch, useScope } from './core/scope/ScopeProvider';
import { ComparePage } from './views/compare/ComparePage';
import { DocumentsPage } from './views/documents/DocumentsPage';
import { GapsPage } from './views/gaps/GapsPage';
import { ItemPage } from './views/items/ItemPage';
import { ItemSearchPage } from './views/items/ItemSearchPage';
import { PlacesPage } from './views/places/PlacesPage';
import { TimelinePage } from './views/timeline/TimelinePage';
import { NetworkPage } from './views/network/NetworkPage';
import { ResearchPage } from './views/research/ResearchPage';
import { UnitPage } from './views/units/UnitPage';
import { UnitsPage } from './views/units/UnitsPage';
import { WorkloadPage } from './views/workload/WorkloadPage';

const NAV: { to: string; label: MessageKey }[] = [
  { to: '/workload', label: 'nav.workload' },
  { to: '/network', label: 'nav.network' },
  { to: '/items', label: 'nav.items' },
  { to: '/units', label: 'nav.units' },
  { to: '/gaps', label: 'nav.gaps' },
  { to: '/places', label: 'nav.places' },
  { to: '/timeline', label: 'nav.timeline' },
  { to: '/research', label: 'nav.research' },
  { to: '/documents', label: 'nav.documents' },
  { to: '/compare', label: 'nav.compare' },
];

export function App() {
  return (
    <ScopeProvider>
      <Explorer />
    </ScopeProvider>
  );
}

function Explorer() {
  const { t, lang, setLang } = useI18n();
  // Moving between views keeps the scope and the language: the navigation links carry them.
  const search = withLanguage(scopeSearch(useScope().values), lang);
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-title">{t('app.title')}</span>
          <span className="brand-subtitle">{t('app.subtitle')}</span>
        </div>
        <nav aria-label="main">
          <ul>
            {NAV.map((entry) => (
              <li key={entry.to}>
                <NavLink to={{ pathname: entry.to, search }}>{t(entry.label)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <GlobalSearch />
        <button
          type="button"
          className="lang-switch"
          // The visible text first: a speech-input user says what they see (WCAG 2.5.3).
          aria-label={`${t('lang.switch')} · ${t('lang.label')}`}
          lang={lang === 'zh' ? 'en' : 'zh'}
          onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}
        >
          {t('lang.switch')}
        </button>
      </header>
      <ScopeBar />
      <main id="main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<Navigate to="/workload" replace />} />
          <Route path="/workload" element={<WorkloadPage />} />
          <Route path="/network" element={<NetworkPage />} />
          <Route path="/items" element={<ItemSearchPage />} />
          {/* Item ids contain a slash (`<documentId>/item-12`): take the rest of the path. */}
          <Route path="/items/*" element={<ItemPage />} />
          <Route path="/units" element={<UnitsPage />} />
          <Route path="/units/:id" element={<UnitPage />} />
          <Route path="/gaps" element={<GapsPage />} />
          <Route path="/places" element={<PlacesPage />} />
          <Route path="/timeline" element={<TimelinePage />} />
          <Route path="/research" element={<ResearchPage />} />
          <Route path="/documents" element={<DocumentsPage />} />
          <Route path="/compare" element={<ComparePage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </div>
  );
}
