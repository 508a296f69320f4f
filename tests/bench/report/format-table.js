// Renders the evaluated scenarios as one Markdown table (readable in a
// terminal, and pasted as-is into tests/bench/README.md).
'use strict';

function number(value, digits) {
  if (value === null || value === undefined || Number.isNaN(value)) return '';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(digits);
}

function times(value) {
  return value === null || value === undefined ? '' : `${value.toFixed(2)}x`;
}

// A "faster" ratio below 1 reads better turned round: 0.5x faster is 2x slower.
function speed(value) {
  if (value === null || value === undefined) return '';
  return value >= 1 ? `${value.toFixed(2)}x faster` : `${(1 / value).toFixed(2)}x slower`;
}

function met(value) {
  if (value === null || value === undefined) return '';
  return value ? 'met' : 'MISSED';
}

function formatTable(meta, scenarios) {
  const lines = [];
  lines.push(`Benchmark of ${meta.date} on ${meta.machine.cpu_model}, ${meta.machine.nproc} CPUs, ` +
    `load average ${meta.load_before} before, ${meta.load_after} after, ` +
    `1-minute peak ${meta.load_max_during} during the run (its own sandbox and client make up to 2); ` +
    `${meta.pinned ? 'sandbox on CPU 1, clients on CPU 0' : 'unpinned'}; ` +
    `median of ${meta.runs} runs${meta.smoke ? ' (SMOKE sizes: figures mean nothing)' : ''}.`);
  lines.push('');
  lines.push('| # | Scenario | Metric | Unit | Plugin | Node SDK | wrk | Plugin/Node | Plugin/wrk | Target | Result |');
  lines.push('|---|---|---|---|---:|---:|---:|---:|---:|---|---|');
  for (const scenario of scenarios) {
    scenario.rows.forEach((row, index) => {
      const pluginRatio = row.plugin_vs_json !== undefined
        ? `${times(row.plugin_vs_json)} of JSON` : times(row.plugin_vs_wrk);
      lines.push(`| ${index === 0 ? scenario.id.split('-')[0] : ''} | ${index === 0 ? scenario.title : ''} | ` +
        `${row.metric} | ${row.unit} | ${number(row.plugin, 2)} | ${number(row.node, 2)} | ${number(row.wrk, 2)} | ` +
        `${row.ratio_note === 'faster' ? speed(row.plugin_vs_node) : times(row.plugin_vs_node)} | ${pluginRatio} | ` +
        `${row.target} | ${met(row.met)} |`);
    });
  }
  return lines.join('\n') + '\n';
}

module.exports = { formatTable };
