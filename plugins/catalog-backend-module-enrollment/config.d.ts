import type { SchedulerServiceTaskScheduleDefinitionConfig } from '@backstage/backend-plugin-api';

export interface Config {
  catalog?: {
    providers?: {
      /** The Macs enrolled with the enrollment plugin, as `Resource` entities. */
      enrollment?: {
        /**
         * How often the whole list of enrolled Macs is read again (a full
         * mutation); default every 30 minutes, with a 10-minute timeout. It
         * also runs once when the backend starts. Enrollments and CheckOuts
         * in between arrive as events.
         */
        schedule?: SchedulerServiceTaskScheduleDefinitionConfig;
        /**
         * Who owns the Macs of a site when no catalog `User` matches their
         * person: site name (as in the enrollment plugin, without regard to
         * case) to a group entity ref, such as `group:default/it-berlin`.
         * A site left out goes to the `Group` named after it, if there is one.
         */
        siteGroups?: { [siteName: string]: string };
        /**
         * The owner of a Mac with neither a matching user nor a site group
         * (default `unknown`: a `Resource` must have an owner).
         */
        defaultOwner?: string;
      };
    };
  };
}
