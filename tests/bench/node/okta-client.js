// Builds the Okta Node SDK client the way the benchmark compares it: the
// read cache is off (cacheMiddleware: null), so every call goes to the wire
// exactly as the plugin's calls do. TLS trust comes from NODE_EXTRA_CA_CERTS,
// which run-bench.sh points at the sandbox's CA.
'use strict';

// Required lazily so the cold-start scenario can time loading the SDK itself.
function createClient({ orgUrl, token, maxRetries }) {
  const okta = require('@okta/okta-sdk-nodejs');
  const requestExecutor = new okta.DefaultRequestExecutor(
    maxRetries === undefined ? {} : { maxRetries });
  return new okta.Client({
    orgUrl,
    token,
    cacheStore: null,
    cacheMiddleware: null,
    requestExecutor,
  });
}

module.exports = { createClient };
