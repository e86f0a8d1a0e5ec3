//! A server layer's round trip for one view on localhost: the `items`
//! request(s) with the view's `bbox` and the timeline's `datetime`, every
//! `next` page, and the loader's checks of what came, as the feed does it
//! for one view. Against the pygeoapi that `scripts/bench-ogc` starts
//! (`SITMAP_OGC_URL`); without it there is nothing to measure and the
//! bench says so. The server's own time (pygeoapi's TinyDB provider, in
//! Python) is most of it.

use criterion::{Criterion, criterion_group, criterion_main};
use sitmap::layers::{Day, TimeFilter, load_str};
use sitmap::ogc::{
    Caps, Client, ClientOptions, Endpoint, ItemsQuery, bbox_params, datetime_param, fetch_items,
};
use sitmap::view::LonLatBox;
use std::hint::black_box;

fn round_trip(c: &mut Criterion) {
    let Ok(url) = std::env::var("SITMAP_OGC_URL") else {
        eprintln!("benches/ogc: SITMAP_OGC_URL is not set; run scripts/bench-ogc");
        return;
    };
    let Ok((endpoint, _)) = Endpoint::parse(&url) else {
        eprintln!("benches/ogc: SITMAP_OGC_URL is not an address: {url}");
        return;
    };
    let Ok(client) = Client::new(ClientOptions::default()) else {
        return;
    };
    let items = endpoint.items_url("events");
    let day = Day::from_ymd(2025, 9, 30).unwrap_or(Day::EPOCH);
    let views = [
        // The Caribbean preset, a 30-day window: a few dozen features, one page.
        (
            "caribbean_window_30_days",
            LonLatBox::new(-88.0, 9.0, -59.0, 27.0),
            TimeFilter::window(day, 30),
        ),
        // The whole Americas as of the day: about half the 3,000, two pages of 1,000.
        (
            "americas_as_of",
            LonLatBox::new(-170.0, -56.0, -30.0, 72.0),
            TimeFilter::as_of(day),
        ),
    ];
    let mut group = c.benchmark_group("ogc_round_trip");
    group.sample_size(20);
    for (name, view, filter) in views {
        let query = ItemsQuery {
            boxes: bbox_params(view),
            datetime: datetime_param(Some(filter)),
        };
        if let Ok(Some(fetched)) = fetch_items(&client, &items, &query, &Caps::default(), &|| false)
        {
            eprintln!(
                "benches/ogc: {name}: {} features in {} pages",
                fetched.count, fetched.pages
            );
        }
        group.bench_function(name, |b| {
            b.iter(|| {
                let fetched = fetch_items(&client, &items, &query, &Caps::default(), &|| false);
                if let Ok(Some(fetched)) = fetched {
                    black_box(
                        load_str(&fetched.text, &items)
                            .layer
                            .map(|l| l.features().len()),
                    );
                }
            });
        });
    }
    group.finish();
}

criterion_group!(benches, round_trip);
criterion_main!(benches);
