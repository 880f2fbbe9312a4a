import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, type Lang, type MessageKey } from './messages';

/** What a unit needs for its display name: the registry's short Chinese name and English name. */
export interface NamedUnit {
  shortName?: string;
  name: string;
  nameEn?: string;
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  /** Interface string, with `{name}` placeholders filled from `vars`. */
  t: (key: MessageKey, vars?: Record<string, string | number>) => string;
  /** A unit's name in the interface language (the registry's English name in English). */
  unitName: (unit: NamedUnit) => string;
  formatNumber: (value: number, digits?: number) => string;
}

const STORAGE_KEY = 'accountability-graph.lang';

/** The reader's last choice, for a page whose address names no language. */
export function storedLanguage(): Lang {
  return window.localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const template = MESSAGES[lang][key];
  return vars ? template.replace(/\{(\w+)\}/g, (whole, name: string) => String(vars[name] ?? whole)) : template;
}

const I18nContext = createContext<I18n | null>(null);

/**
 * Given `lang`, the provider follows it (the explorer passes the language in the URL, so there is one
 * source of truth and Back can never leave the page in the other language); otherwise it keeps its own,
 * starting from the stored choice. `setLang` stores the choice and reports it through `onLangChange`.
 */
export function I18nProvider({
  children,
  lang: givenLang,
  onLangChange,
}: {
  children: ReactNode;
  lang?: Lang;
  onLangChange?: (lang: Lang) => void;
}) {
  const [ownLang, setOwnLang] = useState<Lang>(storedLanguage);
  const lang = givenLang ?? ownLang;

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const setLang = useCallback(
    (next: Lang) => {
      window.localStorage.setItem(STORAGE_KEY, next);
      setOwnLang(next);
      onLangChange?.(next);
    },
    [onLangChange],
  );

  const value = useMemo<I18n>(() => {
    const numberFormat = new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB');
    return {
      lang,
      setLang,
      t: (key, vars) => translate(lang, key, vars),
      unitName: (unit) => (lang === 'en' && unit.nameEn ? unit.nameEn : (unit.shortName ?? unit.name)),
      formatNumber: (value, digits = 2) =>
        Number.isInteger(value) ? numberFormat.format(value) : value.toFixed(digits),
    };
  }, [lang, setLang]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n: wrap the app in <I18nProvider>');
  return context;
}
