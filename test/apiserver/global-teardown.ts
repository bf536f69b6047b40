/** jest globalTeardown of the apiserver project: stops the server of global-setup.ts and removes its directory. */
import { STATE_DIR_ENV, stopServer } from './server';

export default function globalTeardown(): void {
  const dir = process.env[STATE_DIR_ENV];
  if (!dir) return;
  delete process.env[STATE_DIR_ENV];
  stopServer(dir);
}
