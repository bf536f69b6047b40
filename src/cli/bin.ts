#!/usr/bin/env node
// The `k8s-udp` executable: package.json `bin` points at the compiled lib/cli/bin.js.
import { main } from './main';

main();
