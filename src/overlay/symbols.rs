//! Point symbols: one silhouette per family of `kind`, so a ship, a strike
//! and a base tell apart by shape alone — for colour-blind readers, greyscale
//! projectors and layers that share a colour.
//!
//! Each symbol is a few polygons (and interior strokes) in a unit box, kept
//! here once; `symbol_mesh` tessellates them for the legend and `sprites`
//! rasterizes them for the map, so both show the same shapes.

/// The shape family of a point feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Symbol {
    /// A hull with a superstructure: carrier groups, destroyers, submarines.
    Ship,
    /// A jet seen from above: aircraft, drones, fighters.
    Aircraft,
    /// A square with a notch in its top edge, like a fort: bases, airfields.
    Base,
    /// The military "infantry" box with an X: troops, personnel.
    Troops,
    /// An eight-pointed starburst: strikes of every kind.
    Strike,
    /// A diamond: designations, groups, cartels.
    Group,
    /// A speech bubble: statements, talks, decisions, threats.
    Statement,
    /// Anything else.
    Circle,
}

/// Words of a `kind` and the symbol they call for, in priority order: a
/// `boat_strike` is a strike, a `naval_base` a base, a `carrier_group` a ship.
const KIND_WORDS: &[(Symbol, &[&str])] = &[
    (
        Symbol::Strike,
        &[
            "strike",
            "strikes",
            "airstrike",
            "airstrikes",
            "attack",
            "bombing",
            "explosion",
            "raid",
            "shelling",
        ],
    ),
    (
        Symbol::Statement,
        &[
            "statement",
            "talks",
            "decision",
            "threat",
            "announcement",
            "speech",
            "meeting",
            "warning",
            "ultimatum",
            "negotiation",
            "negotiations",
            "sanctions",
        ],
    ),
    (
        Symbol::Base,
        &[
            "base",
            "bases",
            "airfield",
            "airbase",
            "staging",
            "airport",
            "facility",
            "installation",
            "port",
        ],
    ),
    (
        Symbol::Ship,
        &[
            "carrier",
            "destroyer",
            "ship",
            "ships",
            "submarine",
            "amphibious",
            "frigate",
            "cruiser",
            "vessel",
            "boat",
            "warship",
            "naval",
            "navy",
            "fleet",
            "corvette",
        ],
    ),
    (
        Symbol::Aircraft,
        &[
            "aircraft",
            "drone",
            "drones",
            "fighter",
            "fighters",
            "plane",
            "jet",
            "jets",
            "bomber",
            "bombers",
            "helicopter",
            "uav",
            "airplane",
        ],
    ),
    (
        Symbol::Troops,
        &[
            "troops",
            "troop",
            "personnel",
            "soldiers",
            "marines",
            "army",
            "infantry",
            "forces",
            "deployment",
        ],
    ),
    (
        Symbol::Group,
        &[
            "designation",
            "group",
            "cartel",
            "gang",
            "organization",
            "organisation",
            "faction",
        ],
    ),
];

impl Symbol {
    /// Every symbol, in legend order.
    pub const ALL: [Symbol; 8] = [
        Symbol::Ship,
        Symbol::Aircraft,
        Symbol::Base,
        Symbol::Troops,
        Symbol::Strike,
        Symbol::Group,
        Symbol::Statement,
        Symbol::Circle,
    ];

    /// The symbol for a feature's `kind`, read word by word (`_`, `-` and
    /// spaces separate words; case is ignored); unknown kinds are circles.
    pub fn for_kind(kind: &str) -> Symbol {
        let words = || {
            kind.split(|c: char| !c.is_ascii_alphanumeric())
                .filter(|w| !w.is_empty())
        };
        KIND_WORDS
            .iter()
            .find(|(_, list)| words().any(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w))))
            .map_or(Symbol::Circle, |(symbol, _)| *symbol)
    }

    /// The symbol a layer's `"symbol"` or a feature's `marker-symbol` names:
    /// one of [`Symbol::name`], or a kind word; `None` when unknown, so the
    /// caller falls back to the kind rather than to a circle.
    pub fn from_name(name: &str) -> Option<Symbol> {
        let name = name.trim();
        if let Some(symbol) = Self::ALL
            .into_iter()
            .find(|s| s.name().eq_ignore_ascii_case(name))
        {
            return Some(symbol);
        }
        if ["marker", "dot", "point"]
            .iter()
            .any(|n| n.eq_ignore_ascii_case(name))
        {
            return Some(Symbol::Circle);
        }
        Some(Self::for_kind(name)).filter(|s| *s != Symbol::Circle)
    }

    /// The name used in files and the legend.
    pub fn name(self) -> &'static str {
        match self {
            Symbol::Ship => "ship",
            Symbol::Aircraft => "aircraft",
            Symbol::Base => "base",
            Symbol::Troops => "troops",
            Symbol::Strike => "strike",
            Symbol::Group => "group",
            Symbol::Statement => "statement",
            Symbol::Circle => "circle",
        }
    }
}

/// One piece of a symbol, in a unit box (`-1..=1`, y down).
pub(super) enum Part {
    /// Filled and outlined; may be concave.
    Polygon(Vec<[f32; 2]>),
    /// An interior stroke in the outline colour.
    Line([f32; 2], [f32; 2]),
}

/// The parts of `symbol`; `pixels` is its size in physical pixels, which
/// sets how many sides a circle gets.
pub(super) fn parts(symbol: Symbol, pixels: f32) -> Vec<Part> {
    let polygon = |points: &[[f32; 2]]| Part::Polygon(points.to_vec());
    match symbol {
        Symbol::Ship => vec![polygon(&[
            [-1.0, 0.0],
            [-0.35, 0.0],
            [-0.35, -0.5],
            [0.3, -0.5],
            [0.3, 0.0],
            [1.0, 0.0],
            [0.62, 0.58],
            [-0.72, 0.58],
        ])],
        Symbol::Aircraft => {
            let right = [
                [0.2, -0.5],
                [0.2, -0.16],
                [1.0, 0.26],
                [1.0, 0.5],
                [0.2, 0.32],
                [0.16, 0.64],
                [0.5, 0.88],
                [0.5, 1.0],
            ];
            let mut points = vec![[0.0, -1.0]];
            points.extend(right);
            points.push([0.0, 0.92]);
            points.extend(right.iter().rev().map(|[x, y]| [-x, *y]));
            vec![Part::Polygon(points)]
        }
        Symbol::Base => vec![polygon(&[
            [-0.8, -0.8],
            [-0.25, -0.8],
            [0.0, -0.42],
            [0.25, -0.8],
            [0.8, -0.8],
            [0.8, 0.8],
            [-0.8, 0.8],
        ])],
        Symbol::Troops => {
            let (x, y) = (0.95, 0.62);
            vec![
                polygon(&[[-x, -y], [x, -y], [x, y], [-x, y]]),
                Part::Line([-x, -y], [x, y]),
                Part::Line([-x, y], [x, -y]),
            ]
        }
        Symbol::Strike => {
            let points = (0..16)
                .map(|k| {
                    let r = if k % 2 == 0 { 1.0 } else { 0.45 };
                    let angle =
                        std::f32::consts::TAU * k as f32 / 16.0 - std::f32::consts::FRAC_PI_2;
                    [r * angle.cos(), r * angle.sin()]
                })
                .collect();
            vec![Part::Polygon(points)]
        }
        Symbol::Group => vec![polygon(&[
            [0.0, -1.0],
            [0.95, 0.0],
            [0.0, 1.0],
            [-0.95, 0.0],
        ])],
        Symbol::Statement => vec![polygon(&[
            [-0.95, -0.6],
            [-0.75, -0.8],
            [0.75, -0.8],
            [0.95, -0.6],
            [0.95, 0.15],
            [0.75, 0.35],
            [-0.05, 0.35],
            [-0.55, 0.92],
            [-0.45, 0.35],
            [-0.75, 0.35],
            [-0.95, 0.15],
        ])],
        Symbol::Circle => {
            // Few sides when small (12 stay within a quarter pixel of a
            // circle at 18 px), more when large or on a high-density screen.
            let sides = (pixels * 0.6).round().clamp(12.0, 32.0) as usize;
            let points = (0..sides)
                .map(|k| {
                    let angle = std::f32::consts::TAU * k as f32 / sides as f32;
                    [0.75 * angle.cos(), 0.75 * angle.sin()]
                })
                .collect();
            vec![Part::Polygon(points)]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_map_to_the_symbols_of_their_family() {
        let cases = [
            ("carrier_group", Symbol::Ship),
            ("destroyer", Symbol::Ship),
            ("submarine", Symbol::Ship),
            ("amphibious", Symbol::Ship),
            ("aircraft", Symbol::Aircraft),
            ("drone", Symbol::Aircraft),
            ("fighter", Symbol::Aircraft),
            ("base", Symbol::Base),
            ("airfield", Symbol::Base),
            ("staging", Symbol::Base),
            ("troops", Symbol::Troops),
            ("personnel", Symbol::Troops),
            ("boat_strike", Symbol::Strike),
            ("airstrike", Symbol::Strike),
            ("designation", Symbol::Group),
            ("cartel", Symbol::Group),
            ("statement", Symbol::Statement),
            ("talks", Symbol::Statement),
            ("threat", Symbol::Statement),
            ("weather", Symbol::Circle),
            ("", Symbol::Circle),
        ];
        for (kind, symbol) in cases {
            assert_eq!(Symbol::for_kind(kind), symbol, "{kind}");
        }
    }

    #[test]
    fn a_kinds_most_telling_word_wins_whatever_its_case() {
        assert_eq!(Symbol::for_kind("Drone-Strike"), Symbol::Strike);
        assert_eq!(Symbol::for_kind("naval base"), Symbol::Base);
        assert_eq!(Symbol::for_kind("CARRIER_GROUP"), Symbol::Ship);
    }

    #[test]
    fn a_symbols_number_is_its_place_in_all() {
        // The overlay caches symbols as `Symbol as u8` and reads them back
        // through `Symbol::ALL`.
        for (k, symbol) in Symbol::ALL.into_iter().enumerate() {
            assert_eq!(symbol as usize, k);
        }
    }

    #[test]
    fn symbol_names_round_trip_and_unknown_names_are_none() {
        for symbol in Symbol::ALL {
            assert_eq!(Symbol::from_name(symbol.name()), Some(symbol));
        }
        assert_eq!(Symbol::from_name("destroyer"), Some(Symbol::Ship));
        assert_eq!(Symbol::from_name("marker"), Some(Symbol::Circle));
        assert_eq!(Symbol::from_name("rocket-15"), None);
    }
}
