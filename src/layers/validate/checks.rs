//! The checks, on the interpreted properties: ids, dates, sources, precisions
//! and style, and assembling the feature when none failed.

use super::*;

/// Reads the properties sitmap interprets and assembles the feature, unless
/// an error was found, in which case only the problems are returned.
pub(super) fn finish<'a>(
    index: usize,
    geometry: Result<(Geometry<f64>, Rect<f64>), String>,
    properties: &Known,
    mut checked: Outcome<'a>,
) -> Outcome<'a> {
    let errors = &mut checked.errors;
    let warnings = &mut checked.warnings;
    let geometry = geometry.map_err(|e| errors.push(e)).ok();
    let extent = time_extent(properties, errors, warnings);
    let sources = sources(&properties.sources, errors, warnings);
    let (title, description, kind, actor) = (
        text(properties, TITLE, warnings),
        text(properties, DESCRIPTION, warnings),
        text(properties, KIND, warnings),
        text(properties, ACTOR, warnings),
    );
    let date_precision = date_precision(properties, warnings);
    let location_precision = location_precision(properties, warnings);
    let style = style(properties, warnings);
    if !checked.errors.is_empty() {
        checked.warnings.clear();
        return checked;
    }
    let (Some((geometry, bbox)), Some(extent)) = (geometry, extent) else {
        return checked;
    };
    checked.feature = Some(Feature {
        index_in_file: index,
        id: checked.id.as_deref().map(Box::from),
        title,
        description,
        kind,
        actor,
        extent,
        date_precision,
        location_precision,
        geometry,
        bbox,
        sources,
        style,
        kept_json: Box::default(),
        moved: Moved::default(),
    });
    checked
}

/// `properties.id`, else the Feature's own `id` (RFC 7946 allows both).
pub(super) fn feature_id<'p>(
    properties: &Known<'p>,
    member: Option<&RawValue>,
    warnings: &mut Vec<String>,
) -> Option<Cow<'p, str>> {
    if let Some(value) = properties.get(ID) {
        match value {
            Prop::Text(s) => return Some(s.clone()),
            Prop::Json(n) if n.is_number() => return Some(Cow::Owned(n.to_string())),
            Prop::Json(_) => warnings.push(format!(
                "`id` is {}, not text or a number; ignored",
                excerpt(&value.to_json())
            )),
        }
    }
    match serde_json::from_str::<Value>(member?.get()).ok()? {
        Value::String(s) => Some(Cow::Owned(s)),
        Value::Number(n) => Some(Cow::Owned(n.to_string())),
        _ => None,
    }
}

pub(super) fn time_extent(
    properties: &Known,
    errors: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Option<TimeExtent> {
    let mut field = |key: &str, k: usize| match properties.get(k) {
        None => Ok(None),
        Some(Prop::Text(s)) => Ok(Some(&**s)),
        Some(other) => {
            errors.push(format!(
                "`{key}` is {}, not a date (YYYY-MM-DD) or an RFC 3339 date-time",
                excerpt(&other.to_json())
            ));
            Err(())
        }
    };
    let (start, end) = (field("start", START), field("end", END));
    let (Ok(start), Ok(end)) = (start, end) else {
        return None;
    };
    match TimeExtent::parse(start, end) {
        Ok(TimeExtent::Timeless) => {
            warnings.push("no `start`: the feature is timeless and shown at every date".into());
            Some(TimeExtent::Timeless)
        }
        Ok(extent) => Some(extent),
        Err(e) => {
            errors.push(e.to_string());
            None
        }
    }
}

pub(super) fn sources(
    value: &SourcesIn,
    errors: &mut Vec<String>,
    warnings: &mut Vec<String>,
) -> Box<[Source]> {
    let items = match value {
        SourcesIn::Absent => &[][..],
        SourcesIn::Items(items) => items.as_slice(),
        SourcesIn::NotArray => {
            errors.push(
                "`sources` is not an array of {\"title\", \"url\", \"published\"} objects".into(),
            );
            return Box::default();
        }
    };
    if items.is_empty() {
        warnings.push("no sources: add a `sources` entry with the `url` of a report".into());
    }
    let mut sources = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let SourceItem::Entry {
            url,
            title,
            published,
        } = item
        else {
            errors.push(format!("sources[{i}] is not an object with a `url`"));
            continue;
        };
        let url = match url {
            None => {
                errors.push(format!("sources[{i}] has no `url`"));
                continue;
            }
            Some(Prop::Text(url)) => url,
            Some(other) => {
                errors.push(format!("sources[{i}].url is {}, not text", other.to_json()));
                continue;
            }
        };
        if !is_web_address(url) {
            errors.push(format!(
                "sources[{i}].url `{}` is not an http or https address",
                excerpt(url)
            ));
            continue;
        }
        let field = |value: &Option<Prop>| value.as_ref().and_then(Prop::as_str).map(Box::from);
        sources.push(Source {
            title: field(title),
            url: (**url).into(),
            published: field(published),
        });
    }
    sources.into_boxed_slice()
}

/// `http://` or `https://`, a host, and no spaces; anything else (`file:`,
/// `javascript:`, a bare domain) must not become a link in the app.
pub(super) fn is_web_address(url: &str) -> bool {
    // Per source of a million features: compare the scheme in place.
    let scheme_len = ["https://", "http://"].into_iter().find_map(|scheme| {
        let head = url.get(..scheme.len())?;
        head.eq_ignore_ascii_case(scheme).then_some(scheme.len())
    });
    let Some(rest) = scheme_len.and_then(|len| url.get(len..)) else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty() && !url.chars().any(char::is_whitespace)
}

/// A text property; numbers and booleans are shown as written.
pub(super) fn text(properties: &Known, k: usize, warnings: &mut Vec<String>) -> Option<Box<str>> {
    match properties.get(k)? {
        Prop::Text(s) => Some((**s).into()),
        Prop::Json(value) if value.is_number() || value.is_boolean() => {
            Some(value.to_string().into())
        }
        Prop::Json(_) => {
            let key = crate::layers::KNOWN_KEYS[k];
            warnings.push(format!("`{key}` is not text; ignored"));
            None
        }
    }
}

pub(super) fn date_precision(properties: &Known, warnings: &mut Vec<String>) -> DatePrecision {
    let Some(value) = properties.get(DATE_PRECISION) else {
        return DatePrecision::Day;
    };
    value
        .as_str()
        .and_then(DatePrecision::parse)
        .unwrap_or_else(|| {
            warnings.push(format!(
                "date_precision {} is not \"day\", \"month\" or \"approximate\"; taken as day",
                excerpt(&value.to_json())
            ));
            DatePrecision::Day
        })
}

/// `uncertainty_km` alone also marks the location approximate: a file that
/// gives an uncertainty plainly means it.
pub(super) fn location_precision(
    properties: &Known,
    warnings: &mut Vec<String>,
) -> LocationPrecision {
    let uncertainty_km = match properties.get(UNCERTAINTY_KM) {
        None => None,
        Some(value) => match value.as_f64().filter(|km| km.is_finite() && *km >= 0.0) {
            Some(km) => Some(km),
            None => {
                warnings.push(format!(
                    "uncertainty_km {} is not a distance in km; ignored",
                    excerpt(&value.to_json())
                ));
                None
            }
        },
    };
    let approximate = match properties.get(LOCATION_PRECISION) {
        None => uncertainty_km.is_some(),
        Some(Prop::Text(s)) if s == "exact" => false,
        Some(Prop::Text(s)) if s == "approximate" => true,
        Some(other) => {
            warnings.push(format!(
                "location_precision {} is not \"exact\" or \"approximate\"; taken as exact",
                excerpt(&other.to_json())
            ));
            false
        }
    };
    if !approximate {
        return LocationPrecision::Exact;
    }
    if uncertainty_km.is_none() {
        warnings.push(
            "location_precision is approximate but `uncertainty_km` is missing; add the radius in km"
                .into(),
        );
    }
    LocationPrecision::Approximate { uncertainty_km }
}

/// simplestyle overrides; an unreadable value falls back to the layer default.
pub(super) fn style(properties: &Known, warnings: &mut Vec<String>) -> Option<Box<Style>> {
    let mut colour = |k: usize| {
        let value = properties.get(k)?;
        let parsed = value.as_str().and_then(Rgb::parse);
        if parsed.is_none() {
            warnings.push(format!(
                "{} {} is not a #rrggbb colour; ignored",
                crate::layers::KNOWN_KEYS[k],
                excerpt(&value.to_json())
            ));
        }
        parsed
    };
    let (marker_color, stroke, fill) = (colour(MARKER_COLOR), colour(STROKE), colour(FILL));
    let mut number = |k: usize, max: f64| {
        let value = properties.get(k)?;
        let parsed = value.as_f64().filter(|n| (0.0..=max).contains(n));
        if parsed.is_none() {
            warnings.push(format!(
                "{} {} is not a number from 0 to {max}; ignored",
                crate::layers::KNOWN_KEYS[k],
                excerpt(&value.to_json())
            ));
        }
        parsed.map(|n| n as f32)
    };
    let (stroke_width, fill_opacity) = (number(STROKE_WIDTH, 100.0), number(FILL_OPACITY, 1.0));
    let marker_symbol = properties
        .get(MARKER_SYMBOL)
        .and_then(Prop::as_str)
        .map(Box::from);
    let style = Style {
        marker_color,
        marker_symbol,
        stroke,
        stroke_width,
        fill,
        fill_opacity,
    };
    (!style.is_empty()).then(|| Box::new(style))
}

/// Which known properties a loaded feature holds exactly in its typed fields,
/// so they need not be kept as text: each is written back by
/// [`Feature::properties`] exactly as the file had it.
pub(super) fn moved(feature: &Feature, known: &Known, plain_sources: bool) -> Moved {
    let mut moved = 0;
    for k in [ID, TITLE, DESCRIPTION, KIND, ACTOR] {
        if let Some(Prop::Text(_)) = known.get(k) {
            moved |= KEY_BITS[k];
        }
    }
    let word = |k: usize| known.get(k).and_then(Prop::as_str);
    if word(DATE_PRECISION).is_some_and(|w| DatePrecision::parse(w).is_some()) {
        moved |= Moved::DATE_PRECISION;
    }
    if word(LOCATION_PRECISION).is_some_and(|w| w == "exact" || w == "approximate") {
        moved |= Moved::LOCATION_PRECISION;
    }
    if let Some((first, last)) = feature.extent.range_secs() {
        match word(START).map(|text| time::writes_back_exactly(text, first)) {
            Some(Some(false)) => moved |= Moved::START,
            Some(Some(true)) => moved |= Moved::START | Moved::START_MOMENT,
            _ => {}
        }
        match (word(END), last) {
            (Some(ONGOING), None) => moved |= Moved::END,
            (Some(text), Some(last)) => match time::writes_back_exactly(text, last) {
                Some(false) => moved |= Moved::END,
                Some(true) => moved |= Moved::END | Moved::END_MOMENT,
                None => {}
            },
            _ => {}
        }
    }
    if plain_sources {
        moved |= Moved::SOURCES;
    }
    Moved(moved)
}

/// The start of a long value, for messages that must stay one line.
pub(in crate::layers) fn excerpt(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(60) {
        None => text.to_owned(),
        Some((cut, _)) => format!("{}…", &text[..cut]),
    }
}
