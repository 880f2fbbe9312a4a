import '@testing-library/jest-dom';
import { render } from '@testing-library/react';
import { ClauseHighlight } from './ClauseHighlight';

const text = '(十二)推进数据要素市场化配置。(省政务服务数据管理局牵头,省发展改革委按职责分工负责)';
const clauseStart = text.indexOf('(省政务');

describe('ClauseHighlight', () => {
  it('marks exactly the clause slice and keeps the rest as plain text', () => {
    const { container } = render(<ClauseHighlight text={text} clause={{ textStart: clauseStart, textEnd: text.length }} />);
    const mark = container.querySelector('mark.clause');
    expect(mark).toHaveTextContent('(省政务服务数据管理局牵头,省发展改革委按职责分工负责)');
    expect(container.querySelector('p')).toHaveTextContent(text);
  });

  it('shows the text unmarked when there is no clause or the offsets do not fit', () => {
    const none = render(<ClauseHighlight text={text} clause={null} />);
    expect(none.container.querySelector('mark')).toBeNull();
    const bad = render(<ClauseHighlight text={text} clause={{ textStart: 5, textEnd: text.length + 10 }} />);
    expect(bad.container.querySelector('mark')).toBeNull();
    expect(bad.container).toHaveTextContent(text);
  });

  it('renders markup in the document as inert text', () => {
    const hostile = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">(省科技厅牵头)';
    const { container } = render(
      <ClauseHighlight text={hostile} clause={{ textStart: hostile.indexOf('('), textEnd: hostile.length }} />,
    );
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('img')).toBeNull();
    expect(container).toHaveTextContent('<img src=x onerror="window.pwned = 2">');
  });
});
