import {
  Content,
  ContentHeader,
  Header,
  Page,
  Progress,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import Grid from '@material-ui/core/Grid';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import useAsync from 'react-use/esm/useAsync';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { enrollmentApiRef } from '../../api';
import { computersRouteRef } from '../../routes';
import { enrollmentTranslationRef } from '../../translation';
import { computerName } from '../shared/ComputerLink';
import { CommandHistoryCard } from './CommandHistoryCard';
import { isWaiting } from './commands';
import { ComputerActionsCard } from './ComputerActionsCard';
import { InventoryCard } from './InventoryCard';
import { useCommandHistory } from './useCommandHistory';
import { LoadError } from '../shared/LoadError';

/**
 * One computer: what it reported, its user and push state, the commands an
 * admin can send it and their history. The backend answers 404 for a
 * computer the user may not see.
 */
export const ComputerPage = () => {
  const { id = '' } = useParams();
  const api = useApi(enrollmentApiRef);
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const computersLink = useRouteRef(computersRouteRef)();
  const [detailsVersion, setDetailsVersion] = useState(0);
  const { value, loading, error } = useAsync(
    () => api.getComputer(id),
    [api, id, detailsVersion],
  );
  const history = useCommandHistory(id);
  const { reload: reloadHistory } = history;

  const reloadDetails = useCallback(() => setDetailsVersion(n => n + 1), []);
  const onSent = useCallback(() => {
    reloadHistory();
    reloadDetails();
  }, [reloadHistory, reloadDetails]);

  // An answer can change the inventory (DeviceInformation) or the
  // enrollment (RemoveProfile), so the details follow the history.
  const answered = history.commands?.filter(c => !isWaiting(c.status)).length;
  const answeredBefore = useRef(answered);
  useEffect(() => {
    const before = answeredBefore.current;
    answeredBefore.current = answered;
    if (before !== undefined && answered !== undefined && answered > before) {
      reloadDetails();
    }
  }, [answered, reloadDetails]);

  // Reloads keep the page as it is until the new details arrive.
  const computer = value?.id === id ? value : undefined;
  let content;
  if (loading && !computer) {
    content = <Progress />;
  } else if (error || !computer) {
    content = <LoadError error={error ?? new Error(t('computer.notLoaded'))} />;
  } else {
    content = (
      <Grid container spacing={3}>
        <Grid item xs={12} lg={6}>
          <InventoryCard computer={computer} />
        </Grid>
        <Grid item xs={12} lg={6}>
          <ComputerActionsCard computer={computer} onSent={onSent} />
        </Grid>
        <Grid item xs={12}>
          <CommandHistoryCard history={history} />
        </Grid>
      </Grid>
    );
  }

  return (
    <Page themeId="tool">
      <Header
        title={t('computer.headerTitle')}
        type={t('computer.headerType')}
        typeLink={computersLink}
      />
      <Content>
        <ContentHeader
          title={computer ? computerName(computer, t) : t('computer.title')}
        />
        {content}
      </Content>
    </Page>
  );
};
