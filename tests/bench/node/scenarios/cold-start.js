// Scenario 5: what it costs a fresh Node process to get going. `boot_ms` is
// the runtime's own start (process start to this module); `load_ms` loads
// the SDK and builds a client; `first_call_ms` is the first Get a User,
// TLS handshake included; `warm_call_ms` the one after it.
'use strict';

const { performance } = require('node:perf_hooks');

async function coldStart(options, bootMs) {
  const loadStarted = performance.now();
  const { createClient } = require('../okta-client');
  const client = createClient(options);
  const loaded = performance.now();
  await client.userApi.getUser({ userId: options.userId });
  const firstDone = performance.now();
  await client.userApi.getUser({ userId: options.userId });
  const warmDone = performance.now();
  return {
    boot_ms: bootMs,
    load_ms: loaded - loadStarted,
    first_call_ms: firstDone - loaded,
    warm_call_ms: warmDone - firstDone,
  };
}

module.exports = { coldStart };
