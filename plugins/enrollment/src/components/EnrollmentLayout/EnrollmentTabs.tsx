import { HeaderTabs } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  eventReadPermission,
  portalAccountManagePermission,
  settingsReadPermission,
} from '@macenroll/plugin-enrollment-common';
import { Link } from 'react-router-dom';
import {
  activityRouteRef,
  computersRouteRef,
  portalAccountsRouteRef,
  rootRouteRef,
  settingsRouteRef,
} from '../../routes';
import { enrollmentTranslationRef } from '../../translation';

export type EnrollmentSection =
  | 'invitations'
  | 'computers'
  | 'activity'
  | 'accounts'
  | 'settings';

/**
 * Links between the plugin's pages. A page the user may not open is left
 * out, except the one being shown, which explains itself.
 */
export const EnrollmentTabs = (props: { section: EnrollmentSection }) => {
  const { section } = props;
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const invitationsLink = useRouteRef(rootRouteRef)();
  const computersLink = useRouteRef(computersRouteRef)();
  const activityLink = useRouteRef(activityRouteRef)();
  const accountsLink = useRouteRef(portalAccountsRouteRef)();
  const settingsLink = useRouteRef(settingsRouteRef)();
  const { allowed: canReadEvents } = usePermission({
    permission: eventReadPermission,
  });
  const { allowed: canManageAccounts } = usePermission({
    permission: portalAccountManagePermission,
  });
  const { allowed: canReadSettings } = usePermission({
    permission: settingsReadPermission,
  });

  const tabs = [
    {
      id: 'invitations',
      label: t('layout.tabs.invitations'),
      to: invitationsLink,
      shown: true,
    },
    {
      id: 'computers',
      label: t('layout.tabs.computers'),
      to: computersLink,
      // Like invitations, computers are readable per site: the frontend
      // cannot ask without naming one, so the page says when it is refused.
      shown: true,
    },
    {
      id: 'activity',
      label: t('layout.tabs.activity'),
      to: activityLink,
      shown: canReadEvents,
    },
    {
      id: 'accounts',
      label: t('layout.tabs.accounts'),
      to: accountsLink,
      shown: canManageAccounts,
    },
    {
      id: 'settings',
      label: t('layout.tabs.settings'),
      to: settingsLink,
      shown: canReadSettings,
    },
  ].filter(tab => tab.shown || tab.id === section);

  return (
    <HeaderTabs
      selectedIndex={tabs.findIndex(tab => tab.id === section)}
      tabs={tabs.map(tab => ({
        id: tab.id,
        label: tab.label,
        tabProps: { component: Link, to: tab.to },
      }))}
    />
  );
};
