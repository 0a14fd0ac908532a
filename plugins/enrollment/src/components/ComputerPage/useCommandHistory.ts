import { useApi } from '@backstage/core-plugin-api';
import { MdmCommand } from '@macenroll/plugin-enrollment-common';
import { useCallback, useEffect, useState } from 'react';
import { enrollmentApiRef } from '../../api';
import { isWaiting } from './commands';

/** How often the history is asked again while the Mac has commands to answer. */
export const POLL_INTERVAL_MS = 3000;

export interface CommandHistory {
  /** Newest first; undefined until the first answer. */
  commands?: MdmCommand[];
  /** The last load's error; the commands loaded before it stay. */
  error?: Error;
  /** Whether a command waits for the Mac, so the history refreshes itself. */
  waiting: boolean;
  reload(): void;
}

type Loaded = { computerId: string; commands?: MdmCommand[]; error?: Error };

/**
 * A computer's MDM commands, asked again every few seconds while one is
 * queued or sent, so the admin sees the Mac's answer without reloading.
 */
export function useCommandHistory(computerId: string): CommandHistory {
  const api = useApi(enrollmentApiRef);
  const [attempt, setAttempt] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>({ computerId });
  const current = loaded.computerId === computerId ? loaded : { computerId };

  useEffect(() => {
    // A newer load (or another computer) makes this one's answer stale.
    let latest = true;
    api.listComputerCommands(computerId).then(
      ({ items }) => {
        if (latest) setLoaded({ computerId, commands: items });
      },
      error => {
        if (latest) {
          setLoaded(before => ({
            computerId,
            commands:
              before.computerId === computerId ? before.commands : undefined,
            error,
          }));
        }
      },
    );
    return () => {
      latest = false;
    };
  }, [api, computerId, attempt]);

  const waiting = current.commands?.some(c => isWaiting(c.status)) ?? false;
  useEffect(() => {
    if (!waiting) return undefined;
    const timer = setTimeout(() => setAttempt(n => n + 1), POLL_INTERVAL_MS);
    return () => clearTimeout(timer);
    // `loaded` restarts the timer after each answer, a failed one too.
  }, [waiting, loaded]);

  const reload = useCallback(() => setAttempt(n => n + 1), []);
  return {
    commands: current.commands,
    error: current.error,
    waiting,
    reload,
  };
}
