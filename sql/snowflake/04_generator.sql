-- Part 4: the event generator, a Snowpark Python procedure, and the seed's procedures that call it.
-- SNOWPULSE_GENERATE_EVENTS does the work for both of the seed's entry points, GENERATE_RETAIL_DATA (events now)
-- and GENERATE_HISTORICAL_DATA (events spread over past days). It reads every knob from the reference tables,
-- keeps the same customer's attributes the same on every run, writes the seed's event shapes, and writes one audit
-- row per run, failed runs too, with a snapshot and an MD5 checksum of every reference table. Fixed from the seed:
-- the marketing and supply-chain counts are generated (the seed only recorded them), a failed run fails the call
-- (the seed returned a message and its task still succeeded), and every time it stamps is UTC. Like the seed's, the
-- procedures run with their owner's rights, in their own schema, where their temporary views go.

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.SNOWPULSE_GENERATE_EVENTS(
    MODE STRING,
    CUSTOMER_EVENTS INTEGER,
    PURCHASE_EVENTS INTEGER,
    MARKETING_EVENTS INTEGER,
    SUPPLY_CHAIN_EVENTS INTEGER,
    START_DATE DATE,
    END_DATE DATE,
    EVENTS_PER_DAY INTEGER)
RETURNS STRING
LANGUAGE PYTHON
RUNTIME_VERSION = '3.11'
PACKAGES = ('snowflake-snowpark-python')
HANDLER = 'run'
AS
$$
import calendar
import datetime
import json
import random
import time
import uuid

REF = "<% database %>.<% reference_schema %>"
CONTROL = "<% database %>.<% control_schema %>"
RAW = "<% database %>.<% raw_schema %>.RAW_RETAIL_EVENTS"
# (table, key) of every reference table the audit keeps a snapshot and a checksum of
AUDITED = [("CUSTOMER_SEGMENTS", "SEGMENT_NAME"), ("PRODUCT_CATEGORIES", "CATEGORY_NAME"),
           ("MARKETING_CHANNELS", "CHANNEL_NAME"), ("WAREHOUSES", "WAREHOUSE_ID"),
           ("GENERATION_PARAMETERS", "PARAMETER_NAME"), ("CUSTOMER_LIFECYCLE", "CUSTOMER_TYPE")]
PLACES = [("CA", "Los Angeles", "900"), ("NY", "New York", "100"), ("TX", "Houston", "770"), ("IL", "Chicago", "606"),
          ("WA", "Seattle", "981"), ("FL", "Miami", "331"), ("MA", "Boston", "021"), ("CO", "Denver", "802")]
DISCOUNT_CHANCE = {"premium": 0.1, "regular": 0.25, "occasional": 0.4}


def utc_now():
    return datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)


def rows(session, sql):
    return [r.as_dict() for r in session.sql(sql).collect()]


def snapshot(session):
    taken = {}
    for table, key in AUDITED:
        row = session.sql(
            f"select to_json(s) as snap, md5(to_json(s)) as checksum from ("
            f"select coalesce(array_agg(object_construct(*)) within group (order by {key}), array_construct()) as s "
            f"from {REF}.{table} where {key} is not null)").collect()[0]
        taken[table] = (row["SNAP"], row["CHECKSUM"])
    return taken


def value(raw):
    # TO_VARIANT('0.8') comes back as the JSON text "\"0.8\"", PARSE_JSON('[..]') as the array's text
    loaded = json.loads(raw) if isinstance(raw, str) else raw
    if isinstance(loaded, str):
        try:
            return json.loads(loaded)
        except ValueError:
            return loaded
    return loaded


def weighted(rng, items, weight):
    total = sum(max(0.0, float(weight(i) or 0)) for i in items)
    pick = rng.uniform(0, total) if total > 0 else 0
    for item in items:
        pick -= max(0.0, float(weight(item) or 0))
        if pick <= 0:
            return item
    return items[-1]


class Generator:
    def __init__(self, session, rng, now):
        self.rng = rng
        self.now = now
        self.segments = rows(session, f"select * from {REF}.CUSTOMER_SEGMENTS where SEGMENT_NAME is not null")
        self.categories = rows(session, f"select * from {REF}.PRODUCT_CATEGORIES where CATEGORY_NAME is not null")
        self.channels = rows(session, f"select * from {REF}.MARKETING_CHANNELS where CHANNEL_NAME is not null")
        self.warehouses = rows(session, f"select * from {REF}.WAREHOUSES where WAREHOUSE_ID is not null")
        self.params = {r["PARAMETER_NAME"]: value(r["PARAMETER_VALUE"])
                       for r in rows(session, f"select * from {REF}.GENERATION_PARAMETERS where PARAMETER_NAME is not null")}
        if not self.segments or not self.categories:
            raise ValueError("CUSTOMER_SEGMENTS and PRODUCT_CATEGORIES need at least one row each")
        lifecycle = rows(session, f"select * from {REF}.CUSTOMER_LIFECYCLE "
                                  f"where CUSTOMER_TYPE is not null and coalesce(IS_ACTIVE, true)")
        status = rows(session, f"select CUSTOMER_ID, CUSTOMER_TYPE, IS_ACTIVE_IN_GENERATOR "
                               f"from {REF}.GENERATOR_CUSTOMER_STATUS")
        churned = {s["CUSTOMER_ID"] for s in status if not s["IS_ACTIVE_IN_GENERATOR"]}
        self.types = {}
        for row in lifecycle:
            low, high = int(row["MIN_CUSTOMER_ID_EPOCH"]), int(row["MAX_CUSTOMER_ID_EPOCH"])
            count = max(0, int(row["CUSTOMER_COUNT"] or 0))
            step = max(1, (high - low) // max(1, count))
            for i in range(count):
                self.types[f"CUST_{low + i * step}"] = (row["CUSTOMER_TYPE"], float(row["CHURN_PROBABILITY"] or 0))
        if "customer_pool_size" in self.params or not lifecycle:
            # the seed's first version kept a plain pool of customer_pool_size customers: they keep buying
            for i in range(int(self.number("customer_pool_size", 5000))):
                self.types.setdefault(f"CUST_{i + 100000:06d}", ("CORE_LOYAL", 0.0))
        for s in status:
            if s["IS_ACTIVE_IN_GENERATOR"] and s["CUSTOMER_ID"] not in self.types:
                self.types[s["CUSTOMER_ID"]] = (s["CUSTOMER_TYPE"], float(self.number("sliding_customer_churn_rate", 0.03)))
        self.pool = [c for c in self.types if c not in churned]
        self.touched = {}
        self.churned = set()

    def number(self, name, default):
        try:
            return float(self.params.get(name, default))
        except (TypeError, ValueError):
            return float(default)

    def choice(self, name, default):
        options = self.params.get(name)
        return self.rng.choice(options if isinstance(options, list) and options else default)

    def profile(self, customer_id):
        # the same customer always gets the same attributes: seed a generator with the id
        rng = random.Random(customer_id)
        segment = weighted(rng, self.segments, lambda s: s["WEIGHT"])
        name = segment["SEGMENT_NAME"]
        state, city, zip_prefix = rng.choice(PLACES)
        return {
            "segment": segment,
            "age": int(min(90, max(18, rng.gauss(self.number("age_mean", 42), self.number("age_std", 15))))),
            "income": int(rng.lognormvariate(self.number(f"income_correlation_{name}", 11.0), 0.4)),
            "location": {"state": state, "city": city, "zip_code": f"{zip_prefix}{rng.randint(0, 99):02d}"},
            "primary_category": rng.choice(self.categories)["CATEGORY_NAME"],
            "communication_channel": rng.choice(self.params.get("communication_channels") or ["email"]),
            "price_sensitivity": round(rng.uniform(0.1, 0.5) if name == "premium" else rng.uniform(0.3, 0.9), 3),
        }

    def customer(self, repeat):
        if self.pool and self.rng.random() < repeat:
            return self.rng.choice(self.pool), True
        # as the seed names a customer who joins: CUST_<epoch>, counted up past the ids already taken
        number = calendar.timegm(self.now.timetuple())
        while f"CUST_{number}" in self.types:
            number += 1
        new_id = f"CUST_{number}"
        self.types[new_id] = ("SLIDING_WINDOW", self.number("sliding_customer_churn_rate", 0.03))
        self.pool.append(new_id)
        return new_id, False

    def touch(self, customer_id):
        self.touched[customer_id] = self.types.get(customer_id, ("SLIDING_WINDOW", 0.0))[0]

    def customer_event(self, event_id, at):
        customer_id, _ = self.customer(1.0 - self.number("new_customer_join_rate", 0.08))
        self.touch(customer_id)
        p = self.profile(customer_id)
        orders = self.rng.randint(1, 40)
        average = round(float(p["segment"]["AVG_ORDER_VALUE"]) * self.rng.uniform(0.8, 1.2), 2)
        kind, churn = self.types.get(customer_id, ("SLIDING_WINDOW", 0.05))
        return {"event_id": event_id, "customer_id": customer_id, "event_type": "customer_profile",
                "timestamp": at.isoformat(),
                "data": {"customer_segment": p["segment"]["SEGMENT_NAME"], "age": p["age"], "income": p["income"],
                         "location": p["location"],
                         "behavioral_metrics": {"days_since_last_purchase": self.rng.randint(0, 365),
                                                "total_orders": orders, "avg_order_value": average,
                                                "churn_probability": round(min(0.95, churn * 10 + self.rng.uniform(0, 0.3)), 3),
                                                "lifetime_value": round(orders * average, 2)},
                         "preferences": {"primary_category": p["primary_category"],
                                         "communication_channel": p["communication_channel"],
                                         "price_sensitivity": p["price_sensitivity"]}}}

    def purchase_event(self, event_id, order_id, at):
        customer_id, repeat = self.customer(self.number("repeat_customer_probability", 0.8))
        self.touch(customer_id)
        p = self.profile(customer_id)
        segment = p["segment"]
        if self.rng.random() < self.number("customer_preference_probability", 0.6):
            category = next(c for c in self.categories if c["CATEGORY_NAME"] == p["primary_category"])
        else:
            category = weighted(self.rng, self.categories,
                                lambda c: 2.0 if at.month in json.loads(c["SEASONAL_PEAK_MONTHS"]) else 1.0)
        peaks = json.loads(category["SEASONAL_PEAK_MONTHS"])
        season = (self.rng.uniform(1.15, 1.25) if at.month in peaks
                  else self.rng.uniform(1.05, 1.15) if (at.month - 2) % 12 + 1 in peaks else self.rng.uniform(0.95, 1.05))
        low, high = self.number("price_range_min", 10), self.number("price_range_max", 500)
        unit_price = round(min(high, max(low, float(segment["AVG_ORDER_VALUE"]) * self.rng.uniform(0.85, 1.15) * season)), 2)
        quantity = max(1, min(10, int(self.rng.expovariate(1 / (2 if segment["SEGMENT_NAME"] != "occasional" else 1))) + 1))
        subtotal = round(unit_price * quantity, 2)
        discount = 0.0
        if self.rng.random() < DISCOUNT_CHANCE.get(segment["SEGMENT_NAME"], 0.25) * 2 * p["price_sensitivity"]:
            discount = round(subtotal * self.rng.uniform(0.08, 0.12), 2)
        tax = round((subtotal - discount) * self.number("tax_rate", 0.08), 2)
        shipping = round(self.rng.uniform(0, self.number("shipping_cost_max", 15)), 2)
        name = category["CATEGORY_NAME"]
        warehouse = weighted(self.rng, self.warehouses, lambda w: w["CAPACITY"]) if self.warehouses else None
        return {"event_id": event_id, "customer_id": customer_id, "event_type": "purchase", "timestamp": at.isoformat(),
                "data": {"order_id": order_id,
                         "product_details": {"product_id": f"{name.upper()[:3]}_{self.rng.randint(1000, 9999)}",
                                             "product_name": f"{name.replace('_', ' ').title()} Product",
                                             "category": name, "subcategory": name.split("_")[0],
                                             "brand": self.rng.choice(["Brand A", "Brand B", "Brand C"]),
                                             "unit_price": unit_price, "quantity": quantity, "total_amount": subtotal},
                         "pricing": {"subtotal": subtotal, "discount_amount": discount, "tax_amount": tax,
                                     "shipping_cost": shipping,
                                     "final_total": round(subtotal - discount + tax + shipping, 2)},
                         "channel": {"platform": self.choice("platforms", ["web"]),
                                     "device_type": self.choice("device_types", ["desktop"]),
                                     "payment_method": self.choice("payment_methods", ["credit_card"])},
                         "fulfillment": {"warehouse_id": warehouse["WAREHOUSE_ID"] if warehouse else None,
                                         "shipping_method": self.choice("shipping_methods", ["standard"]),
                                         "estimated_delivery": (at + datetime.timedelta(days=self.rng.randint(1, 7))).isoformat()},
                         "ml_features": {"customer_segment": segment["SEGMENT_NAME"], "is_repeat_customer": repeat,
                                         "cart_abandonment_risk": round(self.rng.uniform(0, 1) * p["price_sensitivity"], 3),
                                         "return_probability": round(min(1.0, float(category["RETURN_RATE"]) * self.rng.uniform(0.5, 1.5)), 3),
                                         "upsell_potential": round(self.rng.uniform(0, 1), 3)}}}

    def marketing_event(self, event_id, at):
        channel = weighted(self.rng, self.channels, lambda c: c["ENGAGEMENT_RATE"])
        impressions = self.rng.randint(500, 20000)
        clicks = int(impressions * float(channel["ENGAGEMENT_RATE"]) * self.rng.uniform(0.05, 0.15))
        conversions = int(clicks * float(channel["CONVERSION_RATE"]))
        return {"event_id": event_id, "customer_id": None, "event_type": "marketing", "timestamp": at.isoformat(),
                "data": {"campaign_id": f"CMP_{self.rng.randint(1000, 9999)}", "channel": channel["CHANNEL_NAME"],
                         "impressions": impressions, "clicks": clicks, "conversions": conversions,
                         "cost": round(conversions * float(channel["COST_PER_ACQUISITION"]), 2)}}

    def supply_chain_event(self, event_id, at):
        warehouse = weighted(self.rng, self.warehouses, lambda w: w["CAPACITY"])
        return {"event_id": event_id, "customer_id": None, "event_type": "supply_chain", "timestamp": at.isoformat(),
                "data": {"warehouse_id": warehouse["WAREHOUSE_ID"],
                         "category": self.rng.choice(self.categories)["CATEGORY_NAME"],
                         "units_received": self.rng.randint(10, 500),
                         "utilization": round(self.rng.uniform(0.3, 0.95), 3)}}

    def churn(self):
        for customer_id, kind in self.touched.items():
            probability = self.types.get(customer_id, (kind, 0.0))[1]
            if kind == "SLIDING_WINDOW":
                probability = max(probability, self.number("sliding_customer_churn_rate", 0.03))
            if self.rng.random() < probability:
                self.churned.add(customer_id)


def ident(prefix):
    return f"{prefix}{uuid.uuid4().hex[:16].upper()}"


def realtime(gen, counts):
    now = gen.now
    events = []
    for _ in range(counts[0]):
        events.append(gen.customer_event(ident("CUST_EVT_"), now - datetime.timedelta(minutes=gen.rng.uniform(0, 1440))))
    for _ in range(counts[1]):
        at = now - datetime.timedelta(hours=gen.rng.uniform(0, 168))
        events.append(gen.purchase_event(ident("PURCH_EVT_"), ident("ORD_"), at))
    if gen.channels:
        for _ in range(counts[2]):
            events.append(gen.marketing_event(ident("MKT_EVT_"), now - datetime.timedelta(minutes=gen.rng.uniform(0, 60))))
    if gen.warehouses:
        for _ in range(counts[3]):
            events.append(gen.supply_chain_event(ident("SUP_EVT_"), now - datetime.timedelta(minutes=gen.rng.uniform(0, 60))))
    return events


def historical(gen, start, end, per_day):
    if start is None or end is None or end < start:
        raise ValueError("START_DATE must be on or before END_DATE")
    events = []
    day = start
    while day <= end:
        midnight = datetime.datetime.combine(day, datetime.time())
        for _ in range(per_day):
            at = midnight + datetime.timedelta(hours=gen.rng.uniform(8, 22))
            events.append(gen.purchase_event(ident("HIST_PURCH_"), ident("ORD_"), at))
            if gen.rng.random() < 0.1:
                events.append(gen.customer_event(ident("HIST_CUST_"), at))
        day += datetime.timedelta(days=1)
    return events


def write(session, events, run_id):
    batch = [(e["event_id"], e["event_type"], e["timestamp"], json.dumps(e), run_id) for e in events]
    session.create_dataframe(batch, schema=["EVENT_ID", "EVENT_TYPE", "TS", "EVENT", "RUN_ID"]) \
        .create_or_replace_temp_view(f"{CONTROL}.SNOWPULSE_NEW_EVENTS")
    session.sql(f"insert into {RAW} (EVENT_ID, EVENT_TYPE, TIMESTAMP, RAW_DATA, CREATED_AT, RUN_ID) "
                f"select EVENT_ID, EVENT_TYPE, to_timestamp_ntz(TS), parse_json(EVENT), sysdate(), RUN_ID "
                f"from {CONTROL}.SNOWPULSE_NEW_EVENTS").collect()


def record_customers(session, gen):
    if not gen.touched:
        return
    seen = [(c, kind, c in gen.churned) for c, kind in gen.touched.items()]
    session.create_dataframe(seen, schema=["CUSTOMER_ID", "CUSTOMER_TYPE", "CHURNED"]) \
        .create_or_replace_temp_view(f"{CONTROL}.SNOWPULSE_SEEN_CUSTOMERS")
    session.sql(f"merge into {REF}.GENERATOR_CUSTOMER_STATUS t using {CONTROL}.SNOWPULSE_SEEN_CUSTOMERS s "
                f"on t.CUSTOMER_ID = s.CUSTOMER_ID "
                f"when matched then update set IS_ACTIVE_IN_GENERATOR = not s.CHURNED, LAST_ACTIVITY_DATE = sysdate(), "
                f"CHURN_DATE = iff(s.CHURNED, sysdate(), null), UPDATED_AT = sysdate() "
                f"when not matched then insert (CUSTOMER_ID, CUSTOMER_TYPE, IS_ACTIVE_IN_GENERATOR, LAST_ACTIVITY_DATE, "
                f"CHURN_DATE, CREATED_AT, UPDATED_AT) values (s.CUSTOMER_ID, s.CUSTOMER_TYPE, not s.CHURNED, sysdate(), "
                f"iff(s.CHURNED, sysdate(), null), sysdate(), sysdate())").collect()


def run(session, mode, customer_events, purchase_events, marketing_events, supply_chain_events,
        start_date, end_date, events_per_day):
    run_id = str(uuid.uuid4())
    started = time.time()
    counts = [int(customer_events or 0), int(purchase_events or 0), int(marketing_events or 0),
              int(supply_chain_events or 0)]
    if mode == "historical":
        days = (end_date - start_date).days + 1 if start_date and end_date else 0
        counts = [0, max(0, days) * int(events_per_day or 0), 0, 0]
    generated = 0
    status, error = "SUCCESS", None
    taken = {}
    try:
        if min(counts) < 0 or int(events_per_day or 0) < 0:
            raise ValueError("event counts must not be negative")
        taken = snapshot(session)
        gen = Generator(session, random.Random(), utc_now())
        events = (historical(gen, start_date, end_date, int(events_per_day or 0)) if mode == "historical"
                  else realtime(gen, counts))
        gen.churn()
        if events:
            write(session, events, run_id)
        # the events are in: the audit row counts them even if recording the customers fails below
        generated = len(events)
        record_customers(session, gen)
        if generated == 0:
            status, error = "PARTIAL", "No events generated"
    except Exception as failure:  # the audit row records every failure; the caller gets it too
        status, error = "FAILED", str(failure)[:4000]
    finally:
        if not taken:
            try:
                taken = snapshot(session)
            except Exception:
                taken = {}
        columns, values = [], []
        for table, _ in AUDITED:
            snap, checksum = taken.get(table, (None, None))
            columns += [f"{table}_SNAPSHOT", f"{table}_CHECKSUM"]
            values += [snap, checksum]
        placeholders = ", ".join("parse_json(?), ?" for _ in AUDITED)
        session.sql(
            f"insert into {REF}.DATA_GENERATION_AUDIT (RUN_ID, RUN_TIMESTAMP, CUSTOMER_EVENTS_REQUESTED, "
            f"PURCHASE_EVENTS_REQUESTED, MARKETING_EVENTS_REQUESTED, SUPPLY_CHAIN_EVENTS_REQUESTED, EVENTS_GENERATED, "
            f"EXECUTION_STATUS, ERROR_MESSAGE, EXECUTION_TIME_SECONDS, {', '.join(columns)}, CREATED_AT) "
            f"select ?, sysdate(), ?, ?, ?, ?, ?, ?, ?, ?, {placeholders}, sysdate()",
            params=[run_id, *counts, generated, status, error, round(time.time() - started, 3), *values]).collect()
    if status == "FAILED":
        raise Exception(f"Generation failed: {error} (Run ID: {run_id})")
    if status == "PARTIAL":
        return f"Generation partial: {error} (Run ID: {run_id})"
    return f"Successfully generated {generated} events (Run ID: {run_id})"
$$;

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.GENERATE_RETAIL_DATA(
    CUSTOMER_EVENTS INTEGER DEFAULT 10,
    PURCHASE_EVENTS INTEGER DEFAULT 25,
    MARKETING_EVENTS INTEGER DEFAULT 8,
    SUPPLY_CHAIN_EVENTS INTEGER DEFAULT 5)
RETURNS STRING
LANGUAGE PYTHON
RUNTIME_VERSION = '3.11'
PACKAGES = ('snowflake-snowpark-python')
HANDLER = 'main'
COMMENT = 'Generates realistic retail streaming data with consistent customer behavior'
AS
$$
def main(session, customer_events, purchase_events, marketing_events, supply_chain_events):
    return session.call("<% database %>.<% control_schema %>.SNOWPULSE_GENERATE_EVENTS", "realtime",
                        customer_events, purchase_events, marketing_events, supply_chain_events, None, None, None)
$$;

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.GENERATE_HISTORICAL_DATA(
    START_DATE DATE DEFAULT DATEADD('year', -3, CURRENT_DATE()),
    END_DATE DATE DEFAULT CURRENT_DATE(),
    EVENTS_PER_DAY INTEGER DEFAULT 100)
RETURNS STRING
LANGUAGE PYTHON
RUNTIME_VERSION = '3.11'
PACKAGES = ('snowflake-snowpark-python')
HANDLER = 'main'
COMMENT = 'Generates 3 years of historical retail data with realistic patterns and customer evolution'
AS
$$
def main(session, start_date, end_date, events_per_day):
    return session.call("<% database %>.<% control_schema %>.SNOWPULSE_GENERATE_EVENTS", "historical",
                        0, 0, 0, 0, start_date, end_date, events_per_day)
$$;

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.GENERATE_HISTORICAL_DATA_RANGE(
    START_DATE_STR STRING,
    END_DATE_STR STRING,
    EVENTS_PER_DAY INTEGER DEFAULT 100)
RETURNS STRING
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
BEGIN
    CALL <% database %>.<% control_schema %>.GENERATE_HISTORICAL_DATA(
        TO_DATE(:START_DATE_STR, 'YYYY-MM-DD'), TO_DATE(:END_DATE_STR, 'YYYY-MM-DD'), :EVENTS_PER_DAY);
    RETURN CONCAT('Historical data generation initiated for ', START_DATE_STR, ' to ', END_DATE_STR);
END;
$$;

CREATE OR REPLACE PROCEDURE <% database %>.<% control_schema %>.GENERATE_SAMPLE_HISTORICAL_DATA()
RETURNS STRING
LANGUAGE SQL
EXECUTE AS CALLER
AS
$$
BEGIN
    CALL <% database %>.<% control_schema %>.GENERATE_HISTORICAL_DATA(DATEADD('day', -30, SYSDATE()::DATE), SYSDATE()::DATE, 50);
    RETURN 'Sample historical data generation (last 30 days) initiated';
END;
$$;
