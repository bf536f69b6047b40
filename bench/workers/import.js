// A benchmark worker: requires one module in a fresh process and prints { ms, maxRssKiB, pulumi, awsRoot }:
// the time of the require, the peak memory, whether any @pulumi module and whether the root @pulumi/aws was loaded.
'use strict';
const path = require('node:path');
const target = process.argv[2];
const start = process.hrtime.bigint();
for (const id of target.split(',')) require(id.startsWith('.') ? path.resolve(id) : id);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
const loaded = Object.keys(require.cache);
const awsRoot = path.join('node_modules', '@pulumi', 'aws', 'index.js');
process.stdout.write(JSON.stringify({
  ms,
  maxRssKiB: process.resourceUsage().maxRSS,
  pulumi: loaded.some((file) => file.includes(`${path.sep}@pulumi${path.sep}`)),
  awsRoot: loaded.some((file) => file.endsWith(awsRoot)),
}) + '\n');
