/**
 * jest globalSetup of the apiserver project: starts one real API server for the run in a fresh directory, installs
 * every CRD of ../shared/crds and waits until each is Established, then tells the test workers where the server is.
 * global-teardown.ts stops it; the exit hook below stops it too when jest ends another way.
 */
import { installCrds } from './cluster';
import { newStateDir, startServer, STATE_DIR_ENV, stopServer } from './server';

export default async function globalSetup(): Promise<void> {
  const dir = newStateDir();
  process.env[STATE_DIR_ENV] = dir;
  // A run that ends without globalTeardown still stops the server, which runs in a session of its own: on exit (an
  // error in jest itself) and on SIGINT, SIGTERM or SIGHUP (Ctrl-C, a CI timeout), after which the signal is re-raised.
  // The handlers are in place before the server starts, so a signal during the start stops what it started too.
  const stop = () => {
    if (process.env[STATE_DIR_ENV] !== dir) return;
    delete process.env[STATE_DIR_ENV];
    stopServer(dir);
  };
  process.once('exit', stop);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stop();
      process.kill(process.pid, signal);
    });
  }
  try {
    startServer(dir);
    await installCrds();
  } catch (e) {
    stop();
    throw e;
  }
}
