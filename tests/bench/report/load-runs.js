// Reads raw/<scenario>/<client>-<run>.json (one JSON object per file, as
// run-bench.sh kept them) into { scenario: { client: [run objects] } }.
'use strict';

const fs = require('node:fs');
const path = require('node:path');

function loadRuns(rawDir) {
  const runs = {};
  for (const scenario of fs.readdirSync(rawDir).sort()) {
    const scenarioDir = path.join(rawDir, scenario);
    if (!fs.statSync(scenarioDir).isDirectory()) continue;
    runs[scenario] = {};
    for (const file of fs.readdirSync(scenarioDir).sort()) {
      const match = /^(.+)-(\d+)\.json$/.exec(file);
      if (!match) continue;
      const text = fs.readFileSync(path.join(scenarioDir, file), 'utf8');
      let figures;
      try {
        figures = JSON.parse(text);
      } catch (error) {
        throw new Error(`${scenario}/${file} is not valid JSON: ${error.message}`);
      }
      (runs[scenario][match[1]] ||= []).push(figures);
    }
  }
  return runs;
}

// The median of every numeric member over the runs, and the runs themselves.
function summarise(runList) {
  const medians = {};
  for (const key of Object.keys(runList[0])) {
    const values = runList.map((run) => run[key]).filter((value) => typeof value === 'number');
    if (values.length !== runList.length) continue;
    values.sort((a, b) => a - b);
    const middle = Math.floor(values.length / 2);
    medians[key] = values.length % 2 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }
  return { runs: runList.length, median: medians, all: runList };
}

module.exports = { loadRuns, summarise };
