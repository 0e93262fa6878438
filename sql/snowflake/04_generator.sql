-- Part 4: the event generator, a Snowpark Python procedure.
-- It honours all four event counts, reads every knob from the reference tables, and writes one audit row
-- per run (failed runs too) with a snapshot and an MD5 checksum of every reference table.

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.GENERATE_RETAIL_DATA(
    CUSTOMER_EVENTS NUMBER DEFAULT 20,
    PURCHASE_EVENTS NUMBER DEFAULT 50,
    MARKETING_EVENTS NUMBER DEFAULT 0,
    SUPPLY_CHAIN_EVENTS NUMBER DEFAULT 0)
RETURNS VARCHAR
LANGUAGE PYTHON
RUNTIME_VERSION = '3.11'
PACKAGES = ('snowflake-snowpark-python')
HANDLER = 'generate'
EXECUTE AS CALLER
AS
$$
import datetime
import json
import random
import time
import uuid

REF = "<% database %>.<% reference_schema %>"
RAW = "<% database %>.<% raw_schema %>.RAW_RETAIL_EVENTS"
# (table, key column) for every reference table the audit snapshots
REFERENCE_TABLES = [("CUSTOMER_SEGMENTS", "SEGMENT_NAME"), ("PRODUCT_CATEGORIES", "CATEGORY_NAME"),
                    ("MARKETING_CHANNELS", "CHANNEL_NAME"), ("WAREHOUSES", "WAREHOUSE_ID"),
                    ("GENERATION_PARAMETERS", "PARAMETER_NAME"), ("CUSTOMER_LIFECYCLE", "LIFECYCLE_STAGE")]


def rows(session, sql):
    return [r.as_dict() for r in session.sql(sql).collect()]


def snapshot(session):
    taken = {}
    for table, key in REFERENCE_TABLES:
        row = session.sql(
            f"select to_json(s) as snap, md5(to_json(s)) as checksum from ("
            f"select coalesce(array_agg(object_construct(*)) within group (order by {key}), array_construct()) as s "
            f"from {REF}.{table})").collect()[0]
        taken[table] = (row["SNAP"], row["CHECKSUM"])
    return taken


def weighted(rng, items, weight):
    total = sum(max(0.0, float(weight(i))) for i in items)
    pick = rng.uniform(0, total) if total > 0 else 0
    for item in items:
        pick -= max(0.0, float(weight(item)))
        if pick <= 0:
            return item
    return items[-1]


def customer_profile(customer_id, segments, lifecycle):
    # the same customer always gets the same attributes: seed the generator with the id
    rng = random.Random(customer_id)
    segment = weighted(rng, segments, lambda s: s["WEIGHT"])
    stage = weighted(rng, lifecycle, lambda s: s["SHARE"]) if lifecycle else {"LIFECYCLE_STAGE": "core_loyal"}
    return {
        "customer_id": customer_id,
        "segment": segment["SEGMENT_NAME"],
        "lifecycle_stage": stage["LIFECYCLE_STAGE"],
        "age": rng.randint(18, 80),
        "income": rng.randint(20, 250) * 1000,
        "location": {"city": rng.choice(["Seattle", "Austin", "Boston", "Denver", "Miami", "Chicago"]),
                     "country": "US"},
        "behavior": {"purchase_frequency": float(segment["PURCHASE_FREQUENCY"]),
                     "avg_order_value": float(segment["AVG_ORDER_VALUE"]),
                     "email_open_rate": round(rng.uniform(0.05, 0.6), 3)},
        "preferences": {"newsletter": rng.random() < 0.5},
    }


def generate(session, customer_events, purchase_events, marketing_events, supply_chain_events):
    run_id = str(uuid.uuid4())
    started = time.time()
    counts = [int(customer_events or 0), int(purchase_events or 0), int(marketing_events or 0),
              int(supply_chain_events or 0)]
    generated = 0
    status, error = "SUCCESS", None
    taken = {}
    try:
        if min(counts) < 0:
            raise ValueError("event counts must not be negative")
        taken = snapshot(session)
        rng = random.Random()
        segments = rows(session, f"select * from {REF}.CUSTOMER_SEGMENTS")
        categories = rows(session, f"select * from {REF}.PRODUCT_CATEGORIES")
        channels = rows(session, f"select * from {REF}.MARKETING_CHANNELS")
        warehouses = rows(session, f"select * from {REF}.WAREHOUSES")
        lifecycle = rows(session, f"select * from {REF}.CUSTOMER_LIFECYCLE")
        params = {r["PARAMETER_NAME"]: json.loads(r["PARAMETER_VALUE"])
                  for r in rows(session, f"select * from {REF}.GENERATION_PARAMETERS")}
        if not segments or not categories:
            raise ValueError("CUSTOMER_SEGMENTS and PRODUCT_CATEGORIES need at least one row each")
        # customer numbers already given out, read off the raw events (ids are zero-padded, so text order works)
        last_id = session.sql(f"select max(RAW_DATA:customer_id::string) as LAST_ID from {RAW} "
                              f"where EVENT_TYPE = 'customer_profile'").collect()[0]["LAST_ID"]
        known = int(last_id[5:]) if last_id else 0
        now = datetime.datetime.utcnow()
        events = []

        def add(event_type, payload):
            events.append((str(uuid.uuid4()), event_type, now.strftime("%Y-%m-%d %H:%M:%S.%f"),
                           json.dumps(payload), run_id))

        new_ids = [f"CUST-{known + i + 1:07d}" for i in range(counts[0])]
        for customer_id in new_ids:
            add("customer_profile", customer_profile(customer_id, segments, lifecycle))
        pool = known + len(new_ids)
        repeat = float(params.get("repeat_customer_probability", 0.8))
        tax_rate = float(params.get("tax_rate", 0.08))
        max_discount = float(params.get("max_discount_rate", 0.3))
        free_over = float(params.get("free_shipping_threshold", 50))
        shipping_cost = float(params.get("shipping_cost", 7.99))
        max_items = int(params.get("max_items_per_order", 5))
        methods = params.get("payment_methods") or ["credit_card"]
        for _ in range(counts[1]):
            if pool > 0 and rng.random() < repeat:
                customer_id = f"CUST-{rng.randint(1, pool):07d}"
            else:
                pool += 1
                customer_id = f"CUST-{pool:07d}"
            profile = customer_profile(customer_id, segments, lifecycle)
            segment = next(s for s in segments if s["SEGMENT_NAME"] == profile["segment"])
            # a category in its seasonal peak is three times as likely
            category = weighted(rng, categories,
                                lambda c: 3.0 if now.month in json.loads(c["SEASONAL_PEAK_MONTHS"]) else 1.0)
            quantity = rng.randint(1, max(1, max_items))
            unit_price = round(max(1.0, rng.gauss(float(segment["AVG_ORDER_VALUE"]), 15.0)) / quantity, 2)
            subtotal = round(unit_price * quantity, 2)
            discount = round(subtotal * rng.uniform(0, max_discount), 2)
            tax = round((subtotal - discount) * tax_rate, 2)
            shipping = 0.0 if subtotal >= free_over else shipping_cost
            channel = weighted(rng, channels, lambda c: c["CONVERSION_RATE"]) if channels else None
            add("purchase", {
                "order_id": f"ORD-{uuid.uuid4().hex[:12].upper()}",
                "customer_id": customer_id,
                "customer_segment": profile["segment"],
                "product": {"category": category["CATEGORY_NAME"], "unit_price": unit_price, "quantity": quantity},
                "pricing": {"subtotal": subtotal, "discount": discount, "tax": tax, "shipping": shipping,
                            "final_total": round(subtotal - discount + tax + shipping, 2)},
                "channel": channel["CHANNEL_NAME"] if channel else None,
                "payment_method": rng.choice(methods),
                "fulfillment": {"warehouse_id": weighted(rng, warehouses, lambda w: w["CAPACITY"])["WAREHOUSE_ID"]
                                if warehouses else None},
                "margin_rate": float(category["MARGIN_RATE"]),
                "return_probability": float(category["RETURN_RATE"]),
            })
        for _ in range(counts[2]):
            channel = rng.choice(channels)
            add("marketing", {"channel": channel["CHANNEL_NAME"],
                              "impressions": rng.randint(100, 10000),
                              "clicks": rng.randint(0, 500),
                              "conversions": int(rng.random() < float(channel["CONVERSION_RATE"])),
                              "cost": float(channel["COST_PER_ACQUISITION"])})
        for _ in range(counts[3]):
            warehouse = weighted(rng, warehouses, lambda w: w["CAPACITY"])
            add("supply_chain", {"warehouse_id": warehouse["WAREHOUSE_ID"],
                                 "category": rng.choice(categories)["CATEGORY_NAME"],
                                 "units_received": rng.randint(10, 500),
                                 "utilization": round(rng.uniform(0.3, 0.95), 3)})
        if events:
            session.create_dataframe(events, schema=["EVENT_ID", "EVENT_TYPE", "TS", "PAYLOAD", "RUN_ID"]) \
                .create_or_replace_temp_view("SNOWPULSE_NEW_EVENTS")
            session.sql(f"insert into {RAW} (EVENT_ID, EVENT_TYPE, TIMESTAMP, RAW_DATA, RUN_ID) "
                        f"select EVENT_ID, EVENT_TYPE, to_timestamp_ntz(TS), parse_json(PAYLOAD), RUN_ID "
                        f"from SNOWPULSE_NEW_EVENTS").collect()
        generated = len(events)
    except Exception as failure:  # the audit row records every failure; the caller gets the message
        status, error = "FAILED", str(failure)[:4000]
    finally:
        if not taken:
            try:
                taken = snapshot(session)
            except Exception:
                taken = {}
        columns, values = [], []
        for table, _ in REFERENCE_TABLES:
            snap, checksum = taken.get(table, (None, None))
            columns += [f"{table}_SNAPSHOT", f"{table}_CHECKSUM"]
            values += [snap, checksum]
        placeholders = ", ".join("parse_json(?), ?" for _ in REFERENCE_TABLES)
        session.sql(
            f"insert into {REF}.DATA_GENERATION_AUDIT (RUN_ID, RUN_TIMESTAMP, CUSTOMER_EVENTS_REQUESTED, "
            f"PURCHASE_EVENTS_REQUESTED, MARKETING_EVENTS_REQUESTED, SUPPLY_CHAIN_EVENTS_REQUESTED, EVENTS_GENERATED, "
            f"EXECUTION_STATUS, ERROR_MESSAGE, EXECUTION_TIME_SECONDS, {', '.join(columns)}) "
            f"select ?, current_timestamp()::timestamp_ntz, ?, ?, ?, ?, ?, ?, ?, ?, {placeholders}",
            params=[run_id, *counts, generated, status, error, round(time.time() - started, 3), *values]).collect()
    if status != "SUCCESS":
        raise Exception(f"generation run {run_id} failed: {error}")
    return f"run {run_id}: {generated} events generated"
$$;
