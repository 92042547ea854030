// Dredd 14 hooks for the CodeArts Check spec (conformance/README.md, "Dredd"; .ci/checks.d/62-dredd.sh).
//
// Dredd sends the operation's one example request for every documented status. These hooks make
// each request ask for the status under test instead: 400 names a task or execution record that
// does not exist, 401 sends no token, 406 accepts only text/html. After each transaction they sort
// its failures: Dredd compares Content-Type exactly, so "application/json;charset=UTF-8" fails
// against the spec's "application/json" (a known limitation of Dredd, not of the server); every
// other failure is unexpected. The verdicts go to the JSON file named by DREDD_VERDICTS.
const hooks = require('hooks');
const fs = require('fs');

const verdicts = [];

function header(headers, name) {
  const key = Object.keys(headers || {}).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : headers[key];
}

hooks.beforeEach((transaction, done) => {
  const status = String(transaction.expected.statusCode);
  const request = transaction.request;
  if (status === '400') {
    // Dredd sends to fullPath (the server's base path + uri), computed before the hooks run.
    const unknown = (uri) => uri.replace(/(\/v\d\/[a-z]+\/)([^/?]+)/, '$1no-such-$2');
    request.uri = unknown(request.uri);
    transaction.fullPath = unknown(transaction.fullPath);
  } else if (status === '401') {
    Object.keys(request.headers).filter((k) => k.toLowerCase() === 'x-auth-token').forEach((k) => delete request.headers[k]);
  } else if (status === '406') {
    Object.keys(request.headers).filter((k) => k.toLowerCase() === 'accept').forEach((k) => delete request.headers[k]);
    request.headers.Accept = 'text/html';
  }
  done();
});

hooks.afterEach((transaction, done) => {
  const fields = (transaction.results && transaction.results.fields) || {};
  const problems = [];
  Object.keys(fields).forEach((field) => (fields[field].errors || []).forEach((e) => problems.push(`${field}: ${e.message}`)));
  const expectedType = String(header(transaction.expected.headers, 'Content-Type') || '');
  const actualType = String(header((transaction.real || {}).headers, 'Content-Type') || '');
  const normalized = actualType.replace(/\s/g, '').toLowerCase();
  // Known: the only problem is Content-Type, and the answer is the declared type with a charset.
  const contentTypeOnly = problems.length > 0 && problems.every((p) => p.startsWith("headers: At '/content-type' No enum match for:"))
    && normalized === `${expectedType.toLowerCase()};charset=utf-8`;
  verdicts.push({
    name: transaction.name,
    request: `${transaction.request.method} ${transaction.request.uri}`,
    expectedStatus: String(transaction.expected.statusCode),
    actualStatus: transaction.real ? transaction.real.statusCode : null,
    outcome: problems.length === 0 && !transaction.skip ? 'pass' : contentTypeOnly ? 'content-type-only' : 'unexpected',
    contentType: { declared: expectedType, answered: actualType },
    problems,
  });
  done();
});

hooks.afterAll((transactions, done) => {
  fs.writeFileSync(process.env.DREDD_VERDICTS, JSON.stringify({ transactions: transactions.length, verdicts }, null, 2));
  done();
});
