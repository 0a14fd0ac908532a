import { Progress } from '@backstage/core-components';
import { ReactNode } from 'react';
import { LoadError } from './LoadError';

/**
 * The body of a card that lists what one request returned: progress while
 * it loads, then its error, `empty` when there are no items, or the items
 * as `children` shows them.
 */
export function LoadedItems<T>(props: {
  loading: boolean;
  error?: Error;
  items?: T[];
  empty: ReactNode;
  children: (items: T[]) => ReactNode;
}) {
  const { loading, error, items, empty, children } = props;
  if (loading) return <Progress />;
  if (error) return <LoadError error={error} />;
  if (!items?.length) return <>{empty}</>;
  return <>{children(items)}</>;
}
