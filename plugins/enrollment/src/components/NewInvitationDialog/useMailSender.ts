import {
  configApiRef,
  identityApiRef,
  useApi,
} from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { displayUserRef } from '../../utils/format';

/** Who the invitation email says invites, and from which organization. */
export function useMailSender(): { inviter: string; organization: string } {
  const identityApi = useApi(identityApiRef);
  const configApi = useApi(configApiRef);
  const { value: userRef } = useAsync(
    async () => (await identityApi.getBackstageIdentity()).userEntityRef,
    [identityApi],
  );
  const userName = userRef ? displayUserRef(userRef) : '';
  return {
    inviter: userName.split('/').pop() || 'You',
    organization:
      configApi.getOptionalString('organization.name') || 'your organization',
  };
}
