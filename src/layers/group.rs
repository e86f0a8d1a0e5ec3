//! Problems grouped by kind, so a file with the same problem in 2,453
//! features says it once, with the count and the first few places, instead
//! of 2,453 lines. `sitmap check` and the layer panel both show groups;
//! `check --verbose` still lists every problem.

use super::Problem;
use std::borrow::Cow;

/// What sort of problem a [`Problem`] is. Problems of one kind in one file
/// are told as one group; the phrase is what they have in common.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A problem of the file as a whole: never grouped.
    File,
    /// An element of `features` that is not a Feature (skipped).
    NotFeature,
    /// A geometry that cannot be read or placed (skipped).
    Geometry,
    /// An id an earlier feature already has (both kept).
    DuplicateId,
    /// A property sitmap interprets, in a shape it cannot read (kept and
    /// shown as written): its name.
    Unread(&'static str),
    /// `start` or `end` text that is not a date, or an end before its start.
    Date,
    /// A `sources` entry that is not a web link.
    Source,
    /// A feature with no date in a story layer.
    NoStart,
    /// A feature with no source in a story layer.
    NoSources,
    /// An approximate location without its radius.
    NoUncertainty,
    /// The layer's time field holds something that is not a time.
    TimeField,
}

impl Kind {
    /// A stable name for scripts (`check --json`), e.g. `unread:sources`.
    pub fn key(self) -> Cow<'static, str> {
        match self {
            Kind::File => "file".into(),
            Kind::NotFeature => "not_feature".into(),
            Kind::Geometry => "geometry".into(),
            Kind::DuplicateId => "duplicate_id".into(),
            Kind::Unread(key) => format!("unread:{key}").into(),
            Kind::Date => "date".into(),
            Kind::Source => "source".into(),
            Kind::NoStart => "no_start".into(),
            Kind::NoSources => "no_sources".into(),
            Kind::NoUncertainty => "no_uncertainty".into(),
            Kind::TimeField => "time_field".into(),
        }
    }

    /// What every problem of the kind says, after "N features": a
    /// message in the current language.
    pub fn phrase(self) -> String {
        let id = match self {
            Kind::File => "kind-file",
            Kind::NotFeature => "kind-not-feature",
            Kind::Geometry => "kind-geometry",
            Kind::DuplicateId => "kind-duplicate-id",
            Kind::Unread(key) => return crate::t!("kind-unread", key = key),
            Kind::Date => "kind-date",
            Kind::Source => "kind-source",
            Kind::NoStart => "kind-no-start",
            Kind::NoSources => "kind-no-sources",
            Kind::NoUncertainty => "kind-no-uncertainty",
            Kind::TimeField => "kind-time-field",
        };
        crate::i18n::tr(id)
    }
}

/// Problems of one kind in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group<'a> {
    pub kind: Kind,
    /// How many problems of the kind.
    pub count: usize,
    /// The first few, in file order.
    pub sample: Vec<&'a Problem>,
}

impl Group<'_> {
    /// One line: "2,453 features have no sources; e.g. feature 0 (id a),
    /// feature 1, feature 2". A file problem is its own message.
    pub fn summary(&self) -> String {
        let Some(first) = self.sample.first() else {
            return String::new();
        };
        if self.kind == Kind::File || self.count == 1 {
            return first.to_string();
        }
        let places: Vec<String> = self.sample.iter().map(|p| place(p)).collect();
        let path = first.path.display().to_string();
        crate::t!(
            "group-summary",
            path = path,
            count = self.count,
            what = self.kind.phrase(),
            places = places.join(", "),
            first = one_line(&first.message.text()).into_owned()
        )
    }
}

/// `feature 3 (id x)`, `row 12`.
fn place(problem: &Problem) -> String {
    match (problem.feature, &problem.id) {
        (Some(n), Some(id)) => format!("{} (id {})", problem.unit.place(n), one_line(id)),
        (Some(n), None) => problem.unit.place(n),
        (None, _) => crate::i18n::tr("place-file"),
    }
}

/// Groups `problems` (of one file, in file order) by kind, keeping at most
/// `sample` of each. File problems come first, each a group of its own.
pub fn group(problems: &[Problem], sample: usize) -> Vec<Group<'_>> {
    let mut groups: Vec<Group> = Vec::new();
    for problem in problems {
        if problem.kind != Kind::File
            && let Some(group) = groups.iter_mut().find(|g| g.kind == problem.kind)
        {
            group.count += 1;
            if group.sample.len() < sample {
                group.sample.push(problem);
            }
            continue;
        }
        groups.push(Group {
            kind: problem.kind,
            count: 1,
            sample: vec![problem],
        });
    }
    groups.sort_by_key(|g| g.kind != Kind::File);
    groups
}

/// `2453` as `2,453` (in the current language's form: `2453`, `2.453`).
pub fn thousands(n: usize) -> String {
    crate::i18n::format::count(n)
}

/// The text with control characters escaped (`\n`, `\u{1b}`), so text from
/// a file can never start a second line of a report or move the cursor;
/// [`crate::text::escape_control`] is the one rule.
pub fn one_line(text: &str) -> Cow<'_, str> {
    crate::text::escape_control(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;
    use std::sync::Arc;

    fn problem(feature: usize, kind: Kind, message: &str) -> Problem {
        Problem {
            unit: crate::layers::Unit::Feature,
            path: Arc::from(Path::new("osm.geojson")),
            feature: Some(feature),
            id: Some(format!("n{feature}")),
            kind,
            message: message.into(),
        }
    }

    #[test]
    fn thousands_of_alike_problems_are_one_group_with_a_count_and_a_sample() {
        let problems: Vec<Problem> = (0..2453)
            .map(|i| problem(i, Kind::NoSources, "no sources"))
            .chain([problem(7, Kind::DuplicateId, "duplicate id")])
            .collect();
        let groups = group(&problems, 3);
        assert_eq!(groups.len(), 2);
        assert_eq!(groups[0].count, 2453);
        assert_eq!(groups[0].sample.len(), 3);
        assert_eq!(
            groups[0].summary(),
            "osm.geojson: 2,453 features have no sources; e.g. feature 0 (id n0), \
             feature 1 (id n1), feature 2 (id n2) (no sources)"
        );
        assert_eq!(groups[1].count, 1);
        assert_eq!(
            groups[1].summary(),
            "osm.geojson:feature 7 (id n7): duplicate id"
        );
    }

    #[test]
    fn file_problems_come_first_and_are_never_merged() {
        let mut problems = vec![problem(0, Kind::Date, "bad date")];
        for message in ["a", "b"] {
            problems.push(Problem::of_file(
                &Arc::from(Path::new("x.geojson")),
                message.to_owned(),
            ));
        }
        let groups = group(&problems, 5);
        assert_eq!(
            groups.iter().map(|g| g.kind).collect::<Vec<_>>(),
            [Kind::File, Kind::File, Kind::Date]
        );
    }

    #[test]
    fn control_characters_are_escaped_so_no_line_can_be_forged() {
        assert_eq!(one_line("a\nerror: b"), "a\\nerror: b");
        assert_eq!(one_line("\u{1b}[2J"), "\\u{1b}[2J");
        assert!(matches!(one_line("plain ñ"), Cow::Borrowed(_)));
        let mut p = problem(1, Kind::Date, "x\ny");
        p.id = Some("i\rd".into());
        assert_eq!(p.to_string(), "osm.geojson:feature 1 (id i\\rd): x\\ny");
    }

    #[test]
    fn counts_get_thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
