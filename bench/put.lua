-- wrk script: the request's method is PUT (refresh); the path and query come from the URL given to wrk.
wrk.method = "PUT"
