//! The system's language, as POSIX says to find it: `LC_ALL`, then
//! `LC_MESSAGES`, then `LANG`, the first that is set and not empty wins
//! (`LANGUAGE`, GNU's priority list, is left out: it only refines a
//! non-C locale, and "es_MX.UTF-8" already says all sitmap needs).
//! Any Spanish (es_MX, es_AR, es_ES) is our neutral Spanish, any Portuguese
//! (pt_BR, pt_PT) our Brazilian Portuguese, anything else English.

use super::Lang;

/// The language a locale name asks for: "es_MX.UTF-8" → Spanish,
/// "pt_PT@euro" → Portuguese, "C", "POSIX", "fr_FR" → English.
pub fn lang_of_locale(locale: &str) -> Lang {
    let language = locale
        .split(['_', '-', '.', '@'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase();
    match language.as_str() {
        "es" => Lang::Es,
        "pt" => Lang::PtBr,
        _ => Lang::En,
    }
}

/// The language of the first set locale variable, from a lookup (the
/// environment in [`system_lang`]; a table in the tests).
pub fn lang_from_vars(var: impl Fn(&str) -> Option<String>) -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|name| var(name).filter(|value| !value.is_empty()))
        .map_or(Lang::En, |locale| lang_of_locale(&locale))
}

/// The language the user's system asks for.
pub fn system_lang() -> Lang {
    lang_from_vars(|name| std::env::var(name).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_spanish_or_portuguese_locale_picks_that_language_and_others_english() {
        assert_eq!(lang_of_locale("es_MX.UTF-8"), Lang::Es);
        assert_eq!(lang_of_locale("es_ES@euro"), Lang::Es);
        assert_eq!(lang_of_locale("es"), Lang::Es);
        assert_eq!(lang_of_locale("pt_BR.UTF-8"), Lang::PtBr);
        assert_eq!(lang_of_locale("pt_PT"), Lang::PtBr);
        assert_eq!(lang_of_locale("en_US.UTF-8"), Lang::En);
        assert_eq!(lang_of_locale("fr_FR.UTF-8"), Lang::En);
        assert_eq!(lang_of_locale("C.UTF-8"), Lang::En);
        assert_eq!(lang_of_locale("POSIX"), Lang::En);
        assert_eq!(lang_of_locale(""), Lang::En);
    }

    #[test]
    fn lc_all_wins_over_lc_messages_over_lang_and_empty_ones_are_skipped() {
        let vars = |table: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                table
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| (*v).to_owned())
            }
        };
        static ALL: [(&str, &str); 3] = [
            ("LC_ALL", "pt_BR.UTF-8"),
            ("LC_MESSAGES", "es_AR.UTF-8"),
            ("LANG", "en_GB.UTF-8"),
        ];
        assert_eq!(lang_from_vars(vars(&ALL)), Lang::PtBr);
        static MESSAGES: [(&str, &str); 3] = [
            ("LC_ALL", ""),
            ("LC_MESSAGES", "es_AR.UTF-8"),
            ("LANG", "pt_BR"),
        ];
        assert_eq!(lang_from_vars(vars(&MESSAGES)), Lang::Es);
        assert_eq!(lang_from_vars(vars(&[("LANG", "es_CO.UTF-8")])), Lang::Es);
        assert_eq!(lang_from_vars(vars(&[])), Lang::En);
    }
}
