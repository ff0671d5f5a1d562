// What a stop signal does (Airbyte and Meltano cancel a sync with SIGTERM; a person presses Ctrl-C): report it
// through the command's own channel, write out what is buffered, remove temporary folders, exit non-zero.
// Node's default would exit at once, dropping buffered LOG lines and leaving downloaded log files behind.
import { removeTempDirsNow } from './logs/temp-dirs.js';

const SIGNALS = { SIGTERM: 15, SIGINT: 2 } as const;

/** `report` must write synchronously (a sealed Output, stderr): the process exits right after it. */
export function onStopSignal(report: (signal: string) => void): void {
  for (const [signal, number] of Object.entries(SIGNALS)) {
    process.once(signal, () => {
      try {
        report(signal);
      } finally {
        removeTempDirsNow();
        process.exit(128 + number);
      }
    });
  }
}
