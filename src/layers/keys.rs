//! The property keys sitmap interprets: one table for the name of each, its
//! slot when the loader reads it, and the [`Moved`](super::model) bit that
//! says a feature holds it only in its typed field. A new property is one
//! variant here plus its check, instead of five parallel lists that had to
//! agree. A leaf: it depends on nothing else in `layers`.

/// One interpreted property key. The discriminant is its slot in the
/// loader's table of read values (see [`Key::index`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    Id,
    Title,
    Description,
    Kind,
    Actor,
    Start,
    End,
    DatePrecision,
    LocationPrecision,
    UncertaintyKm,
    Sources,
    MarkerColor,
    MarkerSymbol,
    Stroke,
    StrokeWidth,
    Fill,
    FillOpacity,
    /// A range ring's radius: a Point drawn with a geodesic circle round it.
    RadiusKm,
    /// The unit a range ring is labelled in (`"nm"`; km otherwise).
    RadiusUnit,
}

impl Key {
    /// How many keys there are.
    pub const COUNT: usize = 19;

    /// Every key, in slot order.
    pub const ALL: [Key; Key::COUNT] = [
        Key::Id,
        Key::Title,
        Key::Description,
        Key::Kind,
        Key::Actor,
        Key::Start,
        Key::End,
        Key::DatePrecision,
        Key::LocationPrecision,
        Key::UncertaintyKm,
        Key::Sources,
        Key::MarkerColor,
        Key::MarkerSymbol,
        Key::Stroke,
        Key::StrokeWidth,
        Key::Fill,
        Key::FillOpacity,
        Key::RadiusKm,
        Key::RadiusUnit,
    ];

    /// The key as written in a feature's `properties`.
    pub const fn name(self) -> &'static str {
        match self {
            Key::Id => "id",
            Key::Title => "title",
            Key::Description => "description",
            Key::Kind => "kind",
            Key::Actor => "actor",
            Key::Start => "start",
            Key::End => "end",
            Key::DatePrecision => "date_precision",
            Key::LocationPrecision => "location_precision",
            Key::UncertaintyKm => "uncertainty_km",
            Key::Sources => "sources",
            Key::MarkerColor => "marker-color",
            Key::MarkerSymbol => "marker-symbol",
            Key::Stroke => "stroke",
            Key::StrokeWidth => "stroke-width",
            Key::Fill => "fill",
            Key::FillOpacity => "fill-opacity",
            Key::RadiusKm => "radius_km",
            Key::RadiusUnit => "radius_unit",
        }
    }

    /// The key named `name`, or `None` for a property sitmap does not
    /// interpret. A `match` on the text: the loader asks this of every
    /// property of every feature.
    pub fn from_name(name: &str) -> Option<Key> {
        Some(match name {
            "id" => Key::Id,
            "title" => Key::Title,
            "description" => Key::Description,
            "kind" => Key::Kind,
            "actor" => Key::Actor,
            "start" => Key::Start,
            "end" => Key::End,
            "date_precision" => Key::DatePrecision,
            "location_precision" => Key::LocationPrecision,
            "uncertainty_km" => Key::UncertaintyKm,
            "sources" => Key::Sources,
            "marker-color" => Key::MarkerColor,
            "marker-symbol" => Key::MarkerSymbol,
            "stroke" => Key::Stroke,
            "stroke-width" => Key::StrokeWidth,
            "fill" => Key::Fill,
            "fill-opacity" => Key::FillOpacity,
            "radius_km" => Key::RadiusKm,
            "radius_unit" => Key::RadiusUnit,
            _ => return None,
        })
    }

    /// The key's slot, `0..COUNT`.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// The bit in a feature's `Moved` set that says the property was left
    /// out of its kept text and is written back from the typed field; `0`
    /// for keys always kept as text (the style keys, `uncertainty_km`,
    /// `radius_km`).
    /// Bits 7 and 9 are taken by `Moved::START_MOMENT` and `END_MOMENT`.
    pub const fn moved_bit(self) -> u16 {
        match self {
            Key::Id => 1,
            Key::Title => 1 << 1,
            Key::Description => 1 << 2,
            Key::Kind => 1 << 3,
            Key::Actor => 1 << 4,
            Key::Sources => 1 << 5,
            Key::Start => 1 << 6,
            Key::End => 1 << 8,
            Key::DatePrecision => 1 << 10,
            Key::LocationPrecision => 1 << 11,
            Key::UncertaintyKm
            | Key::MarkerColor
            | Key::MarkerSymbol
            | Key::Stroke
            | Key::StrokeWidth
            | Key::Fill
            | Key::FillOpacity
            | Key::RadiusKm
            | Key::RadiusUnit => 0,
        }
    }
}

/// Every key's name, in slot order; derived from [`Key`] for callers that
/// want the list of names.
pub const KNOWN_KEYS: &[&str] = &names();

const fn names() -> [&'static str; Key::COUNT] {
    let mut out = [""; Key::COUNT];
    let mut i = 0;
    while i < Key::COUNT {
        out[i] = Key::ALL[i].name();
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_by_its_name_in_its_own_slot() {
        for (slot, key) in Key::ALL.into_iter().enumerate() {
            assert_eq!(key.index(), slot);
            assert_eq!(Key::from_name(key.name()), Some(key));
            assert_eq!(KNOWN_KEYS[slot], key.name());
        }
        assert_eq!(Key::from_name("killed"), None);
    }

    #[test]
    fn moved_bits_are_distinct_and_leave_the_moment_bits_free() {
        let mut seen = (1u16 << 7) | (1 << 9);
        for key in Key::ALL {
            let bit = key.moved_bit();
            assert_eq!(seen & bit, 0, "{key:?}");
            assert!(bit == 0 || bit.is_power_of_two(), "{key:?}");
            seen |= bit;
        }
    }
}
