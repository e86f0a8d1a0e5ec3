#!/usr/bin/env python3
"""The dated test dataset the OGC API - Features tests serve (scripts/ogc-serve).

Writes, from a fixed seed, N points over the Americas dated between
1 August and 30 November 2025 (`start`, RFC 3339 UTC), as
  DIR/events.geojson   the FeatureCollection the Rust tests read to compute
                       what a bbox + datetime query must return, and
  DIR/events.tinydb    the same features in pygeoapi's TinyDB provider's
                       format, whose `time_field` makes `datetime` filter on
                       the server.
Python's own `random` with a seed: the same file on every machine.
"""
import json
import random
import sys
from datetime import datetime, timedelta, timezone

out = sys.argv[1]
count = int(sys.argv[2]) if len(sys.argv) > 2 else 3000
rng = random.Random(16)
start = datetime(2025, 8, 1, tzinfo=timezone.utc)
span = int((datetime(2025, 12, 1, tzinfo=timezone.utc) - start).total_seconds())
kinds = ["strike", "ship", "statement", "troops"]
features = []
for i in range(count):
    lon = round(rng.uniform(-125.0, -35.0), 4)
    lat = round(rng.uniform(-50.0, 50.0), 4)
    when = start + timedelta(seconds=rng.randrange(span))
    features.append({
        "type": "Feature",
        "id": f"e{i:05}",
        "geometry": {"type": "Point", "coordinates": [lon, lat]},
        "properties": {
            "id": f"e{i:05}",
            "title": f"Event {i}",
            "kind": kinds[i % len(kinds)],
            "start": when.strftime("%Y-%m-%dT%H:%M:%SZ"),
        },
    })
with open(f"{out}/events.geojson", "w") as f:
    json.dump({"type": "FeatureCollection", "features": features}, f)
with open(f"{out}/events.tinydb", "w") as f:
    json.dump({"_default": {str(i + 1): feat for i, feat in enumerate(features)}}, f)
