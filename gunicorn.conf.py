"""gunicorn settings. On 2 cores, 2 sync workers were the best all-round setting
(shared PERFORMANCE.md); override with GUNICORN_WORKERS on bigger machines."""

import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", "2"))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
# Import Django once in the master and fork the workers from it (a restarted worker is ready at
# once), and recycle a worker only rarely: with max_requests = 2000 and no preload, each worker
# re-imported Django every couple of seconds under load and p95 rose from ~15 ms to over 1 s
# (docs/performance.md). The recycling that remains is a guard against slow leaks.
# GUNICORN_PRELOAD=false and GUNICORN_MAX_REQUESTS=2000 bring back the old behaviour, which
# `make bench` measures next to this one (bench/results.json, "gunicorn_change").
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() not in ("false", "0", "no")
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "100000"))
max_requests_jitter = max_requests // 10
accesslog = "-"
errorlog = "-"
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")


def pre_fork(server, worker):
    """Nothing should query while the app is preloaded, but if anything did, a database
    connection opened in the master must not be shared by the forked workers."""
    from django.db import connections

    connections.close_all()
