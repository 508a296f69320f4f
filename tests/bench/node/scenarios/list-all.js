// Scenario 3: every user, page after page, through the SDK's own collection
// iteration (it follows the Link rel="next" header). Peak memory is the
// process's maximum resident set once the list is complete, against the
// resident set just before it started.
'use strict';

const { createClient } = require('../okta-client');

async function listAll(options) {
  const client = createClient(options);
  // Warm-up: open the connection and load the SDK's code paths first, so the
  // memory baseline already holds them.
  await client.userApi.getUser({ userId: options.userId });

  const rssBeforeBytes = process.memoryUsage().rss;
  const started = process.hrtime.bigint();
  const users = [];
  const collection = await client.userApi.listUsers({ limit: options.pageSize });
  for await (const user of collection) {
    users.push(user);
  }
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  // maxRSS is in kilobytes; read it before serialising, which allocates.
  const peakRssBytes = process.resourceUsage().maxRSS * 1024;
  const jsonBytes = Buffer.byteLength(JSON.stringify(users));
  return {
    users: users.length,
    page_size: options.pageSize,
    elapsed_ms: elapsedMs,
    json_bytes: jsonBytes,
    rss_before_bytes: rssBeforeBytes,
    peak_rss_bytes: peakRssBytes,
    peak_growth_bytes: Math.max(0, peakRssBytes - rssBeforeBytes),
  };
}

module.exports = { listAll };
