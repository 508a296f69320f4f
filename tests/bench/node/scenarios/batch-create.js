// Scenario 4: `creates` new users, `inFlight` at a time, under the sandbox's
// rate limit. The SDK's own 429 handling is what is measured: its default
// executor waits until X-Rate-Limit-Reset (+1 s) and retries, twice at most,
// after which the call fails.
'use strict';

const { createClient } = require('../okta-client');
const { runPool } = require('../run-pool');

async function batchCreate(options) {
  const client = createClient(options);
  let failures = 0;
  let retries = 0;
  client.requestExecutor.on('backoff', () => { retries++; });
  const firstError = { message: '' };

  const started = process.hrtime.bigint();
  await runPool(options.creates, options.inFlight, async (index) => {
    const login = `${options.prefix}${index}@example.com`;
    try {
      await client.userApi.createUser({
        activate: true,
        body: {
          profile: { login, email: login, firstName: 'Bench', lastName: `User ${index}` },
          // Meets Okta's default policy, which refuses any part of the login.
          credentials: { password: { value: 'Xq7-Lantern-Quill-93!' } },
        },
      });
    } catch (error) {
      failures++;
      if (!firstError.message) firstError.message = String(error && error.message);
    }
  });
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  return {
    creates: options.creates,
    in_flight: options.inFlight,
    failures,
    retries,
    first_error: firstError.message,
    elapsed_ms: elapsedMs,
  };
}

module.exports = { batchCreate };
