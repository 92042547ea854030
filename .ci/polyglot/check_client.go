// Calls the five operations through the Go client generated with go.yaml and checks the docs'
// values. Usage: go run . BASE_URL EXAMPLES_DIR NAMES_JSON (the generated module is replaced
// by its local folder in go.mod). Prints one line per failure, naming the field; exits 1 on any.
package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"strings"

	codeartscheck "github.com/codeartscheck/codearts-check-go"
)

var failures []string

func check(ok bool, format string, args ...interface{}) {
	if !ok {
		failures = append(failures, fmt.Sprintf(format, args...))
	}
}

func readJSON(path string, into interface{}) {
	data, err := os.ReadFile(path)
	if err == nil {
		err = json.Unmarshal(data, into)
	}
	if err != nil {
		fmt.Println("go: FAILED:", err)
		os.Exit(1)
	}
}

// sameFields: every field of the docs' example, under its wire name, after the client's round trip.
func sameFields(label string, expected map[string]interface{}, value interface{}) {
	data, err := json.Marshal(value)
	check(err == nil, "%s: %v", label, err)
	actual := map[string]interface{}{}
	_ = json.Unmarshal(data, &actual)
	for wire, want := range expected {
		got, ok := actual[wire]
		if !ok {
			failures = append(failures, fmt.Sprintf("%s: lost field %s (expected %v)", label, wire, want))
		} else if !reflect.DeepEqual(got, want) {
			failures = append(failures, fmt.Sprintf("%s: field %s is %v, expected %v", label, wire, got, want))
		}
	}
}

func must(err error, what string) {
	if err != nil {
		fmt.Printf("go: FAILED: %s: %v\n", what, err)
		os.Exit(1)
	}
}

func main() {
	baseURL, examples, namesFile := os.Args[1], os.Args[2], os.Args[3]
	var names map[string]string
	readJSON(namesFile, &names)
	configuration := codeartscheck.NewConfiguration()
	configuration.Servers = codeartscheck.ServerConfigurations{{URL: strings.TrimRight(baseURL, "/")}}
	api := codeartscheck.NewAPIClient(configuration).TaskManagementAPI
	ctx := context.WithValue(context.Background(), codeartscheck.ContextAPIKeys,
		map[string]codeartscheck.APIKey{"AuthToken": {Key: "polyglot-token"}})

	svg, _, err := api.ShowCodeHealthSvg(ctx, "aexxxx86").JobId("e5470ceb4d0440f198b56974xxxxxxxx").Execute()
	must(err, "badge")
	check(strings.HasPrefix(svg, "<svg") && strings.Contains(svg, "code health"), "badge: expected the SVG text, got %.80s", svg)

	refreshed, _, err := api.RefreshPortalServiceJobResult(ctx, "e5470ceb4d0440f198b56974xxxxxxxx").
		TaskId("").Async("false").Execute()
	must(err, "refresh")
	var expected map[string]interface{}
	readJSON(examples+"/refresh-200.json", &expected)
	report := refreshed.GetResult()
	sameFields("refresh", expected["result"].(map[string]interface{}), report)
	fields := reflect.ValueOf(report)
	for wire, want := range expected["result"].(map[string]interface{}) {
		name, ok := names[wire]
		if !ok {
			failures = append(failures, fmt.Sprintf("refresh: field %s has no name in go.yaml", wire))
			continue
		}
		field := fields.FieldByName(name)
		var got interface{}
		if field.IsValid() {
			data, _ := json.Marshal(field.Interface())
			_ = json.Unmarshal(data, &got)
		}
		check(reflect.DeepEqual(got, want), "refresh: Result.%s (%s) is %v, expected %v", name, wire, got, want)
	}
	check(report.MajorIssueCount == 4, "refresh: Result.MajorIssueCount (CRITICAL) must be 4")
	check(report.SeverityCriticalCount == 0, "refresh: Result.SeverityCriticalCount (critical) must be 0")
	check(fields.NumField() == 28, "refresh: JobReportInfo has %d fields, not 28", fields.NumField())

	cron, _, err := api.ShowPortalServiceTaskCron(ctx, "fxxxx7ba3ae14a87a32b151bcbe20801").Operator("creator").Execute()
	must(err, "taskcron")
	var expectedCron map[string]interface{}
	readJSON(examples+"/taskcron-200.json", &expectedCron)
	sameFields("taskcron", expectedCron["result"].(map[string]interface{}), cron.Result)
	check(cron.Result.DetailTime == "15:00", "taskcron: Result.DetailTime must be 15:00")

	stopped, response, err := api.StopTaskByIdV2(ctx, "2b31ed520xxxxxxebedb6e57xxxxxxxx").Execute()
	must(err, "stop")
	check(stopped == nil && response.StatusCode == 200, "stop: expected 200 null, got %d %v", response.StatusCode, stopped)

	deleted, _, err := api.DeleteTaskV3(ctx, "897acf5exxx48a5013cd").Execute()
	must(err, "delete")
	var expectedDelete map[string]interface{}
	readJSON(examples+"/delete-200.json", &expectedDelete)
	sameFields("delete", expectedDelete, deleted)
	check(deleted.Result, "delete: Result must be true")
	_, response, err = api.DeleteTaskV3(ctx, "897acf5exxx48a5013cd").Execute()
	check(err != nil && response != nil && response.StatusCode == 400, "delete twice: expected a 400, got %v", err)

	for _, f := range failures {
		fmt.Println("go: FAILED:", f)
	}
	if len(failures) > 0 {
		os.Exit(1)
	}
	fmt.Println("go: 5 operations, 28 report fields under their go.yaml names, badge as text: OK")
}
