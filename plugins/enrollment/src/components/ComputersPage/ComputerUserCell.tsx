import Typography from '@material-ui/core/Typography';
import { ComputerUser } from '@macenroll/plugin-enrollment-common';

/** Who a computer belongs to: the name people know, then how to find them. */
export const ComputerUserCell = ({ user }: { user: ComputerUser }) => {
  const { realName, username, email } = user;
  if (!realName && !username && !email) return <>—</>;
  // The username is the name when there is no real name; no need to repeat it.
  const secondary = [realName ? username : undefined, email].filter(Boolean);
  return (
    <>
      {(realName || username) && (
        <Typography variant="body2">{realName || username}</Typography>
      )}
      {secondary.map(line => (
        // Not the theme's secondary grey: it fails contrast on striped rows.
        <Typography key={line} variant="body2" style={{ whiteSpace: 'nowrap' }}>
          {line}
        </Typography>
      ))}
    </>
  );
};
