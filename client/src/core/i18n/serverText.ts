/**
 * The server's errors and parser warnings in the interface language. The server answers codes
 * with their parameters (`{ code, message, details }`, warnings `{ code, params }`); its English
 * message is shown only in English, and only for a code this client has no words for.
 */
import type { ApiError } from '../api/http';
import { MESSAGES, type MessageKey } from './messages';
import type { I18n } from './I18nProvider';

type Words = Pick<I18n, 't' | 'lang'>;

const known = (key: string): key is MessageKey => Object.hasOwn(MESSAGES.zh, key);

const text = (value: unknown): string => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

export function describeError({ t, lang }: Words, error: ApiError): string {
  const details = (error.details ?? {}) as Record<string, unknown>;
  const key = `error.${error.code}`;
  const at = typeof details.line === 'number' ? t('error.at', { line: details.line, column: text(details.column) }) : '';
  switch (error.code) {
    case 'invalid_parameter': {
      const issues = Array.isArray(details.issues) ? (details.issues as { field?: string }[]) : [];
      const fields = issues.map((issue) => issue.field ?? '').filter(Boolean);
      return t('error.invalid_parameter', { fields: fields.length > 0 ? fields.join(', ') : text(details.field) || '?' });
    }
    case 'not_found': {
      const [what = '', id = ''] = Object.entries(details)[0] ?? [];
      const whatKey = `notFound.what.${what}`;
      return t('error.not_found', { what: known(whatKey) ? t(whatKey) : what, id: text(id) });
    }
    case 'invalid_input':
      return t('error.invalid_input', { field: text(details.field) });
    case 'payload_too_large':
      return t('error.payload_too_large', { limit: text(details.limitBytes) });
    default:
      if (known(key)) return t(key) + at;
      // A code without words here: its English message in English, the bare code in Chinese.
      return lang === 'en' ? error.message : t('error.unknown', { code: error.code });
  }
}

export interface WordedWarning {
  code: string;
  message: string;
  params?: Record<string, string>;
}

export function describeWarning({ t, lang }: Words, warning: WordedWarning): string {
  const key = `warning.${warning.code}`;
  if (!known(key)) return lang === 'en' ? warning.message : warning.code;
  // Every placeholder a warning may carry, so a missing one reads as nothing rather than `{name}`.
  return t(key, { name: '', item: '', word: '', names: '', ...warning.params });
}
