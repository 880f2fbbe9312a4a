import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DocumentListResponse } from '../../core/api';
import { ScopeProvider } from '../../core/scope/ScopeProvider';
import { fakeApi } from '../../testing/fakeApi';
import { renderWithApp } from '../../testing/render';
import { DocumentsPage } from './DocumentsPage';

type Document = DocumentListResponse['documents'][number];
const DOCUMENTS: Document[] = [
  {
    id: 'foshan-2024',
    title: '佛山市2024年数字政府建设工作要点',
    issuer: '佛山市人民政府办公室',
    jurisdiction: { code: '440600', name: '佛山市', level: 'prefecture' },
    year: 2024,
    publishedAt: '2024-03-15',
    firstListedLeads: false,
    sha256: 'a'.repeat(64),
    source: 'foshan-2024.txt',
    sections: 2,
    items: 4,
    responsibilities: 11,
  },
  {
    id: 'guangdong-2023',
    title: '广东省2023年数字经济工作要点',
    jurisdiction: { code: '440000', name: '广东省', level: 'province' },
    year: 2023,
    firstListedLeads: false,
    sha256: 'b'.repeat(64),
    source: 'guangdong-2023.txt',
    sections: 8,
    items: 34,
    responsibilities: 105,
  },
  {
    id: 'state-council-2024',
    title: '2024年数字政府建设重点任务分工',
    issuer: '国务院办公厅',
    jurisdiction: { code: '100000', name: '全国', level: 'national' },
    year: 2022,
    publishedAt: '2024-05-10',
    firstListedLeads: false,
    sha256: 'c'.repeat(64),
    source: 'state-council-2024.txt',
    sections: 2,
    items: 4,
    responsibilities: 10,
  },
];

describe('DocumentsPage', () => {
  let api: ReturnType<typeof fakeApi>;
  beforeEach(() => {
    api = fakeApi({ '/documents': () => ({ documents: DOCUMENTS }) });
  });
  afterEach(() => api.restore());

  const firstCells = () =>
    within(screen.getByTestId('documents-table'))
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.getAttribute('data-document-id'));

  it('shows title, issuer, jurisdiction, year and publication date of every document', async () => {
    renderWithApp(
      <ScopeProvider>
        <DocumentsPage />
      </ScopeProvider>,
      { route: '/documents' },
    );
    const row = await screen.findByText('佛山市2024年数字政府建设工作要点');
    const cells = within(row.closest('tr')!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(1, 5)).toEqual(['佛山市人民政府办公室', '佛山市', '2024', '2024-03-15']);
  });

  it.each([
    // Numbers sort largest first on the first click; text in pinyin order; missing values stay last.
    ['年份', ['foshan-2024', 'guangdong-2023', 'state-council-2024'], ['state-council-2024', 'guangdong-2023', 'foshan-2024']],
    ['地区', ['foshan-2024', 'guangdong-2023', 'state-council-2024'], ['state-council-2024', 'guangdong-2023', 'foshan-2024']],
    ['发布日期', ['foshan-2024', 'state-council-2024', 'guangdong-2023'], ['state-council-2024', 'foshan-2024', 'guangdong-2023']],
    ['发文机关', ['foshan-2024', 'state-council-2024', 'guangdong-2023'], ['state-council-2024', 'foshan-2024', 'guangdong-2023']],
  ])('sorts by %s, and back', async (column, first, second) => {
    renderWithApp(
      <ScopeProvider>
        <DocumentsPage />
      </ScopeProvider>,
      { route: '/documents' },
    );
    await screen.findByTestId('documents-table');
    const header = screen.getByRole('button', { name: new RegExp(`^${column}`) });
    fireEvent.click(header);
    await waitFor(() => expect(firstCells()).toEqual(first));
    fireEvent.click(header);
    await waitFor(() => expect(firstCells()).toEqual(second));
  });
});
