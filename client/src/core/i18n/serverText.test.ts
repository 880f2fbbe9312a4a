import { ApiError } from '../api/http';
import { translate } from './I18nProvider';
import type { Lang, MessageKey } from './messages';
import { describeError, describeWarning } from './serverText';

const words = (lang: Lang) => ({ lang, t: (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars) });

describe('describeError', () => {
  it('words a refused parameter by its field in both languages, never with the server English in Chinese', () => {
    const error = new ApiError('limit: Too small: expected number to be >=1', 400, 'invalid_parameter', {
      issues: [{ field: 'limit', message: 'Too small: expected number to be >=1' }],
    });
    expect(describeError(words('zh'), error)).toBe('参数有误：limit');
    expect(describeError(words('en'), error)).toBe('A parameter is wrong: limit');
  });

  it('names what was not found', () => {
    const error = new ApiError("unit 'x' does not exist", 404, 'not_found', { unit: 'x' });
    expect(describeError(words('zh'), error)).toBe('找不到单位“x”。');
    expect(describeError(words('en'), error)).toBe('There is no unit “x”.');
  });

  it('gives an unknown code bare in Chinese and the server message in English', () => {
    const error = new ApiError('Something new happened.', 418, 'teapot');
    expect(describeError(words('zh'), error)).toBe('出错了（teapot）。');
    expect(describeError(words('en'), error)).toBe('Something new happened.');
  });

  it('words parse errors with their place', () => {
    const error = new ApiError('the document has no numbered items', 422, 'no_items', { line: 3, column: 1 });
    expect(describeError(words('zh'), error)).toContain('（第 3 行第 1 列）');
  });
});

describe('describeWarning', () => {
  it.each([
    ['unknown-unit', { name: '省测试局' }, '“省测试局”不在单位名录中，以临时单位代替'],
    ['no-lead', { item: '（二）' }, '事项（二）没有牵头单位'],
    ['not-an-organisation', { name: '加强协调' }, '“加强协调”不像机构名称（没有局、厅、委、办、司、政府等），不作为单位'],
    ['jurisdiction-unknown', undefined, '无法判断这份文件属于哪个地区；“市财政局”这类相对名称不限定地区（可在表单中填写地区）'],
  ])('words %s in Chinese from its parameters', (code, params, expected) => {
    expect(describeWarning(words('zh'), { code, message: 'English text', ...(params ? { params } : {}) })).toBe(expected);
  });

  it('leaves no placeholder when a parameter is missing', () => {
    expect(describeWarning(words('en'), { code: 'unknown-role-word', message: 'x', params: { word: '协调' } })).toBe(
      'No known role word (协调); read as co-responsible',
    );
  });
});
