import { useTranslationRef } from '@backstage/core-plugin-api/alpha';
import Box from '@material-ui/core/Box';
import { makeStyles } from '@material-ui/core/styles';
import Typography from '@material-ui/core/Typography';
import { PortalSettings } from '@macenroll/plugin-enrollment-common';
import { ReactNode } from 'react';
import { enrollmentTranslationRef } from '../../translation';
import { PortalPreviewPage } from './portalSteps';

// After the portal's own stylesheet, so the preview reads like the real page.
const useStyles = makeStyles(theme => ({
  frame: {
    border: `1px solid ${theme.palette.divider}`,
    borderRadius: 8,
    overflow: 'hidden',
    background: theme.palette.background.default,
    color: theme.palette.text.primary,
    font: '15px/1.5 -apple-system, BlinkMacSystemFont, "Helvetica Neue", Arial, sans-serif',
  },
  header: { padding: '10px 16px', borderBottom: '1px solid #8884' },
  organization: { fontWeight: 600 },
  main: { padding: 16 },
  title: { fontSize: '1.4rem', fontWeight: 600, margin: '0 0 12px' },
  card: {
    border: '1px solid #8884',
    borderRadius: 12,
    padding: '14px 18px',
    margin: '12px 0',
  },
  cardTitle: { fontSize: '1.1rem', fontWeight: 600, margin: '0 0 6px' },
  text: { margin: '0 0 10px', overflowWrap: 'anywhere' },
  input: {
    border: '1px solid #8888',
    borderRadius: 8,
    height: 30,
    margin: '2px 0 8px',
  },
  label: { fontWeight: 500, fontSize: '0.9rem' },
  button: {
    display: 'inline-block',
    background: '#0a66c2',
    color: '#fff',
    borderRadius: 8,
    padding: '6px 14px',
  },
  muted: { color: theme.palette.text.secondary, fontSize: '0.9rem' },
  footer: {
    color: theme.palette.text.secondary,
    fontSize: '0.85rem',
    textAlign: 'center',
    padding: '8px 16px 16px',
  },
}));

const Card = (props: { title?: string; children: ReactNode }) => {
  const classes = useStyles();
  return (
    <div className={classes.card}>
      {props.title && <div className={classes.cardTitle}>{props.title}</div>}
      {props.children}
    </div>
  );
};

/**
 * A portal page with the texts being edited. Texts are React text nodes, so
 * markup typed by the admin shows as typed, as the portal escapes it too.
 * The backend writes the portal in English, so the page is not translated.
 */
export const PortalPreview = (props: {
  page: PortalPreviewPage;
  settings: PortalSettings;
  /** Shown when the settings name no organization. */
  fallbackOrganization: string;
}) => {
  const { page, settings, fallbackOrganization } = props;
  const classes = useStyles();
  const { t } = useTranslationRef(enrollmentTranslationRef);
  const organization = settings.organizationName.trim() || fallbackOrganization;
  const { texts } = settings;
  const withCertificate = !settings.skipCertificateInstallation;

  let body: ReactNode;
  if (page === 'login') {
    body = (
      <>
        <div className={classes.title}>Enroll your Mac</div>
        <p className={classes.text}>{texts.welcome}</p>
        <Card>
          <p className={classes.text}>{texts.login}</p>
          <div className={classes.label}>Username</div>
          <div className={classes.input} />
          <div className={classes.label}>Password</div>
          <div className={classes.input} />
          <span className={classes.button}>Log in</span>
        </Card>
      </>
    );
  } else if (page === 'download') {
    body = (
      <>
        <div className={classes.title}>Almost done</div>
        {withCertificate && (
          <Card title="1. Install the certificate">
            <p className={classes.text}>{texts.certificate}</p>
            <span className={classes.button}>Download the certificate</span>
          </Card>
        )}
        <Card
          title={`${
            withCertificate ? '2. ' : ''
          }Install the management profile`}
        >
          <p className={classes.text}>{texts.profile}</p>
          <span className={classes.button}>Download the profile</span>
        </Card>
      </>
    );
  } else {
    body = (
      <>
        <div className={classes.title}>Almost done</div>
        <Card title="Install the enrollment package">
          <p className={classes.text}>{texts.quickadd}</p>
          <span className={classes.button}>Download the package</span>
        </Card>
      </>
    );
  }

  return (
    <Box>
      <div
        className={classes.frame}
        role="region"
        aria-label={t('settings.texts.portalPreview')}
      >
        <div className={classes.header}>
          <span className={classes.organization}>{organization}</span> · Device
          enrollment
        </div>
        <div className={classes.main}>
          {body}
          {settings.supportContact.trim() && (
            <p className={classes.muted}>
              Need help? Contact {settings.supportContact}.
            </p>
          )}
        </div>
        <div className={classes.footer}>{organization} IT</div>
      </div>
      {page === 'download' && !withCertificate && (
        <Typography variant="caption" color="textSecondary">
          {t('settings.texts.certificateSkipped')}
        </Typography>
      )}
    </Box>
  );
};
