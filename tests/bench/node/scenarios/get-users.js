// Scenarios 1 and 2: Get a User, `calls` times, with `inFlight` calls pending
// at once (1 = await each call in turn). One warm-up call first opens the
// kept-alive connection, as the plugin and wrk runs do.
'use strict';

const { createClient } = require('../okta-client');
const { runPool } = require('../run-pool');

async function getUsers(options) {
  const client = createClient(options);
  await client.userApi.getUser({ userId: options.userId });

  let failures = 0;
  const started = process.hrtime.bigint();
  await runPool(options.calls, options.inFlight, async () => {
    try {
      const user = await client.userApi.getUser({ userId: options.userId });
      if (!user || !user.id) failures++;
    } catch {
      failures++;
    }
  });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    calls: options.calls,
    in_flight: options.inFlight,
    failures,
    elapsed_ms: elapsedMs,
    requests_per_second: options.calls / (elapsedMs / 1000),
  };
}

module.exports = { getUsers };
