/**
 * jest globalSetup of the apiserver project: starts one real API server for the run in a fresh directory, installs
 * every CRD of ../shared/crds and waits until each is Established, then tells the test workers where the server is.
 * global-teardown.ts stops it; the exit hook below stops it too when jest ends another way.
 */
import { installCrds } from './cluster';
import { startServer, STATE_DIR_ENV, stopServer } from './server';

export default async function globalSetup(): Promise<void> {
  const dir = startServer();
  process.env[STATE_DIR_ENV] = dir;
  // a run that ends without globalTeardown (an error in jest itself) still stops the server: nothing is left behind
  process.once('exit', () => {
    if (process.env[STATE_DIR_ENV] === dir) stopServer(dir);
  });
  try {
    await installCrds();
  } catch (e) {
    delete process.env[STATE_DIR_ENV];
    stopServer(dir);
    throw e;
  }
}
