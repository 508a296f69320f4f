// The scenarios and targets: what each table row shows and how its
// target is judged, from the medians of each client's runs.
'use strict';

const env = (name) => Number(process.env[name]);

function ratio(numerator, denominator) {
  return typeof numerator === 'number' && typeof denominator === 'number' && denominator > 0
    ? numerator / denominator : null;
}

// Each definition names the clients it needs and builds its rows from
// c = { client: summary }. A row: metric, unit, figures per client, ratios,
// target text and met (true/false/null when there is no target). Ratios read
// "bigger is better for the plugin": throughput plugin/peer, and for times
// peer time / plugin time (ratio_note 'faster').
const definitions = [
  {
    id: '1-get-sequential',
    title: () => `Sequential Get a User (${env('WFN_BENCH_SEQ_CALLS')} calls, 1 thread)`,
    clients: ['plugin', 'node', 'wrk'],
    rows: (c) => {
      const plugin = c.plugin.median.requests_per_second;
      const vsNode = ratio(plugin, c.node.median.requests_per_second);
      const vsWrk = ratio(plugin, c.wrk.median.requests_per_second);
      return [{
        metric: 'throughput', unit: 'req/s',
        plugin, node: c.node.median.requests_per_second, wrk: c.wrk.median.requests_per_second,
        plugin_vs_node: vsNode, plugin_vs_wrk: vsWrk,
        target: '>= 0.8x wrk -c1, >= 5x Node',
        met: vsWrk >= 0.8 && vsNode >= 5,
      }, {
        metric: 'failed calls (max of runs)', unit: 'calls',
        plugin: maxOf(c.plugin, 'failures'), node: maxOf(c.node, 'failures'), wrk: maxOf(c.wrk, 'failures'),
        target: '', met: null,
      }];
    },
  },
  {
    id: '2-get-concurrent',
    title: () => `Concurrent Get a User (${env('WFN_BENCH_CONC_CALLS')} calls, ${env('WFN_BENCH_THREADS')} threads / in flight)`,
    clients: ['plugin', 'node', 'wrk'],
    rows: (c) => {
      const plugin = c.plugin.median.requests_per_second;
      const vsNode = ratio(plugin, c.node.median.requests_per_second);
      const vsWrk = ratio(plugin, c.wrk.median.requests_per_second);
      return [{
        metric: 'throughput', unit: 'req/s',
        plugin, node: c.node.median.requests_per_second, wrk: c.wrk.median.requests_per_second,
        plugin_vs_node: vsNode, plugin_vs_wrk: vsWrk,
        target: `>= 0.7x wrk -c${env('WFN_BENCH_THREADS')}, >= 3x Node`,
        met: vsWrk >= 0.7 && vsNode >= 3,
      }, {
        metric: 'failed calls (max of runs)', unit: 'calls',
        plugin: maxOf(c.plugin, 'failures'), node: maxOf(c.node, 'failures'), wrk: maxOf(c.wrk, 'failures'),
        target: '', met: null,
      }];
    },
  },
  {
    id: '3-list-all',
    title: () => `Get Many Users, ReturnAll over ${env('WFN_BENCH_LIST_USERS')} users (pages of ${env('WFN_BENCH_PAGE_SIZE')})`,
    clients: ['plugin', 'node'],
    rows: (c) => {
      const speedup = ratio(c.node.median.elapsed_ms, c.plugin.median.elapsed_ms);
      const memoryVsJson = ratio(c.plugin.median.peak_growth_bytes, c.plugin.median.json_bytes);
      const mib = (bytes) => bytes / (1024 * 1024);
      return [{
        metric: 'elapsed', unit: 'ms',
        plugin: c.plugin.median.elapsed_ms, node: c.node.median.elapsed_ms,
        plugin_vs_node: speedup, ratio_note: 'faster',
        target: '>= 3x faster than Node', met: speedup >= 3,
      }, {
        metric: 'peak RSS growth during the call', unit: 'MiB',
        plugin: mib(c.plugin.median.peak_growth_bytes), node: mib(c.node.median.peak_growth_bytes),
        plugin_vs_json: memoryVsJson,
        target: `<= 2x returned JSON (${mib(c.plugin.median.json_bytes).toFixed(1)} MiB)`,
        met: memoryVsJson !== null && memoryVsJson <= 2,
      }, {
        metric: 'users returned', unit: 'users',
        plugin: c.plugin.median.users, node: c.node.median.users,
        target: `= ${env('WFN_BENCH_LIST_USERS')}`,
        met: c.plugin.median.users === env('WFN_BENCH_LIST_USERS'),
      }];
    },
  },
  {
    id: '4-batch-create',
    title: () => `Batch create ${env('WFN_BENCH_CREATES')} users, one forEach step, bucket ${env('WFN_BENCH_RATE_LIMIT')} per ${env('WFN_BENCH_RATE_WINDOW')} s`,
    clients: ['plugin', 'node'],
    rows: (c) => {
      const window = env('WFN_BENCH_RATE_WINDOW') * 1000;
      // The first bucketful goes out at once; each further one waits a window.
      const floorMs = (Math.ceil(env('WFN_BENCH_CREATES') / env('WFN_BENCH_RATE_LIMIT')) - 1) * window;
      const failures = maxOf(c.plugin, 'failures');
      const nodeFailures = maxOf(c.node, 'failures');
      return [{
        metric: 'failed creates (max of runs)', unit: 'creates',
        plugin: failures, node: nodeFailures,
        target: '0', met: failures === 0,
      }, {
        metric: 'elapsed', unit: 'ms',
        plugin: c.plugin.median.elapsed_ms, node: c.node.median.elapsed_ms,
        // A batch that gave up on some creates finishes early: its time
        // says nothing, so neither the ratio nor the target applies then.
        plugin_vs_node: failures === 0 && nodeFailures === 0
          ? ratio(c.node.median.elapsed_ms, c.plugin.median.elapsed_ms) : null,
        ratio_note: 'faster',
        floor_ms: floorMs,
        target: `<= floor + 1 window = ${(floorMs + window) / 1000} s (floor ${floorMs / 1000} s), with 0 failures`,
        met: failures === 0 && c.plugin.median.elapsed_ms <= floorMs + window,
      }];
    },
  },
  {
    id: '5-cold-start',
    title: () => `Cold start (median of ${env('WFN_BENCH_COLD_RUNS')} fresh processes)`,
    clients: ['plugin', 'node'],
    rows: (c) => [{
      metric: 'host start + discovery + load + enumerate (Node: require SDK + new Client)', unit: 'ms',
      plugin: c.plugin.median.load_enumerate_ms, node: c.node.median.load_ms,
      plugin_vs_node: ratio(c.node.median.load_ms, c.plugin.median.load_enumerate_ms), ratio_note: 'faster',
      target: '<= 5 ms', met: c.plugin.median.load_enumerate_ms <= 5,
    }, {
      metric: 'first call incl. TLS handshake', unit: 'ms',
      plugin: c.plugin.median.first_call_ms, node: c.node.median.first_call_ms,
      plugin_vs_node: ratio(c.node.median.first_call_ms, c.plugin.median.first_call_ms), ratio_note: 'faster',
      target: '', met: null,
    }, {
      metric: 'second (warm) call', unit: 'ms',
      plugin: c.plugin.median.warm_call_ms, node: c.node.median.warm_call_ms,
      plugin_vs_node: ratio(c.node.median.warm_call_ms, c.plugin.median.warm_call_ms), ratio_note: 'faster',
      target: '', met: null,
    }],
  },
  {
    id: '6-cpu-per-get',
    title: () => 'CPU cost of one warm Get a User (callgrind, instructions)',
    clients: ['plugin'],
    rows: (c) => [{
      metric: "inside the plugin: execute() inclusive", unit: 'instructions',
      plugin: c.plugin.median.execute_ir_per_call, target: '', met: null,
    }, {
      metric: 'whole plugin_host::run() (adds the host\'s JSON parse)', unit: 'instructions',
      plugin: c.plugin.median.host_run_ir_per_call, target: '', met: null,
    }],
  },
];

function maxOf(summary, key) {
  return Math.max(...summary.all.map((run) => run[key]));
}

module.exports = { definitions };
