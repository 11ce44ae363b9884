//! "Download as a proposal file": the proposal's own file with the reader's assumptions written
//! into an `[assumptions]` table at its end. Everything else (comments included) stays as the
//! officer wrote it, and `calc check` reads the result like any other file.

use crate::levers::LeverValue;
use crate::model::Scenario;
use toml_edit::Item;

use super::{read_proposal, Proposal};

/// The comment the writer puts above the table, so a second download replaces it too.
const HEADING: &str =
    "# Where the sliders start: the assumptions as a reader set them in the calculator.";

/// The file's text with `scenario`'s assumptions as its starting values. Assumptions at the
/// file's own figures are left out, so the table lists only what the reader changed.
pub fn with_assumptions(text: &str, proposal: &Proposal, scenario: &Scenario) -> String {
    add_assumptions(&without_assumptions(text), proposal, scenario)
}

/// `with_assumptions` on a text whose own table has already been taken out: the part that
/// needs no TOML reader, so the page can do it while the checker module does the rest.
pub fn add_assumptions(without: &str, proposal: &Proposal, scenario: &Scenario) -> String {
    let mut out = without.trim_end().to_string();
    let changed: Vec<String> = proposal
        .levers()
        .iter()
        .filter_map(|lever| {
            let value = lever.get(scenario);
            (value != lever.published).then(|| {
                format!(
                    "{} = {}",
                    key(&lever.key),
                    value_text(lever.link_text(value), value)
                )
            })
        })
        .collect();
    if !changed.is_empty() {
        out += &format!(
            "\n\n{HEADING}\n# Delete this table to open at the file's own figures again. Keys are a scenario link's.\n[assumptions]\n{}",
            changed.join("\n")
        );
    }
    out + "\n"
}

/// Checks that a written file reads back as the same proposal opening at the same scenario.
pub fn round_trips(text: &str, scenario: &Scenario) -> Result<(), String> {
    opens_at(
        read_proposal(text).map_err(|problems| problems.iter().map(ToString::to_string).collect()),
        scenario,
    )
}

/// Checks that a written file, as read back, opens at `scenario`.
pub fn opens_at(read: Result<Proposal, Vec<String>>, scenario: &Scenario) -> Result<(), String> {
    match read {
        Ok(read) if read.starting == *scenario => Ok(()),
        Ok(_) => Err("the file written does not open at the same assumptions".into()),
        Err(problems) => Err(problems.join("; ")),
    }
}

/// A bare TOML key where it can be one; quoted otherwise ("council.months").
fn key(key: &str) -> String {
    if !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        key.to_string()
    } else {
        format!("\"{}\"", key.replace('\\', "\\\\").replace('"', "\\\""))
    }
}

/// Numbers as TOML numbers (as text when TOML cannot hold them exactly); months and "none"
/// as text.
fn value_text(link_text: String, value: LeverValue) -> String {
    match value {
        LeverValue::Number(number)
            if number.fract().is_zero() && number.abs() < 1_000_000_000_000u64.into() =>
        {
            number.normalize().to_string()
        }
        _ => format!("\"{link_text}\""),
    }
}

/// The text without its `[assumptions]` table (and the heading this writer puts above it),
/// found by reading the file as TOML rather than by looking at lines: a summary may hold a line
/// that reads `[assumptions]`.
pub fn without_assumptions(text: &str) -> String {
    let Ok(document) = toml_edit::ImDocument::parse(text) else {
        // Only files that read are offered for download; this one is returned as it is.
        return text.to_string();
    };
    // A table's span runs from its header to its last value.
    let span = match document.as_table().get_key_value("assumptions") {
        Some((_, Item::Table(table))) => table.span(),
        Some((key, Item::Value(value))) => {
            key.span().zip(value.span()).map(|(k, v)| k.start..v.end)
        }
        Some((_, Item::None | Item::ArrayOfTables(_))) | None => None,
    };
    let Some(span) = span else {
        return text.to_string();
    };
    let line_start = text[..span.start].rfind('\n').map_or(0, |i| i + 1);
    let after = text[span.end..]
        .find('\n')
        .map_or(text.len(), |i| span.end + i + 1);
    let mut kept: Vec<&str> = text[..line_start].lines().collect();
    // Its heading comments go with it.
    while kept.last().is_some_and(|previous| {
        previous.starts_with(HEADING) || previous.starts_with("# Delete this table")
    }) {
        kept.pop();
    }
    let mut out = kept.join("\n");
    if !out.is_empty() {
        out.push('\n');
    }
    out + &text[after..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::proposal::presets::{preset, PRESET_FILES};

    #[test]
    fn unchanged_assumptions_leave_the_file_as_it_was() {
        let (_, text) = PRESET_FILES[0];
        let sandwell = preset("sandwell").unwrap();
        assert_eq!(
            with_assumptions(text, sandwell, &sandwell.baseline).trim_end(),
            text.trim_end()
        );
    }

    #[test]
    fn changed_assumptions_are_written_and_read_back() {
        let (_, text) = PRESET_FILES[0];
        let sandwell = preset("sandwell").unwrap();
        let mut scenario = sandwell.baseline.clone();
        for lever in sandwell.levers() {
            match lever.key.as_str() {
                "allocation" => lever.set(&mut scenario, LeverValue::Number(30.into())),
                "cap" => lever.set(&mut scenario, LeverValue::Off),
                "delivery_start" => lever.set(
                    &mut scenario,
                    LeverValue::Month(crate::model::YearMonth::new(2022, 9).unwrap()),
                ),
                _ => {}
            }
        }
        let written = with_assumptions(text, sandwell, &scenario);
        assert!(written.contains("[assumptions]\n"), "{written}");
        assert!(written.contains("allocation = 30\n"));
        assert!(written.contains("cap = \"none\"\n"));
        assert!(written.contains("delivery_start = \"2022-09\"\n"));
        round_trips(&written, &scenario).unwrap();

        // Writing again replaces the table rather than adding a second one.
        let reread = read_proposal(&written).unwrap();
        let again = with_assumptions(&written, &reread, &sandwell.baseline);
        assert!(!again.contains("[assumptions]"));
        assert_eq!(again.trim_end(), text.trim_end());
    }

    #[test]
    fn keys_with_dots_are_quoted() {
        assert_eq!(key("council.months"), "\"council.months\"");
        assert_eq!(key("allocation"), "allocation");
    }
}
