import '@testing-library/jest-dom';
import { fireEvent, render, screen } from '@testing-library/react';
import { I18nProvider, useI18n } from './I18nProvider';
import { MESSAGES, type MessageKey } from './messages';

function Probe() {
  const { t, lang, setLang, unitName } = useI18n();
  return (
    <div>
      <h1>{t('nav.workload')}</h1>
      <p>{unitName({ name: '广东省工业和信息化厅', shortName: '省工业和信息化厅', nameEn: 'Department of Industry and Information Technology' })}</p>
      <p>{t('items.results', { total: 2 })}</p>
      <button type="button" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
        {t('lang.switch')}
      </button>
    </div>
  );
}

describe('I18nProvider', () => {
  beforeEach(() => window.localStorage.clear());

  it('switches interface strings and unit names between Chinese and English', () => {
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('工作负荷');
    expect(screen.getByText('省工业和信息化厅')).toBeInTheDocument();
    expect(screen.getByText('共 2 项')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('zh-CN');

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading')).toHaveTextContent('Workload');
    expect(screen.getByText('Department of Industry and Information Technology')).toBeInTheDocument();
    expect(screen.getByText('2 items')).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('en');
  });

  it('remembers the choice for the next visit', () => {
    const first = render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    first.unmount();
    render(
      <I18nProvider>
        <Probe />
      </I18nProvider>,
    );
    expect(screen.getByRole('heading')).toHaveTextContent('Workload');
  });

  it('falls back to the Chinese name when a unit has no English name', () => {
    function Named() {
      return <span>{useI18n().unitName({ name: '某某局全称', shortName: '某某局' })}</span>;
    }
    render(
      <I18nProvider lang="en">
        <Named />
      </I18nProvider>,
    );
    expect(screen.getByText('某某局')).toBeInTheDocument();
  });

  it('has every English string filled in', () => {
    const empty = (Object.keys(MESSAGES.zh) as MessageKey[]).filter((key) => !MESSAGES.en[key]?.trim());
    expect(empty).toEqual([]);
  });
});
