#!/usr/bin/env node
// The Node.js peer of wfn-bench: runs one benchmark scenario with Okta's
// official SDK against the sandbox and prints one JSON object on stdout.
//
//   node bench-node.js <scenario> --org-url URL --token TOKEN [options]
//
// Scenarios: get (1 and 2; --in-flight picks which), list-all (3),
// batch-create (4), cold-start (5). Trust the sandbox's CA through
// NODE_EXTRA_CA_CERTS.
'use strict';

const { performance } = require('node:perf_hooks');
// Taken first thing, so cold-start can report the runtime's own boot time.
const bootMs = performance.now();

const { parseArgs } = require('node:util');

const usage = 'usage: bench-node.js get|list-all|batch-create|cold-start --org-url URL --token TOKEN ' +
  '[--user-id ID] [--calls N] [--in-flight N] [--page-size N] [--creates N] [--prefix LOGIN_PREFIX] [--max-retries N]';

function parseOptions(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'org-url': { type: 'string' },
      token: { type: 'string' },
      'user-id': { type: 'string' },
      calls: { type: 'string', default: '5000' },
      'in-flight': { type: 'string', default: '1' },
      'page-size': { type: 'string', default: '200' },
      creates: { type: 'string', default: '1000' },
      prefix: { type: 'string', default: 'bench-node-' },
      'max-retries': { type: 'string' },
    },
  });
  if (positionals.length !== 1 || !values['org-url'] || !values.token) {
    throw new Error(usage);
  }
  const positive = (name) => {
    const value = Number(values[name]);
    if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number >= 1`);
    return value;
  };
  return {
    scenario: positionals[0],
    orgUrl: values['org-url'],
    token: values.token,
    userId: values['user-id'],
    calls: positive('calls'),
    inFlight: positive('in-flight'),
    pageSize: positive('page-size'),
    creates: positive('creates'),
    prefix: values.prefix,
    maxRetries: values['max-retries'] === undefined ? undefined : Number(values['max-retries']),
  };
}

const scenarios = {
  get: (options) => require('./scenarios/get-users').getUsers(options),
  'list-all': (options) => require('./scenarios/list-all').listAll(options),
  'batch-create': (options) => require('./scenarios/batch-create').batchCreate(options),
  'cold-start': (options) => require('./scenarios/cold-start').coldStart(options, bootMs),
};

async function main() {
  const options = parseOptions(process.argv.slice(2));
  const run = scenarios[options.scenario];
  if (!run) throw new Error(`unknown scenario "${options.scenario}"; ${usage}`);
  if (options.scenario !== 'batch-create' && !options.userId) {
    throw new Error(`--user-id is required for ${options.scenario}`);
  }
  const result = await run(options);
  process.stdout.write(JSON.stringify({ client: 'node', scenario: options.scenario, ...result }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`bench-node: ${error && error.message ? error.message : error}\n`);
  process.exit(1);
});
