import { HeaderTabs } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  portalAccountManagePermission,
  settingsReadPermission,
} from '@macenroll/plugin-enrollment-common';
import { Link } from 'react-router-dom';
import {
  portalAccountsRouteRef,
  rootRouteRef,
  settingsRouteRef,
} from '../../routes';

export type EnrollmentSection = 'invitations' | 'accounts' | 'settings';

/**
 * Links between the plugin's pages. A page the user may not open is left
 * out, except the one being shown, which explains itself.
 */
export const EnrollmentTabs = (props: { section: EnrollmentSection }) => {
  const { section } = props;
  const invitationsLink = useRouteRef(rootRouteRef)();
  const accountsLink = useRouteRef(portalAccountsRouteRef)();
  const settingsLink = useRouteRef(settingsRouteRef)();
  const { allowed: canManageAccounts } = usePermission({
    permission: portalAccountManagePermission,
  });
  const { allowed: canReadSettings } = usePermission({
    permission: settingsReadPermission,
  });

  const tabs = [
    {
      id: 'invitations',
      label: 'Invitations',
      to: invitationsLink,
      shown: true,
    },
    {
      id: 'accounts',
      label: 'Portal accounts',
      to: accountsLink,
      shown: canManageAccounts,
    },
    {
      id: 'settings',
      label: 'Settings',
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
