export { I18nProvider, useI18n, translate, type I18n, type NamedUnit } from './I18nProvider';
export { MESSAGES, type Lang, type MessageKey } from './messages';
export { describeError, describeWarning } from './serverText';
export { UrlLanguageProvider, withLanguage } from './UrlLanguageProvider';
