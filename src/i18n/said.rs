//! A message not worded yet: a message id and its arguments, as data.
//!
//! The loaders and checks run on worker threads and in the CLI, and their
//! problems are read later, perhaps after the user switched language: so
//! they keep *what* they found (`said!("check-not-colour", key = "fill",
//! value = "\"red\"")`) and the reader words it in its own language at the
//! moment it is shown ([`Said::text`], or `Display`). Tests compare the
//! data or the English wording alike.
//!
//! Text from other crates (a zip or CSV library's error) has no message id:
//! it travels as [`Said::Verbatim`], usually as an argument of a worded
//! message that says where and what.

use super::{Arg, Lang};
use std::borrow::Cow;
use std::fmt;

/// A message to word later.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Said {
    /// A message of the `.ftl` files with its arguments.
    Message {
        id: &'static str,
        args: Vec<(&'static str, Part)>,
    },
    /// Text with no translation: another library's words, or a value.
    Verbatim(String),
}

/// One argument of a [`Said`].
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Text(String),
    /// A count or measure: printed in the language's number form, and
    /// choosing plural forms.
    Number(f64),
    /// A message inside a message ("{ $reason }; `end` is ignored").
    Said(Box<Said>),
}

// Numbers here are counts, indices and limits: never NaN.
impl Eq for Part {}

impl Said {
    /// The message `id` with `args` (the [`said!`](crate::said) macro
    /// builds these).
    pub fn new(id: &'static str, args: Vec<(&'static str, Part)>) -> Self {
        Said::Message { id, args }
    }

    /// The message's text in the current language.
    pub fn text(&self) -> String {
        self.text_in(super::current())
    }

    /// The message's text in `lang`.
    pub fn text_in(&self, lang: Lang) -> String {
        match self {
            Said::Verbatim(text) => text.clone(),
            Said::Message { id, args } => {
                let worded: Vec<(&str, Arg)> = args
                    .iter()
                    .map(|(name, part)| {
                        let value = match part {
                            Part::Text(text) => Arg::from(text.as_str()),
                            Part::Number(n) => Arg::from(*n),
                            Part::Said(inner) => Arg::from(inner.text_in(lang)),
                        };
                        (*name, value)
                    })
                    .collect();
                super::message(lang, id, &worded)
            }
        }
    }

    /// The message id (`None` for verbatim text): what tests and scripts
    /// may match on, whatever the language.
    pub fn id(&self) -> Option<&'static str> {
        match self {
            Said::Message { id, .. } => Some(id),
            Said::Verbatim(_) => None,
        }
    }
}

impl fmt::Display for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

impl From<String> for Said {
    fn from(text: String) -> Self {
        Said::Verbatim(text)
    }
}

impl From<&str> for Said {
    fn from(text: &str) -> Self {
        Said::Verbatim(text.to_owned())
    }
}

impl From<String> for Part {
    fn from(text: String) -> Self {
        Part::Text(text)
    }
}

impl From<&str> for Part {
    fn from(text: &str) -> Self {
        Part::Text(text.to_owned())
    }
}

impl From<&String> for Part {
    fn from(text: &String) -> Self {
        Part::Text(text.clone())
    }
}

impl From<Cow<'_, str>> for Part {
    fn from(text: Cow<'_, str>) -> Self {
        Part::Text(text.into_owned())
    }
}

impl From<Said> for Part {
    fn from(said: Said) -> Self {
        Part::Said(Box::new(said))
    }
}

macro_rules! number_parts {
    ($($t:ty),*) => {$(
        impl From<$t> for Part {
            fn from(n: $t) -> Self {
                Part::Number(n as f64)
            }
        }
    )*};
}
number_parts!(usize, u64, u32, i64, i32, f64, f32);

/// `said!("check-not-text", key = "title")`: a [`Said`] to word later.
/// Every id named so must exist in English (a test reads the sources).
#[macro_export]
macro_rules! said {
    ($id:expr) => {
        $crate::i18n::said::Said::new($id, Vec::new())
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::said::Said::new(
            $id,
            vec![$((stringify!($name), $crate::i18n::said::Part::from($value))),+],
        )
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::tests::Speaking;

    #[test]
    fn a_said_message_is_worded_in_the_language_of_whoever_reads_it() {
        let said = said!("check-not-text", key = "title");
        assert_eq!(
            said.text_in(Lang::En),
            "`title` is not text; shown as written"
        );
        assert_eq!(
            said.text_in(Lang::Es),
            "`title` no es texto; se muestra tal como está escrito"
        );
        assert_eq!(
            said.text_in(Lang::PtBr),
            "`title` não é texto; mostrado como está escrito"
        );
        let _speaking = Speaking::new(Lang::Es);
        assert_eq!(said.to_string(), said.text_in(Lang::Es));
        assert_eq!(said.id(), Some("check-not-text"));
    }

    #[test]
    fn a_message_inside_a_message_and_numbers_follow_the_language() {
        let said = said!(
            "check-date-end-ignored",
            reason = said!(
                "time-end-before-start",
                start = "2025-09-02",
                end = "2025-09-01"
            )
        );
        assert_eq!(
            said.text_in(Lang::Es),
            "el fin `2025-09-01` es anterior al inicio `2025-09-02`; se ignora `end`"
        );
        let said = said!(
            "check-not-in-range",
            key = "stroke-width",
            value = "-1",
            max = 1000.5
        );
        assert!(
            said.text_in(Lang::En).contains("from 0 to 1,000.5"),
            "{said}"
        );
        assert!(said.text_in(Lang::PtBr).contains("de 0 a 1.000,5"));
    }

    #[test]
    fn verbatim_text_stays_as_written_in_every_language() {
        let said = Said::from("invalid zip header");
        assert_eq!(said.text_in(Lang::PtBr), "invalid zip header");
        assert_eq!(said.id(), None);
    }
}
