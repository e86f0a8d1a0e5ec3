//! Numbers and dates in each language's own written forms.
//!
//! Numbers follow Unicode CLDR, what browsers, ICU and office software
//! print for the language:
//! - English: `1,234.5` (comma between thousands, decimal point);
//! - Spanish: `1234,5` and `12.345,5` (decimal comma; a dot between
//!   thousands from five digits on, CLDR `es`'s minimum grouping of two,
//!   which is also the RAE's rule not to split four-digit numbers; the RAE
//!   would rather have a thin space than the dot, CLDR and nearly all
//!   Spanish-language software print the dot). One neutral Spanish: Mexico's
//!   and Central America's `1,234.5` is not followed;
//! - Brazilian Portuguese: `1.234,5`.
//!
//! Dates are day, month name, year ("17 November 2025", "17 de noviembre
//! de 2025", "17 de novembro de 2025"); the patterns and month names live in
//! the message files with the rest of the translation.

use super::{Arg, Lang};

/// How a language writes numbers.
struct NumberForm {
    decimal: char,
    group: char,
    /// The fewest digits left of the first separator: 1 groups 1,234; 2
    /// leaves 1234 whole and groups 12.345.
    min_grouping: usize,
}

fn form(lang: Lang) -> NumberForm {
    match lang {
        Lang::En => NumberForm {
            decimal: '.',
            group: ',',
            min_grouping: 1,
        },
        Lang::Es => NumberForm {
            decimal: ',',
            group: '.',
            min_grouping: 2,
        },
        Lang::PtBr => NumberForm {
            decimal: ',',
            group: '.',
            min_grouping: 1,
        },
    }
}

/// Whether `lang` writes a decimal comma ("1,5"): where it does, a comma
/// cannot also separate the items of a list of numbers.
pub fn decimal_comma(lang: Lang) -> bool {
    form(lang).decimal == ','
}

/// `value` with exactly `decimals` decimals in the current language.
pub fn number(value: f64, decimals: usize) -> String {
    number_in(super::current(), value, decimals, decimals)
}

/// `value` rounded to at most `max_decimals`, keeping at least
/// `min_decimals` (trailing zeros beyond them dropped), in `lang`'s form.
pub fn number_in(lang: Lang, value: f64, min_decimals: usize, max_decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let max_decimals = max_decimals.max(min_decimals);
    let text = format!("{:.*}", max_decimals, value.abs());
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut fraction = fraction.to_owned();
    while fraction.len() > min_decimals && fraction.ends_with('0') {
        fraction.pop();
    }
    let form = form(lang);
    let mut out = String::with_capacity(text.len() + whole.len() / 3 + 1);
    // "-0" after rounding is "0".
    if value < 0.0 && (whole.bytes().any(|b| b != b'0') || fraction.bytes().any(|b| b != b'0')) {
        out.push('-');
    }
    let grouped = whole.len() >= 4 && whole.len() >= 3 + form.min_grouping;
    for (i, digit) in whole.chars().enumerate() {
        if grouped && i > 0 && (whole.len() - i).is_multiple_of(3) {
            out.push(form.group);
        }
        out.push(digit);
    }
    if !fraction.is_empty() {
        out.push(form.decimal);
        out.push_str(&fraction);
    }
    out
}

/// A count in the current language ("2,453", "2453", "2.453").
pub fn count(n: usize) -> String {
    number(n as f64, 0)
}

/// How Fluent prints a number argument in each language: ours, not its
/// own (which groups nothing and always writes a decimal point).
fn fluent_number(lang: Lang, value: &Arg<'_>) -> Option<String> {
    match value {
        Arg::Number(n) => Some(number_in(
            lang,
            n.value,
            n.options.minimum_fraction_digits.unwrap_or(0),
            n.options.maximum_fraction_digits.unwrap_or(3),
        )),
        _ => None,
    }
}

pub(super) fn fluent_number_en<M>(value: &Arg<'_>, _: &M) -> Option<String> {
    fluent_number(Lang::En, value)
}

pub(super) fn fluent_number_es<M>(value: &Arg<'_>, _: &M) -> Option<String> {
    fluent_number(Lang::Es, value)
}

pub(super) fn fluent_number_pt_br<M>(value: &Arg<'_>, _: &M) -> Option<String> {
    fluent_number(Lang::PtBr, value)
}

/// The month's name (1 = January) in the current language.
pub fn month_name(month: u8) -> String {
    super::tr(&format!("month-{}", month.clamp(1, 12)))
}

/// The month's short name for the timeline's ticks ("Nov", "nov").
pub fn month_short(month: u8) -> String {
    super::tr(&format!("month-short-{}", month.clamp(1, 12)))
}

/// "17 November 2025", "17 de noviembre de 2025", "17 de novembro de 2025".
pub fn long_date(year: i64, month: u8, day: u8) -> String {
    crate::t!(
        "date-long",
        day = day.to_string(),
        month = month_name(month),
        year = year.to_string()
    )
}

/// "November 2025", "noviembre de 2025", "novembro de 2025".
pub fn month_year(year: i64, month: u8) -> String {
    crate::t!(
        "date-month-year",
        month = month_name(month),
        year = year.to_string()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_take_each_languages_separators() {
        assert_eq!(number_in(Lang::En, 1234.5, 1, 1), "1,234.5");
        assert_eq!(number_in(Lang::PtBr, 1234.5, 1, 1), "1.234,5");
        // Spanish leaves four digits whole and groups from five.
        assert_eq!(number_in(Lang::Es, 1234.5, 1, 1), "1234,5");
        assert_eq!(number_in(Lang::Es, 12345.5, 1, 1), "12.345,5");
        assert_eq!(number_in(Lang::En, 1_234_567.0, 0, 0), "1,234,567");
        assert_eq!(number_in(Lang::PtBr, 999.0, 0, 0), "999");
        assert_eq!(number_in(Lang::En, -1234.56, 0, 1), "-1,234.6");
        assert_eq!(number_in(Lang::En, -0.01, 0, 1), "0");
        assert_eq!(number_in(Lang::Es, 2.50, 0, 2), "2,5");
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        let _english = crate::i18n::tests::Speaking::new(Lang::En);
        assert_eq!(long_date(2025, 11, 17), "17 November 2025");
        assert_eq!(month_year(2025, 11), "November 2025");
        crate::i18n::set_current(Lang::Es);
        assert_eq!(long_date(2025, 11, 17), "17 de noviembre de 2025");
        assert_eq!(month_year(2025, 9), "septiembre de 2025");
        assert_eq!(month_short(1), "ene");
        crate::i18n::set_current(Lang::PtBr);
        assert_eq!(long_date(2025, 11, 17), "17 de novembro de 2025");
        assert_eq!(month_short(2), "fev");
    }

    #[test]
    fn numbers_inside_messages_are_formatted_in_the_messages_language() {
        let _speaking = crate::i18n::tests::Speaking::new(Lang::PtBr);
        assert_eq!(crate::t!("distance-km", km = 1234.5), "1.234,5 km");
        crate::i18n::set_current(Lang::En);
        assert_eq!(crate::t!("distance-km", km = 1234.5), "1,234.5 km");
    }
}
