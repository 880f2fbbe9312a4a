import { useState } from 'react';
import { useI18n } from '../core/i18n';

/** Copies `text`; where the clipboard is unavailable (plain http, permissions) shows it to copy by hand. */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = () =>
    navigator.clipboard
      .writeText(text)
      .then(() => setOutcome('copied'))
      .catch(() => setOutcome('failed'));
  return (
    <div className="copy">
      <button type="button" onClick={() => (navigator.clipboard ? copy() : setOutcome('failed'))}>
        {label}
      </button>
      <span role="status" className="copy-status">
        {outcome === 'copied' && t('items.copied')}
      </span>
      {outcome === 'failed' && (
        <label className="copy-fallback">
          {t('items.copyFailed')}
          <textarea readOnly value={text} rows={3} onFocus={(e) => e.target.select()} />
        </label>
      )}
    </div>
  );
}
