import { useId } from 'react';
import { useI18n } from '../../core/i18n';
import { histogram, type Range } from '../../core/network/explore';

const WIDTH = 160; // px
const HEIGHT = 36; // px

/**
 * A range filter with the distribution it cuts: a histogram of the values (bins inside the range
 * dark, outside light) and the least and greatest value kept.
 */
export function RangeFilter({
  label,
  values,
  range,
  step = 1,
  onChange,
}: {
  label: string;
  values: number[];
  range: Range;
  step?: number;
  onChange: (range: Range) => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const bins = histogram(values);
  const tallest = Math.max(1, ...bins.map((bin) => bin.count));
  const inside = (from: number, to: number) => (range.min === undefined || to > range.min) && (range.max === undefined || from <= range.max);
  const number = (text: string) => (text === '' ? undefined : Number(text));
  return (
    <fieldset className="range-filter" aria-describedby={`${id}-hint`}>
      <legend>{label}</legend>
      <svg width={WIDTH} height={HEIGHT} role="img" aria-label={t('explore.histogram', { label })}>
        {bins.map((bin, index) => {
          const height = Math.max(1, (bin.count / tallest) * (HEIGHT - 2));
          const width = WIDTH / bins.length;
          return (
            <rect
              key={index}
              x={index * width + 0.5}
              y={HEIGHT - height}
              width={Math.max(1, width - 1)}
              height={height}
              fill={inside(bin.from, bin.to) ? '#1f5fae' : '#c9ced6'}
            >
              <title>{`${bin.from.toFixed(1)}–${bin.to.toFixed(1)}: ${bin.count}`}</title>
            </rect>
          );
        })}
      </svg>
      <span id={`${id}-hint`} className="visually-hidden">
        {t('explore.rangeHint')}
      </span>
      {(['min', 'max'] as const).map((end) => (
        <label key={end}>
          {t(`explore.${end}`)}
          <input
            type="number"
            className="narrow"
            min={0}
            step={step}
            value={range[end] ?? ''}
            onChange={(e) => onChange({ ...range, [end]: number(e.target.value) })}
          />
        </label>
      ))}
    </fieldset>
  );
}
