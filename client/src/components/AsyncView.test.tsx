import '@testing-library/jest-dom';
import { screen, waitFor } from '@testing-library/react';
import { useApi } from '../core/api';
import { fakeApi } from '../testing/fakeApi';
import { renderWithApp } from '../testing/render';
import { AsyncView } from './AsyncView';

/** A view of an analytics answer, as the pages build theirs. */
function Total() {
  const state = useApi<{ total: number; stale: boolean }>('/workload');
  return <AsyncView state={state}>{(report) => <p>total {report.total}</p>}</AsyncView>;
}

describe('AsyncView with a stale analytics answer', () => {
  test('shows "updating…" over the last answer, asks again, and shows the fresh one without the notice', async () => {
    const answers = [
      { total: 1, stale: true },
      { total: 1, stale: true },
      { total: 2, stale: false },
    ];
    const api = fakeApi({ '/workload': () => answers.shift() ?? { total: 2, stale: false } });
    try {
      renderWithApp(<Total />);
      await screen.findByText('total 1');
      expect(screen.getByTestId('updating')).toHaveTextContent('正在更新');
      await screen.findByText('total 2', {}, { timeout: 5_000 });
      expect(screen.queryByTestId('updating')).not.toBeInTheDocument();
      const asked = api.requests.length;
      // A fresh answer is not asked for again.
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      expect(api.requests.length).toBe(asked);
      await waitFor(() => expect(api.requests.length).toBe(3));
    } finally {
      api.restore();
    }
  });
});
