"""The slowest SQL of each page, with PostgreSQL's plan for it (no load, no gunicorn).

Run against a database seeded by ``make bench`` (or ``bench/run.py --seed-only``):

    .venv/bin/python bench/explain.py [--only REGEX] [--min-ms 2] [--analyze]

For each page that ``bench/run.py`` measures it fetches the page twice with Django's test client
(the second time warm), captures its queries, and prints every query that took at least
``--min-ms`` with ``EXPLAIN (ANALYZE, BUFFERS)`` (or plain ``EXPLAIN`` without ``--analyze``).
This is how the plans in docs/performance.md were read.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "digital_services.settings")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", help="regular expression: pages to look at")
    parser.add_argument("--min-ms", type=float, default=2.0, help="show queries at least this slow")
    parser.add_argument("--analyze", action="store_true", help="EXPLAIN ANALYZE (runs the query)")
    parser.add_argument("--sql-chars", type=int, default=600, help="print this much of each query")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from bench.load import cookie_pairs
    from bench.run import pages, session_cookies

    cookies = session_cookies()
    for page in pages(journeys=not args.only or "journey" in args.only):
        if args.only and not re.search(args.only, page.name):
            continue
        cookie = cookies.get(page.who, page.who)
        client = Client()
        for name, value in cookie_pairs(cookie):
            client.cookies[name] = value
        client.get(page.path)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(page.path)
        total = sum(float(q["time"]) for q in ctx.captured_queries) * 1000
        print(
            f"\n=== {page.name}  {page.path}\n    HTTP {response.status_code}, "
            f"{len(ctx.captured_queries)} queries, {total:.1f} ms in SQL"
        )
        for query in sorted(ctx.captured_queries, key=lambda q: -float(q["time"])):
            ms = float(query["time"]) * 1000
            if ms < args.min_ms:
                break
            sql = query["sql"]
            if sql.startswith("DECLARE "):  # a server-side cursor (.iterator()) around a SELECT
                sql = sql.split(" FOR ", 1)[1]
            print(f"\n--- {ms:.1f} ms\n{sql[: args.sql_chars]}")
            if not sql.startswith("SELECT "):
                continue  # EXPLAIN ANALYZE would run a write; COMMIT has no plan
            explain = "EXPLAIN (ANALYZE, BUFFERS) " if args.analyze else "EXPLAIN "
            with connection.cursor() as cursor:
                cursor.execute(explain + sql.replace("%", "%%"))
                print("\n".join(row[0] for row in cursor.fetchall()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
