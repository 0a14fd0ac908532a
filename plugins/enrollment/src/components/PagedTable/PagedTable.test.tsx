import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { LoadedPage } from '../../hooks/useServerPage';
import { PagedTable } from './PagedTable';

type Row = { name: string };

function page(overrides: Partial<LoadedPage<Row>>): LoadedPage<Row> {
  return {
    page: 0,
    pageSize: 20,
    items: [{ name: 'Alice’s Mac' }],
    totalCount: 1,
    loading: false,
    changePage: () => {},
    ...overrides,
  };
}

const render = (serverPage: LoadedPage<Row>) =>
  renderInTestApp(
    <PagedTable<Row>
      filters={null}
      serverPage={serverPage}
      columns={[{ title: 'Name', field: 'name' }]}
      noMatch="Nothing matches"
    />,
  );

describe('PagedTable', () => {
  it('says when the total is the database’s estimate', async () => {
    await render(page({ totalCount: 1_234_567, totalCountIsEstimate: true }));
    expect(
      screen.getByText(
        'About 1,234,567 in all: above 10,000 the count is an estimate.',
      ),
    ).toBeInTheDocument();
  });

  it('says nothing more of an exact total', async () => {
    await render(page({ totalCount: 9_999 }));
    expect(screen.getByText('Alice’s Mac')).toBeInTheDocument();
    expect(screen.queryByText(/in all/)).not.toBeInTheDocument();
  });
});
