import '@testing-library/jest-dom';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, useLocation, useNavigate } from 'react-router-dom';
import { useI18n } from './I18nProvider';
import { UrlLanguageProvider } from './UrlLanguageProvider';

let goBack: () => void = () => {};

function Probe() {
  const { t, lang, setLang } = useI18n();
  const navigate = useNavigate();
  goBack = () => navigate(-1);
  return (
    <div>
      <h1>{t('nav.workload')}</h1>
      <output aria-label="search">{useLocation().search}</output>
      <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
        {t('lang.switch')}
      </button>
    </div>
  );
}

const renderAt = (entry: string) =>
  render(
    <MemoryRouter initialEntries={[entry]}>
      <UrlLanguageProvider>
        <Probe />
      </UrlLanguageProvider>
    </MemoryRouter>,
  );

describe('UrlLanguageProvider', () => {
  beforeEach(() => window.localStorage.clear());

  it('When a link names a language, then the page is in it whatever the reader chose before', () => {
    window.localStorage.setItem('accountability-graph.lang', 'zh');
    renderAt('/workload?lang=en&section=2');
    expect(screen.getByRole('heading')).toHaveTextContent('Workload');
    expect(screen.getByLabelText('search')).toHaveTextContent('?lang=en&section=2');
  });

  it('When the URL names no language, then the stored choice is used and added to the URL in place', () => {
    window.localStorage.setItem('accountability-graph.lang', 'en');
    renderAt('/workload?section=2');
    expect(screen.getByRole('heading')).toHaveTextContent('Workload');
    expect(screen.getByLabelText('search')).toHaveTextContent('?section=2&lang=en');
  });

  it('When the language is switched and Back is pressed, then the page returns to the first language', () => {
    renderAt('/workload?lang=zh&section=2');
    expect(screen.getByRole('heading')).toHaveTextContent('工作负荷');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading')).toHaveTextContent('Workload');
    expect(screen.getByLabelText('search')).toHaveTextContent('?lang=en&section=2');
    expect(window.localStorage.getItem('accountability-graph.lang')).toBe('en');

    act(() => goBack());
    expect(screen.getByRole('heading')).toHaveTextContent('工作负荷');
    expect(screen.getByLabelText('search')).toHaveTextContent('?lang=zh&section=2');
  });
});
