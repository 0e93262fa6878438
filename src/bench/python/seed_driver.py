"""The seed project's workload driver, reproduced for the benchmark: the same behaviour, written anew.

As the seed's app/run_workload.py does, each worker thread opens a new psycopg2 connection for every order,
calls place_order(customer 1..N, product 1..N, quantity 1..3), commits and closes. Runs for a fixed time
so it can be compared with pgbench and SnowPulse over the same interval, or, with a fifth argument, a fixed number
of orders per worker as the seed's own default (4 workers x 250 orders).
Usage: seed_driver.py WORKERS SECONDS MAX_CUSTOMERS MAX_PRODUCTS [ORDERS_PER_WORKER]
Prints one line: "<successes> <failures> <elapsed seconds>".
"""
import os
import random
import sys
import threading
import time

import psycopg2


def main():
    workers, seconds, max_customers, max_products = (int(a) for a in sys.argv[1:5])
    per_worker = int(sys.argv[5]) if len(sys.argv) > 5 else None
    dsn = os.environ.get("SEED_DSN", "")
    deadline = time.monotonic() + seconds
    totals = [0, 0]
    lock = threading.Lock()

    def worker():
        ok = failed = 0
        while (ok + failed < per_worker) if per_worker is not None else (time.monotonic() < deadline):
            conn = psycopg2.connect(dsn)
            try:
                with conn.cursor() as cur:
                    cur.execute("SELECT place_order(%s, %s, %s);",
                                (random.randint(1, max_customers), random.randint(1, max_products), random.randint(1, 3)))
                    cur.fetchone()
                    conn.commit()
                    ok += 1
            except psycopg2.Error:
                conn.rollback()
                failed += 1
            finally:
                conn.close()
        with lock:
            totals[0] += ok
            totals[1] += failed

    start = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(workers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(totals[0], totals[1], round(time.monotonic() - start, 3))


if __name__ == "__main__":
    main()
