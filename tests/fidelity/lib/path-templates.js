'use strict';
// Matches recorded (raw, percent-encoded) paths to a spec's path templates.
// A template may carry a query ("...expire_password?tempPassword=true", as
// Okta's Swagger 2.0 spec splits one path by its query): the record keeps no
// query, so such templates all match their path, and the caller gets every one.

function pathTemplates(paths) {
  const byPath = new Map();
  for (const template of Object.keys(paths)) {
    const pathPart = template.split('?')[0];
    if (!byPath.has(pathPart)) byPath.set(pathPart, []);
    byPath.get(pathPart).push(template);
  }
  // Most literal first, so "/users/{id}/groups" wins over "/users/{id}/{x}".
  const matchers = [...byPath.entries()]
    .map(([pathPart, templates]) => ({
      pathPart,
      templates,
      literals: pathPart.split('/').filter((s) => s && !s.startsWith('{')).length,
      regex: new RegExp(`^${pathPart.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    }))
    .sort((a, b) => b.literals - a.literals);
  // Returns { pathPart, templates } for a recorded path, or undefined.
  return (path) => matchers.find((m) => m.regex.test(path));
}

module.exports = { pathTemplates };
