'use strict';
// Proves that the answer check can fail against a given spec: recorded answers
// broken on purpose must be reported. A check that passes them is no check.
const { checkAnswer } = require('./answer-check');

// Returns a list of problems with the check itself (empty when it caught every break).
function selfCheck(entries, spec) {
  const isUser = (e) => e.status === 200 && e.method === 'GET' && /^\/api\/v1\/users\/[^/]+$/.test(e.path);
  const isUserList = (e) => e.status === 200 && e.method === 'GET' && e.path === '/api/v1/users';
  const user = entries.find(isUser);
  const list = entries.find((e) => isUserList(e) && JSON.parse(e.body).length > 0);
  if (!user) return ['the record holds no GET /api/v1/users/{id} answer to break'];

  const broken = [];
  const userBody = JSON.parse(user.body);
  broken.push({ what: 'a user whose status is not a UserStatus', entry: { ...user,
    body: JSON.stringify({ ...userBody, status: 'NOT_A_STATUS' }) } });
  broken.push({ what: 'a user whose status is null', entry: { ...user,
    body: JSON.stringify({ ...userBody, status: null }) } });
  broken.push({ what: 'a user whose profile is a string', entry: { ...user,
    body: JSON.stringify({ ...userBody, profile: 'not an object' }) } });
  broken.push({ what: 'a user whose created is a number', entry: { ...user,
    body: JSON.stringify({ ...userBody, created: 12 }) } });
  if (list) {
    const [first, ...rest] = JSON.parse(list.body);
    broken.push({ what: 'a list of users whose first one has a numeric id', entry: { ...list,
      body: JSON.stringify([{ ...first, id: 12 }, ...rest]) } });
  }
  broken.push({ what: 'a user answer that is not JSON', entry: { ...user, body: '{"id":' } });

  const missed = [];
  for (const { what, entry } of broken) {
    if (checkAnswer(entry, spec).problems.length === 0) missed.push(`the check passes ${what} (${entry.method} ${entry.path})`);
  }
  return missed;
}

module.exports = { selfCheck };
