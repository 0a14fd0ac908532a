import { renderInTestApp } from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LoadError } from './LoadError';

async function failedResponse(
  status: number,
  statusText: string,
  body: object,
) {
  const response = new Response(JSON.stringify(body), {
    status,
    statusText,
    headers: { 'content-type': 'application/json' },
  });
  // What fetch fills in: the URL with its query.
  Object.defineProperty(response, 'url', {
    value:
      'http://localhost:7007/api/enrollment/invitations?search=secret%40x.org',
  });
  return ResponseError.fromResponse(response);
}

describe('LoadError', () => {
  it("says the service can't be reached when fetch fails, and offers Try again", async () => {
    const retry = jest.fn();
    await renderInTestApp(
      <LoadError error={new TypeError('Failed to fetch')} onRetry={retry} />,
    );
    expect(
      screen.getByText('Can’t reach the enrollment service'),
    ).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(retry).toHaveBeenCalled();
  });

  it("says the backend's message, and folds the details away without the query or the body", async () => {
    const error = await failedResponse(500, 'Internal Server Error', {
      error: { name: 'Error', message: 'knex: connection refused' },
      request: { method: 'GET', url: '/invitations?search=secret%40x.org' },
      response: { statusCode: 500 },
    });
    const { container } = await renderInTestApp(<LoadError error={error} />);
    expect(
      screen.getByText('The enrollment service hit a problem'),
    ).toBeInTheDocument();
    const details = container.querySelector('details')!;
    expect(details.open).toBe(false);
    expect(details.textContent).toContain('500 Internal Server Error');
    expect(details.textContent).toContain('/api/enrollment/invitations');
    // The backend's words for a server error are folded away with the rest.
    expect(details.textContent).toContain('knex: connection refused');
    expect(
      screen
        .getByText('The enrollment service hit a problem')
        .closest('details'),
    ).toBeNull();
    expect(container.textContent).not.toContain('secret');
    expect(container.textContent).not.toContain('{');
  });

  it('never shows the raw body of an answer that is not a Backstage error', async () => {
    const error = await failedResponse(502, 'Bad Gateway', {
      upstream: 'proxy-7 said no',
    });
    const { container } = await renderInTestApp(<LoadError error={error} />);
    expect(
      screen.getByText('The enrollment service hit a problem'),
    ).toBeInTheDocument();
    expect(container.textContent).not.toContain('proxy-7');
  });

  it('shows what the backend said for a refusal', async () => {
    const error = await failedResponse(404, 'Not Found', {
      error: {
        name: 'NotFoundError',
        message: 'There is no invitation with id x',
      },
      response: { statusCode: 404 },
    });
    await renderInTestApp(<LoadError error={error} />);
    expect(screen.getByText('Not found')).toBeInTheDocument();
    expect(
      screen.getByText('There is no invitation with id x'),
    ).toBeInTheDocument();
  });
});
