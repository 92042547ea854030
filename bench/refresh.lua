-- wrk script: PUT refresh with async=false, so every response carries the full documented report.
wrk.method = "PUT"
wrk.path = "/v1/jobs/e5470ceb4d0440f198b56974xxxxxxxx/result/refresh?task_id=&async=false"
wrk.headers["X-Auth-Token"] = "bench"
