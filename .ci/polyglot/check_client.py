"""Calls the five operations through the Python client generated with python.yaml and checks the
docs' values. Usage: check_client.py BASE_URL EXAMPLES_DIR NAMES_JSON (run with the generated
package's folder on PYTHONPATH). Prints one line per failure, naming the field; exits 1 on any."""
import json
import sys

from codearts_check import ApiClient, Configuration, TaskManagementApi
from codearts_check.exceptions import ApiException

base_url, examples, names_file = sys.argv[1:4]
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def example(name):
    with open(f"{examples}/{name}", encoding="utf-8") as f:
        return json.load(f)


def same_fields(label, expected, actual):
    """Every field of the docs' example, under its wire name, after the client's round trip."""
    for wire, value in expected.items():
        if wire not in actual:
            failures.append(f"{label}: lost field {wire} (expected {value!r})")
        elif actual[wire] != value:
            failures.append(f"{label}: field {wire} is {actual[wire]!r}, expected {value!r}")


names = json.load(open(names_file, encoding="utf-8"))
configuration = Configuration(host=base_url)
configuration.api_key["AuthToken"] = "polyglot-token"
api = TaskManagementApi(ApiClient(configuration))

svg = api.show_code_health_svg(task_id="aexxxx86", job_id="e5470ceb4d0440f198b56974xxxxxxxx")
check(isinstance(svg, str) and svg.startswith("<svg") and "code health" in svg,
      f"badge: expected the SVG text, got {svg!r:.80}")

refreshed = api.refresh_portal_service_job_result(
    job_id="e5470ceb4d0440f198b56974xxxxxxxx", task_id="", asynchronous="false")
expected = example("refresh-200.json")
same_fields("refresh", expected["result"], refreshed.to_dict()["result"])
for wire, value in expected["result"].items():
    name = names.get(wire)
    if name is None:
        failures.append(f"refresh: field {wire} has no name in python.yaml")
    elif getattr(refreshed.result, name, None) != value:
        failures.append(f"refresh: result.{name} ({wire}) is {getattr(refreshed.result, name, '<missing>')!r},"
                        f" expected {value!r}")
check(getattr(refreshed.result, "major_issue_count", None) == 4, "refresh: result.major_issue_count (CRITICAL) must be 4")
check(getattr(refreshed.result, "severity_critical_count", None) == 0, "refresh: result.severity_critical_count (critical) must be 0")
check(len(type(refreshed.result).model_fields) == 28,
      f"refresh: JobReportInfo has {len(type(refreshed.result).model_fields)} attributes, not 28")

cron = api.show_portal_service_task_cron(task_id="fxxxx7ba3ae14a87a32b151bcbe20801", operator="creator")
same_fields("taskcron", example("taskcron-200.json")["result"], cron.to_dict()["result"])
check(cron.result.detail_time == "15:00", "taskcron: result.detail_time must be 15:00")

stopped = api.stop_task_by_id_v2(task_id="2b31ed520xxxxxxebedb6e57xxxxxxxx")
check(stopped is None, f"stop: expected None (the body is null), got {stopped!r}")

deleted = api.delete_task_v3(task_id="897acf5exxx48a5013cd")
same_fields("delete", example("delete-200.json"), deleted.to_dict())
check(deleted.result is True, "delete: result must be True")
try:
    api.delete_task_v3(task_id="897acf5exxx48a5013cd")
    failures.append("delete twice: expected a 400")
except ApiException as e:
    check(e.status == 400 and "error_code" in (e.body or ""), f"delete twice: expected 400 with error_code, got {e.status} {e.body!r}")

for failure in failures:
    print(f"python: FAILED: {failure}")
if failures:
    sys.exit(1)
print("python: 5 operations, 28 report fields under their python.yaml names, badge as text: OK")
