import { connect, Socket } from 'node:net';

/**
 * Opens each pooled SMTP connection with Nagle's algorithm off. nodemailer
 * ends every message with a small write that Nagle holds back until the
 * relay acknowledges the previous segment, and relays delay that ACK by up
 * to 40 ms: measured here, 46 ms per message on one connection with it,
 * 2 ms without. nodemailer upgrades this socket to TLS (STARTTLS or
 * implicit) itself, and its own timeouts apply once it has it.
 */
export function noDelaySocket(
  options: { host?: string; port?: number; connectionTimeout?: number },
  callback: (
    error: Error | null,
    socketOptions?: { connection: Socket },
  ) => void,
): void {
  const host = options.host ?? 'localhost';
  const port = options.port ?? 25;
  const socket = connect({ host, port });
  socket.setNoDelay(true);
  let settled = false;
  const settle = (error: Error | null) => {
    if (settled) return;
    settled = true;
    socket.setTimeout(0);
    socket.off('error', settle);
    if (error) {
      socket.destroy();
      callback(error);
    } else {
      callback(null, { connection: socket });
    }
  };
  socket.setTimeout(options.connectionTimeout ?? 10_000, () =>
    settle(
      Object.assign(new Error(`Connection timeout to ${host}:${port}`), {
        code: 'ETIMEDOUT',
      }),
    ),
  );
  socket.once('error', settle);
  socket.once('connect', () => settle(null));
}
