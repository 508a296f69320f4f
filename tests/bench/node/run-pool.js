// Runs `total` async tasks with at most `inFlight` of them pending at once,
// the way a caller keeps N requests in flight without a thread per request.
'use strict';

async function runPool(total, inFlight, task) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      const index = next++;
      await task(index);
    }
  };
  const workers = [];
  for (let i = 0; i < Math.min(inFlight, total); i++) {
    workers.push(worker());
  }
  await Promise.all(workers);
}

module.exports = { runPool };
