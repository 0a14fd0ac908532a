import Grid from '@material-ui/core/Grid';
import {
  EntityAboutCard,
  EntityLayout,
  EntitySwitch,
  isKind,
  isResourceType,
} from '@backstage/plugin-catalog';
import { Entity } from '@backstage/catalog-model';
import { EntityMacCard, EntityMacsCard } from '@macenroll/plugin-enrollment';

// The Resource entities the enrollment catalog module publishes for Macs.
const isMac = (entity: Entity) =>
  isKind('resource')(entity) && isResourceType('mac')(entity);

const overview = (card?: JSX.Element) => (
  <EntityLayout>
    <EntityLayout.Route path="/" title="Overview">
      <Grid container spacing={3} alignItems="stretch">
        <Grid item xs={12} md={6}>
          <EntityAboutCard />
        </Grid>
        {card && (
          // Full width: the Macs card is a table of five columns.
          <Grid item xs={12}>
            {card}
          </Grid>
        )}
      </Grid>
    </EntityLayout.Route>
  </EntityLayout>
);

/** Entity pages: a person's Macs on their page, a Mac's record on its own. */
export const entityPage = (
  <EntitySwitch>
    <EntitySwitch.Case if={isKind('user')}>
      {overview(<EntityMacsCard />)}
    </EntitySwitch.Case>
    <EntitySwitch.Case if={isMac}>
      {overview(<EntityMacCard />)}
    </EntitySwitch.Case>
    <EntitySwitch.Case>{overview()}</EntitySwitch.Case>
  </EntitySwitch>
);
