//! The languages sitmap speaks (English, Spanish, Brazilian Portuguese) and
//! the one lookup every user-facing string goes through: [`tr`], or the
//! [`t!`](crate::t) macro with named arguments.
//!
//! The messages are Project Fluent files, `assets/i18n/<lang>/sitmap.ftl`,
//! embedded in the binary (`include_str!`): a translator edits text files,
//! Fluent's selectors handle plurals and grammatical forms per language, and
//! nothing is read from disk at run time. English is the source: a key
//! missing in another language falls back to English (the test
//! `every_english_message_is_translated_with_the_same_variables` keeps that
//! from shipping).
//!
//! Which language is current is per thread ([`set_current`]): the window's
//! thread follows the user's choice (set by the app every frame, so a
//! switch takes effect at once), each test thread has its own (tests run in
//! parallel), and a thread that never set one uses the process default
//! ([`init`], from `--lang` or the system locale at start). Worker threads
//! therefore hand back structured values (loader problems, counts) and the
//! UI thread words them. This module knows nothing of egui.

pub mod format;
pub mod locale;
pub mod said;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

#[cfg(test)]
pub(crate) mod tests;

/// A language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "es")]
    Es,
    #[serde(rename = "pt-BR")]
    PtBr,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Es, Lang::PtBr];

    /// The BCP 47 tag: `--lang`, the session file and the message folder.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
            Lang::PtBr => "pt-BR",
        }
    }

    /// The language's name in the current language, as running text says
    /// it ("Spanish", "español", "espanhol").
    pub fn name(self) -> String {
        tr(&format!("lang-{}", self.code()))
    }

    /// The language's name in itself, as a language menu lists it (a user
    /// who cannot read the current language still finds their own).
    pub fn autonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::PtBr => "Português (Brasil)",
        }
    }

    /// Exactly one of [`Lang::code`] (case-insensitive, `_` for `-`).
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.replace('_', "-");
        Lang::ALL
            .into_iter()
            .find(|lang| lang.code().eq_ignore_ascii_case(&code))
    }

    /// "en, es, pt-BR": the languages a usage error names.
    pub fn codes() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }

    fn index(self) -> usize {
        match self {
            Lang::En => 0,
            Lang::Es => 1,
            Lang::PtBr => 2,
        }
    }

    fn from_index(index: u8) -> Lang {
        match index {
            1 => Lang::Es,
            2 => Lang::PtBr,
            _ => Lang::En,
        }
    }

    /// The message files' text: the interface (`sitmap.ftl`), the
    /// problems the loaders and the story reader find and the command
    /// line's reports (`problems.ftl`), and the tools' dialogs (servers,
    /// files read by view, comparing, annotating: `tools.ftl`). Files of
    /// their own so a translator of one part need not wade through the rest.
    pub fn sources(self) -> [&'static str; 3] {
        match self {
            Lang::En => [
                include_str!("../../assets/i18n/en/sitmap.ftl"),
                include_str!("../../assets/i18n/en/problems.ftl"),
                include_str!("../../assets/i18n/en/tools.ftl"),
            ],
            Lang::Es => [
                include_str!("../../assets/i18n/es/sitmap.ftl"),
                include_str!("../../assets/i18n/es/problems.ftl"),
                include_str!("../../assets/i18n/es/tools.ftl"),
            ],
            Lang::PtBr => [
                include_str!("../../assets/i18n/pt-BR/sitmap.ftl"),
                include_str!("../../assets/i18n/pt-BR/problems.ftl"),
                include_str!("../../assets/i18n/pt-BR/tools.ftl"),
            ],
        }
    }
}

/// The language of threads that set none: English until [`init`].
static DEFAULT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static CURRENT: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// The process's language at start (`--lang`, else the system locale): for
/// the CLI's messages and every thread that does not choose its own.
pub fn init(lang: Lang) {
    DEFAULT.store(lang.index() as u8, Ordering::Relaxed);
    set_current(lang);
}

/// This thread's language from now on (the window's, on a switch).
pub fn set_current(lang: Lang) {
    CURRENT.with(|current| current.set(Some(lang)));
}

/// This thread's language.
pub fn current() -> Lang {
    CURRENT
        .with(Cell::get)
        .unwrap_or_else(|| Lang::from_index(DEFAULT.load(Ordering::Relaxed)))
}

/// `lang`'s bundle, parsed the first time it is asked for: a run in one
/// language parses one bundle (each is about a millisecond of the start of
/// every `sitmap check`). A parse error in a shipped file is caught by the
/// tests; here its good messages still load.
fn bundle_of(lang: Lang) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: [OnceLock<FluentBundle<FluentResource>>; 3] =
        [OnceLock::new(), OnceLock::new(), OnceLock::new()];
    BUNDLES[lang.index()].get_or_init(|| bundle(lang))
}

fn bundle(lang: Lang) -> FluentBundle<FluentResource> {
    let id = lang.code().parse().unwrap_or_default();
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // No Unicode isolation marks round variables: egui and the terminal
    // would show them as boxes, and none of our languages is right-to-left.
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => format::fluent_number_en,
        Lang::Es => format::fluent_number_es,
        Lang::PtBr => format::fluent_number_pt_br,
    }));
    for source in lang.sources() {
        let resource = match FluentResource::try_new(source.to_owned()) {
            Ok(resource) => resource,
            Err((resource, errors)) => {
                log::warn!("{}: {} parse errors", lang.code(), errors.len());
                resource
            }
        };
        if let Err(errors) = bundle.add_resource(resource) {
            log::warn!("{}: {errors:?}", lang.code());
        }
    }
    bundle
}

/// An argument of a message: a number (formatted in the language's way,
/// and chooses plural forms) or text.
pub type Arg<'a> = FluentValue<'a>;

/// The message `id` in the current language.
pub fn tr(id: &str) -> String {
    message(current(), id, &[])
}

/// The message `id` in the current language with named arguments.
pub fn tr_args(id: &str, args: &[(&str, Arg<'_>)]) -> String {
    message(current(), id, args)
}

/// The message `id` in `lang`; English where `lang` lacks it, the id itself
/// where English does too (a bug the key test catches).
pub fn message(lang: Lang, id: &str, args: &[(&str, Arg<'_>)]) -> String {
    let found = [lang, Lang::En].into_iter().find_map(|lang| {
        let bundle = bundle_of(lang);
        bundle
            .get_message(id)
            .and_then(|m| m.value())
            .map(|pattern| (bundle, pattern))
    });
    let Some((bundle, pattern)) = found else {
        log::warn!("no message {id:?}");
        return id.to_owned();
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, value.clone());
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        log::warn!("message {id:?}: {errors:?}");
    }
    text.into_owned()
}

/// Whether `lang` has its own message `id` (no fallback).
pub fn has_message(lang: Lang, id: &str) -> bool {
    bundle_of(lang).has_message(id)
}

/// `t!("menu-file")` or `t!("details-features", count = n)`: the message in
/// the current language. Numbers passed as arguments are formatted in the
/// language's way and choose plural forms.
#[macro_export]
macro_rules! t {
    ($id:expr) => {
        $crate::i18n::tr($id)
    };
    ($id:expr, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args(
            $id,
            &[$((stringify!($name), $crate::i18n::Arg::from($value))),+],
        )
    };
}
