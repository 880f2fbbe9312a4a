import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import { renderWithApp } from '../testing/render';
import { SortableTable, type Column } from './SortableTable';

interface Row {
  name: string;
  betweenness: number | null;
}

const rows: Row[] = [
  { name: '省科技厅', betweenness: 0.12 },
  { name: '省工业和信息化厅', betweenness: 0.41 },
  { name: '相关市政府', betweenness: null },
  { name: '省发展改革委', betweenness: 0.3 },
];
const columns: Column<Row>[] = [
  { key: 'name', label: 'unit', value: (row) => row.name },
  { key: 'betweenness', label: 'betweenness', value: (row) => row.betweenness, numeric: true },
];

const firstColumn = () =>
  within(screen.getByRole('table'))
    .getAllByRole('row')
    .slice(1)
    .map((row) => within(row).getAllByRole('cell')[0]!.textContent);

describe('SortableTable', () => {
  it('starts with the given sort', () => {
    renderWithApp(<SortableTable columns={columns} rows={rows} rowKey={(row) => row.name} initialSort={{ key: 'betweenness', descending: true }} />);
    expect(firstColumn()).toEqual(['省工业和信息化厅', '省发展改革委', '省科技厅', '相关市政府']);
    expect(screen.getByRole('columnheader', { name: /betweenness/ })).toHaveAttribute('aria-sort', 'descending');
  });

  it('reverses on a second click, keeping missing values last', () => {
    renderWithApp(<SortableTable columns={columns} rows={rows} rowKey={(row) => row.name} initialSort={{ key: 'betweenness', descending: true }} />);
    fireEvent.click(screen.getByRole('button', { name: /betweenness/ }));
    expect(firstColumn()).toEqual(['省科技厅', '省发展改革委', '省工业和信息化厅', '相关市政府']);
    expect(screen.getByRole('columnheader', { name: /betweenness/ })).toHaveAttribute('aria-sort', 'ascending');
  });

  it('sorts a numeric column descending first and a text column ascending first', () => {
    renderWithApp(<SortableTable columns={columns} rows={rows} rowKey={(row) => row.name} />);
    fireEvent.click(screen.getByRole('button', { name: /betweenness/ }));
    expect(firstColumn()[0]).toBe('省工业和信息化厅');
    fireEvent.click(screen.getByRole('button', { name: /unit/ }));
    expect(screen.getByRole('columnheader', { name: /unit/ })).toHaveAttribute('aria-sort', 'ascending');
    const names = firstColumn();
    expect(names).toEqual([...names].sort(new Intl.Collator('zh-CN').compare));
  });
});
