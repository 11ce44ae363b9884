//! How a proposal file's keys are described: each key's kind of value, whether it must be
//! there, what it means and an example, and the bounds on how much a file may hold. The keys
//! themselves are declared in `super::file`, with `tables!`; the checker (`super::check`)
//! walks a file against them and `docs/proposal-file.md` documents them.

use rust_decimal::Decimal;

// How much a file may hold. Every bound is checked before any work is done, so that reading any
// file, however hostile, costs little; `docs/proposal-file.md` lists them all (a test below
// keeps it so).

/// The largest proposal file, in bytes (a link carrying one unpacks to no more).
pub const MAX_FILE_BYTES: usize = 64 * 1024;
/// The longest name, label, month or other short text, in characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// The longest summary, slider hint or sentence in a list, in characters.
pub const MAX_PROSE_CHARS: usize = 10_000;
/// The most entries in a list of numbers or texts: a figure a month of the longest horizon.
pub const MAX_LIST_ENTRIES: usize = 600;
/// The most tables in a list of tables (`[[investment]]`, `[[saving]]`, periods, facts, rows).
pub const MAX_TABLES: usize = 50;
/// The most named entries in a table of them (`[levers]`, `[assumptions]`, printed series).
pub const MAX_NAMED: usize = 100;
/// The most sliders a file may give (each line and saving gives several): every one of them
/// can then be moved at once and still be written in `[assumptions]` and in a link.
pub const MAX_SLIDERS: usize = MAX_NAMED;
/// The largest whole number (a count of months, a step of cases).
pub const MAX_WHOLE: i64 = 1_000_000;
/// The largest number, above or below nought: a million million.
pub const MAX_NUMBER: Decimal = Decimal::from_parts(3_567_587_328, 232, 0, false, 0);
/// The most decimal places a number may have.
pub const MAX_DECIMAL_PLACES: u32 = 10;

/// What kind of value a key holds.
pub enum Kind {
    /// Text in double quotes (names, months "YYYY-MM", financial years "2024/25").
    Text,
    /// A longer text: a paragraph or a sentence (the summary, a slider's hint).
    Prose,
    /// A whole number of at least 0.
    Whole,
    /// A number: `7500`, `44.5`, or text such as `"7,500"`.
    Number,
    /// A percentage from 0 to 100.
    Percent,
    /// A list of numbers.
    Numbers,
    /// A list of texts.
    Texts,
    /// A table (`[name]` or `{ ... }`).
    Table(&'static Shape),
    /// A list of tables (`[[name]]`).
    Tables(&'static Shape),
    /// An assumption's value: a number, or text such as a month "2022-07" or "none".
    Setting,
}

pub struct Field {
    pub name: &'static str,
    pub kind: Kind,
    pub required: bool,
    /// What the key holds, in a few words.
    pub meaning: &'static str,
    /// A value it may take, as the file writes it.
    pub example: &'static str,
}

/// A table's known keys, and the kind of any other key it may hold (levers by key, series by
/// name); `None` when every key must be known.
pub struct Shape {
    pub fields: &'static [Field],
    pub others: Option<&'static Kind>,
}

/// Declares tables of the proposal file, each once: the struct the reader reads it into (a
/// key that may be left out is read as its type's default: `None`, an empty list) and the
/// shape the checker walks it against. `others` names a field that takes every other key.
macro_rules! tables {
    ($(
        $(#[$table_meta:meta])*
        $name:ident as $shape:ident $(, others $others:ident : $others_type:ty = $others_kind:ident)? {
            $(
                $(#[$field_meta:meta])*
                $field:ident : $type:ty = $presence:ident $kind:ident $(($($kind_arg:tt)*))?, $meaning:literal, $example:literal;
            )*
        }
    )*) => {
        $(
            $crate::proposal::schema::table_struct! {
                [$(#[$table_meta])*] $name [$($others : $others_type)?] []
                $( [$(#[$field_meta])*] $field : $type = $presence; )*
            }

            pub static $shape: $crate::proposal::schema::Shape = $crate::proposal::schema::Shape {
                fields: &[$(
                    $crate::proposal::schema::Field {
                        name: stringify!($field),
                        kind: $crate::proposal::schema::Kind::$kind $(($($kind_arg)*))?,
                        required: $crate::proposal::schema::table_struct!(@required $presence),
                        meaning: $meaning,
                        example: $example,
                    },
                )*],
                others: $crate::proposal::schema::table_struct!(@others $($others_kind)?),
            };
        )*
    };
}
pub(super) use tables;

/// The struct of one table, built a key at a time (`tables!` uses it).
macro_rules! table_struct {
    (@required required) => { true };
    (@required optional) => { false };
    (@others) => { None };
    (@others $kind:ident) => { Some(&$crate::proposal::schema::Kind::$kind) };
    ([$($meta:tt)*] $name:ident [] [$($done:tt)*]) => {
        $($meta)*
        #[derive(Debug, serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $($done)*
        }
    };
    ([$($meta:tt)*] $name:ident [$others:ident : $others_type:ty] [$($done:tt)*]) => {
        $($meta)*
        #[derive(Debug, serde::Deserialize)]
        pub struct $name {
            $($done)*
            /// Every other key of the table, by name.
            #[serde(flatten)]
            pub $others: $others_type,
        }
    };
    ([$($meta:tt)*] $name:ident $others:tt [$($done:tt)*] [$($field_meta:tt)*] $field:ident : $type:ty = required; $($rest:tt)*) => {
        $crate::proposal::schema::table_struct! {
            [$($meta)*] $name $others [$($done)* $($field_meta)* pub $field: $type,] $($rest)*
        }
    };
    ([$($meta:tt)*] $name:ident $others:tt [$($done:tt)*] [$($field_meta:tt)*] $field:ident : $type:ty = optional; $($rest:tt)*) => {
        $crate::proposal::schema::table_struct! {
            [$($meta)*] $name $others [$($done)* $($field_meta)* #[serde(default)] pub $field: $type,] $($rest)*
        }
    };
}
pub(super) use table_struct;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::file::ROOT;

    fn keys(shape: &'static Shape, into: &mut Vec<&'static str>) {
        for field in shape.fields {
            into.push(field.name);
            if let Kind::Table(inner) | Kind::Tables(inner) = &field.kind {
                keys(inner, into);
            }
        }
        if let Some(Kind::Table(inner)) = shape.others {
            keys(inner, into);
        }
    }

    #[test]
    fn the_largest_number_is_a_million_million() {
        assert_eq!(MAX_NUMBER, Decimal::from(1_000_000_000_000i64));
    }

    #[test]
    fn every_bound_is_documented() {
        let doc = include_str!("../../docs/proposal-file.md");
        let grouped = |n: u64| crate::model::money::group_thousands(&n.to_string());
        for (what, bound) in [
            ("file bytes", grouped(MAX_FILE_BYTES as u64 / 1024) + " KB"),
            ("text", grouped(MAX_TEXT_CHARS as u64)),
            ("prose", grouped(MAX_PROSE_CHARS as u64)),
            ("list", grouped(MAX_LIST_ENTRIES as u64)),
            ("tables", grouped(MAX_TABLES as u64)),
            ("named", grouped(MAX_NAMED as u64)),
            (
                "sliders",
                format!("gives its own) | {} |", grouped(MAX_SLIDERS as u64)),
            ),
            ("whole", grouped(MAX_WHOLE as u64)),
            ("decimal places", MAX_DECIMAL_PLACES.to_string()),
        ] {
            assert!(
                doc.contains(&bound),
                "docs/proposal-file.md does not give the bound on {what} ({bound})"
            );
        }
        assert!(doc.contains("1,000,000,000,000"));
    }

    #[test]
    fn every_key_is_documented() {
        let doc = include_str!("../../docs/proposal-file.md");
        let mut all = Vec::new();
        keys(&ROOT, &mut all);
        for key in all {
            assert!(
                doc.contains(&format!("`{key}`")) || doc.contains(&format!("{key}]")),
                "docs/proposal-file.md does not document `{key}`"
            );
        }
    }
}
