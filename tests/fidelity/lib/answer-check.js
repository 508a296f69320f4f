'use strict';
// Checks one recorded answer ({method, path, status, body}) against a spec
// (lib/openapi3-spec.js or lib/swagger2-spec.js). Returns
//   { label, problems: [...], notes: [...] }
// problems: how the answer departs from the spec (the check fails on them);
// notes: what the spec does not cover, so could not be checked.

const errorFields = ['errorCode', 'errorSummary', 'errorLink', 'errorId', 'errorCauses'];

const isEmptyObject = (body) => typeof body === 'object' && body !== null && !Array.isArray(body) &&
  Object.keys(body).length === 0;

// A path no template matches, labelled with the segment after each collection
// (users, groups) as {id}, so its answers count as one operation.
const pathWithoutIds = (path) => path.replace(/\/(users|groups)\/[^/]+/g, '/$1/{id}');

function successResponses(responses) {
  return [...responses.entries()].filter(([status]) => /^2\d\d$/.test(status));
}

function checkAnswer(entry, spec) {
  const problems = [];
  const notes = [];
  const operation = spec.operation(entry.method, entry.path);
  const label = `${entry.method} ${operation ? operation.template : pathWithoutIds(entry.path)} -> ${entry.status}`;

  let body;
  if (entry.body.length > 0) {
    try {
      body = JSON.parse(entry.body);
    } catch {
      return { label, problems: ['the body is not JSON'], notes };
    }
  }

  // The schemas the answer may fit (any one of them), or [null] for "no body".
  let schemas;
  const status = String(entry.status);
  const documented = operation && (operation.responses.get(status) || operation.responses.get('default'));
  if (documented) {
    schemas = documented;
  } else if (entry.status >= 400) {
    // Errors the spec does not list per operation (a 404 for a path it does not know too).
    if (spec.errorSchema) schemas = [spec.errorSchema];
    else notes.push('the spec documents no error answers');
  } else if (!operation) {
    if (spec.statusesAreExact) problems.push('the spec has no such operation');
    else notes.push('the spec has no such operation');
  } else if (!spec.statusesAreExact && successResponses(operation.responses).length > 0) {
    const success = successResponses(operation.responses);
    notes.push(`the spec documents ${success.map(([s]) => s).join(', ')}, not ${status}`);
    schemas = success.flatMap(([, list]) => list);
  } else {
    problems.push('the spec documents no such status for this operation');
  }

  if (schemas) {
    const bodySchemas = schemas.filter((schema) => schema !== null);
    if (bodySchemas.length === 0) {
      if (body !== undefined && !isEmptyObject(body)) problems.push('the spec documents no body for this answer, but one was sent');
    } else if (body === undefined) {
      problems.push('the spec documents a JSON body, but none was sent');
    } else {
      // Several candidates when the spec splits one path by its query: any may fit.
      const validators = bodySchemas.map((schema) => spec.validator(schema));
      if (!validators.some((validate) => validate(body))) {
        validators[0](body);
        problems.push(...validators[0].errors.map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`));
      }
    }
  }
  // Stricter than any schema, to catch invented or misspelt members.
  if (entry.status >= 400 && body !== undefined) {
    for (const field of errorFields) if (!(field in body)) problems.push(`the error lacks ${field}`);
  }
  // Users and groups are told apart by their ids ("00u", "00g").
  const resources = Array.isArray(body) ? body : (body && body.profile && body.id ? [body] : []);
  for (const resource of resources) {
    const isGroup = typeof resource.id === 'string' && resource.id.startsWith('00g');
    const known = isGroup ? spec.groupFields : spec.userFields;
    for (const key of Object.keys(resource)) {
      if (!known.has(key)) problems.push(`the ${isGroup ? 'group' : 'user'} has a member the spec does not know: ${key}`);
    }
  }
  return { label, problems, notes };
}

module.exports = { checkAnswer };
