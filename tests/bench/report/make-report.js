#!/usr/bin/env node
// Turns run-bench.sh's raw runs into the one table and results.json.
//
//   make-report.js --raw DIR --json FILE --markdown FILE
//
// Fails (exit 1) when a scenario or a client is missing or a raw file is
// not valid JSON: the smoke test relies on that.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const { parseArgs } = require('node:util');

const { loadRuns, summarise } = require('./load-runs');
const { definitions } = require('./scenarios');
const { formatTable } = require('./format-table');

function machine() {
  return {
    nproc: os.cpus().length,
    cpu_model: os.cpus()[0] ? os.cpus()[0].model.trim() : 'unknown',
    kernel: os.release(),
    node: process.version,
  };
}

function settings() {
  const picked = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (name.startsWith('WFN_BENCH_') && name !== 'WFN_BENCH_TOKEN') picked[name] = value;
  }
  return picked;
}

function main() {
  const { values } = parseArgs({
    options: { raw: { type: 'string' }, json: { type: 'string' }, markdown: { type: 'string' } },
  });
  if (!values.raw || !values.json || !values.markdown) {
    throw new Error('usage: make-report.js --raw DIR --json FILE --markdown FILE');
  }
  const runs = loadRuns(values.raw);
  const scenarios = definitions.map((definition) => {
    const clients = {};
    for (const client of definition.clients) {
      const list = runs[definition.id] && runs[definition.id][client];
      if (!list || list.length === 0) {
        throw new Error(`scenario ${definition.id} has no runs for ${client}`);
      }
      clients[client] = summarise(list);
    }
    const rows = definition.rows(clients);
    const targeted = rows.filter((row) => row.met !== null);
    return {
      id: definition.id,
      title: definition.title(),
      rows,
      met: targeted.length ? targeted.every((row) => row.met) : null,
      clients,
    };
  });
  const meta = {
    date: new Date().toISOString(),
    machine: machine(),
    load_before: process.env.WFN_BENCH_LOAD_BEFORE || '',
    load_after: process.env.WFN_BENCH_LOAD_AFTER || '',
    load_max_during: process.env.WFN_BENCH_LOAD_MAX || '',
    pinned: process.env.WFN_BENCH_PINNED === '1',
    smoke: process.env.WFN_BENCH_SMOKE === '1',
    runs: Number(process.env.WFN_BENCH_RUNS),
    okta_sdk_nodejs: require('@okta/okta-sdk-nodejs/package.json').version,
    settings: settings(),
  };
  const table = formatTable(meta, scenarios);
  fs.writeFileSync(values.json, JSON.stringify({ meta, scenarios }, null, 2) + '\n');
  fs.writeFileSync(values.markdown, table);
  process.stdout.write(table);
}

try {
  main();
} catch (error) {
  process.stderr.write(`make-report: ${error.message}\n`);
  process.exit(1);
}
