// Calls the five operations through the TypeScript (typescript-fetch) client generated with
// typescript-fetch.yaml and checks the docs' values. Usage (compiled):
//   node check-client.js BASE_URL EXAMPLES_DIR NAMES_JSON
// Prints one line per failure, naming the field; exits 1 on any.
import {
  Configuration,
  DeleteTaskResponseToJSON,
  RefreshJobResultResponseToJSON,
  TaskCronResponseToJSON,
  TaskManagementApi,
} from './client';

declare function require(name: string): any;
declare const process: { argv: string[]; exitCode?: number };
const fs = require('fs');

const [baseUrl, examples, namesFile] = process.argv.slice(2);
const failures: string[] = [];
const check = (ok: boolean, what: string) => { if (!ok) failures.push(what); };
const example = (name: string): any => JSON.parse(fs.readFileSync(`${examples}/${name}`, 'utf8'));
const names: Record<string, string> = JSON.parse(fs.readFileSync(namesFile, 'utf8'));
const sameFields = (label: string, expected: Record<string, unknown>, json: unknown) => {
  const actual = (json ?? {}) as Record<string, unknown>;
  for (const [wire, value] of Object.entries(expected)) {
    if (!(wire in actual)) failures.push(`${label}: lost field ${wire} (expected ${JSON.stringify(value)})`);
    else if (JSON.stringify(actual[wire]) !== JSON.stringify(value))
      failures.push(`${label}: field ${wire} is ${JSON.stringify(actual[wire])}, expected ${JSON.stringify(value)}`);
  }
};

async function main(): Promise<void> {
  const api = new TaskManagementApi(new Configuration({ basePath: baseUrl, apiKey: 'polyglot-token' }));

  const svg = await api.showCodeHealthSvg({ taskId: 'aexxxx86', jobId: 'e5470ceb4d0440f198b56974xxxxxxxx' });
  check(typeof svg === 'string' && svg.startsWith('<svg') && svg.includes('code health'),
    `badge: expected the SVG text, got ${String(svg).slice(0, 80)}`);

  const refreshed = await api.refreshPortalServiceJobResult({
    jobId: 'e5470ceb4d0440f198b56974xxxxxxxx', taskId: '', async: 'false' });
  const expected = example('refresh-200.json');
  sameFields('refresh', expected.result, RefreshJobResultResponseToJSON(refreshed).result);
  const report = refreshed.result;
  if (!report) {
    failures.push('refresh: no result');
  } else {
    for (const [wire, value] of Object.entries(expected.result)) {
      const name = names[wire];
      const actual = name === undefined ? undefined : (report as unknown as Record<string, unknown>)[name];
      if (name === undefined) failures.push(`refresh: field ${wire} has no name in typescript-fetch.yaml`);
      else if (JSON.stringify(actual) !== JSON.stringify(value))
        failures.push(`refresh: result.${name} (${wire}) is ${JSON.stringify(actual)}, expected ${JSON.stringify(value)}`);
    }
    check(report.majorIssueCount === 4, 'refresh: result.majorIssueCount (CRITICAL) must be 4');
    check(report.severityCriticalCount === 0, 'refresh: result.severityCriticalCount (critical) must be 0');
    check(Object.keys(report).length === 28, `refresh: JobReportInfo has ${Object.keys(report).length} properties, not 28`);
  }

  const cron = await api.showPortalServiceTaskCron({ taskId: 'fxxxx7ba3ae14a87a32b151bcbe20801', operator: 'creator' });
  sameFields('taskcron', example('taskcron-200.json').result, TaskCronResponseToJSON(cron).result);
  check(cron.result.detailTime === '15:00', 'taskcron: result.detailTime must be 15:00');

  const stopped = await api.stopTaskByIdV2({ taskId: '2b31ed520xxxxxxebedb6e57xxxxxxxx' });
  check(stopped === null, `stop: expected null (the body is null), got ${JSON.stringify(stopped)}`);

  const deleted = await api.deleteTaskV3({ taskId: '897acf5exxx48a5013cd' });
  sameFields('delete', example('delete-200.json'), DeleteTaskResponseToJSON(deleted));
  check(deleted.result === true, 'delete: result must be true');
  try {
    await api.deleteTaskV3({ taskId: '897acf5exxx48a5013cd' });
    failures.push('delete twice: expected a 400');
  } catch (e: unknown) {
    const response = (e as { response?: Response }).response;
    const body = response ? await response.text() : '';
    check(response?.status === 400 && body.includes('error_code'), `delete twice: expected 400 with error_code, got ${response?.status} ${body}`);
  }
}

main().then(() => {
  failures.forEach((f) => console.log(`typescript: FAILED: ${f}`));
  if (failures.length > 0) process.exitCode = 1;
  else console.log('typescript: 5 operations, 28 report fields under their typescript-fetch.yaml names, badge as text: OK');
}, (e: unknown) => {
  console.log(`typescript: FAILED: ${e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
});
