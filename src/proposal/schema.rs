//! Every key a proposal file may hold, table by table: its kind of value, whether it must be
//! there, what it means and an example. The checker (`super::check`) walks a file against
//! these tables; `docs/proposal-file.md` documents the same keys.

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

const fn field(
    name: &'static str,
    kind: Kind,
    meaning: &'static str,
    example: &'static str,
) -> Field {
    Field {
        name,
        kind,
        required: false,
        meaning,
        example,
    }
}

const fn required(
    name: &'static str,
    kind: Kind,
    meaning: &'static str,
    example: &'static str,
) -> Field {
    Field {
        required: true,
        ..field(name, kind, meaning, example)
    }
}

pub static ROOT: Shape = Shape {
    fields: &[
        required("format", Kind::Whole, "the version of the file format", "1"),
        required(
            "id",
            Kind::Text,
            "a short name for links (a-z, 0-9 and _)",
            "\"my_council\"",
        ),
        required(
            "name",
            Kind::Text,
            "the proposal's title",
            "\"Early help lead\"",
        ),
        required(
            "council",
            Kind::Text,
            "the organisation proposing it",
            "\"Any Council\"",
        ),
        required(
            "summary",
            Kind::Prose,
            "one paragraph in plain words",
            "\"\"\"...\"\"\"",
        ),
        field(
            "source",
            Kind::Text,
            "the report, its date and where to find it",
            "\"Cabinet report, 1 April 2024\"",
        ),
        field(
            "source_date",
            Kind::Text,
            "the date of the source report",
            "\"2020-01-27\"",
        ),
        field(
            "source_link",
            Kind::Text,
            "where the source report can be read",
            "\"https://democracy.example.gov.uk/report.pdf\"",
        ),
        field(
            "starting_values",
            Kind::Text,
            "\"published\" or \"example\"",
            "\"published\"",
        ),
        required(
            "timeline",
            Kind::Table(&TIMELINE),
            "when the cashflow starts and how long it runs",
            "[timeline] with start = \"2024-04\" and months = 60",
        ),
        field(
            "investment",
            Kind::Tables(&INVESTMENT),
            "the money going in, one [[investment]] a line",
            "[[investment]]",
        ),
        field(
            "saving",
            Kind::Tables(&SAVING),
            "the money coming back, one [[saving]] a line",
            "[[saving]]",
        ),
        field(
            "adjustments",
            Kind::Table(&ADJUSTMENTS),
            "a contingency on all investment and a realisation on all savings",
            "[adjustments]",
        ),
        field(
            "after_plan_trend_percent",
            Kind::Number,
            "how scheduled savings move after their last year",
            "0",
        ),
        field(
            "budget",
            Kind::Table(&BUDGET),
            "a council-funding table",
            "[budget]",
        ),
        field(
            "levers",
            Kind::Table(&LEVERS),
            "how the page shows each assumption",
            "[levers.horizon]",
        ),
        field(
            "assumptions",
            Kind::Table(&ASSUMPTIONS),
            "where each slider starts, when not at the file's own figures (keys as in a link)",
            "[assumptions]",
        ),
        field(
            "facts",
            Kind::Tables(&FACT),
            "other figures from the report",
            "[[facts]]",
        ),
        field(
            "published",
            Kind::Table(&PUBLISHED),
            "the figures as printed",
            "[published]",
        ),
    ],
    others: None,
};

static TIMELINE: Shape = Shape {
    fields: &[
        required("start", Kind::Text, "the first month", "\"2024-04\""),
        required(
            "months",
            Kind::Whole,
            "how many months the cashflow runs (1 to 600)",
            "60",
        ),
    ],
    others: None,
};

static INVESTMENT: Shape = Shape {
    fields: &[
        required(
            "id",
            Kind::Text,
            "the line's short name for links",
            "\"capital\"",
        ),
        required(
            "label",
            Kind::Text,
            "what the page calls it",
            "\"New children's home\"",
        ),
        required("funder", Kind::Text, "who pays", "\"Council\""),
        field("per_month", Kind::Number, "pounds a month", "7500"),
        field(
            "from",
            Kind::Text,
            "the first month of a per_month line",
            "\"2024-04\"",
        ),
        field(
            "after",
            Kind::Text,
            "the id of the line this one follows",
            "\"council\"",
        ),
        field(
            "months",
            Kind::Whole,
            "how many months a per_month line runs",
            "15",
        ),
        field(
            "one_off",
            Kind::Number,
            "a single payment, in pounds",
            "2000000",
        ),
        field(
            "month",
            Kind::Text,
            "the month of a one_off payment",
            "\"2024-04\"",
        ),
        field(
            "first_year",
            Kind::Text,
            "the financial year of the first per_year amount",
            "\"2024/25\"",
        ),
        field(
            "per_year",
            Kind::Numbers,
            "pounds per financial year",
            "[150000, 160000]",
        ),
    ],
    others: None,
};

static SAVING: Shape = Shape {
    fields: &[
        required(
            "id",
            Kind::Text,
            "the line's short name for links",
            "\"placements\"",
        ),
        required(
            "label",
            Kind::Text,
            "what the page calls it",
            "\"Placements avoided\"",
        ),
        field(
            "realisation_percent",
            Kind::Percent,
            "the share of the forecast saving realised",
            "100",
        ),
        field(
            "referrals",
            Kind::Table(&REFERRALS),
            "the referral-reduction driver",
            "[saving.referrals]",
        ),
        field(
            "first_year",
            Kind::Text,
            "the financial year of the first per_year amount",
            "\"2024/25\"",
        ),
        field(
            "per_year",
            Kind::Numbers,
            "pounds saved per financial year",
            "[100000, 200000]",
        ),
        field(
            "change_per_year",
            Kind::Numbers,
            "the year-on-year change in pounds saved",
            "[100000, 50000]",
        ),
        field(
            "amount_per_year",
            Kind::Number,
            "pounds saved a year at full rate",
            "250000",
        ),
        field(
            "from",
            Kind::Text,
            "the first month of the saving",
            "\"2024-04\"",
        ),
        field(
            "ramp_months",
            Kind::Whole,
            "months to reach the full saving",
            "6",
        ),
        field(
            "units",
            Kind::Number,
            "how many units (beds, children) at full effect",
            "4",
        ),
        field(
            "unit_name",
            Kind::Text,
            "what a unit is, in the plural",
            "\"beds\"",
        ),
        field(
            "cost_per_unit_per_week",
            Kind::Number,
            "pounds each unit saves a week",
            "3000",
        ),
        field(
            "cost_per_unit_per_year",
            Kind::Number,
            "pounds each unit saves a year",
            "50000",
        ),
        field(
            "occupancy_percent",
            Kind::Percent,
            "the share of the time a unit is in use (a bed occupied)",
            "90",
        ),
        field(
            "beneficiary",
            Kind::Text,
            "the organisation whose budget the saving lands in",
            "\"NHS\"",
        ),
    ],
    others: None,
};

static ADJUSTMENTS: Shape = Shape {
    fields: &[
        field(
            "contingency_percent",
            Kind::Percent,
            "an uplift on all investment",
            "10",
        ),
        field(
            "realisation_percent",
            Kind::Percent,
            "the share of all savings realised, on top of each line's own",
            "100",
        ),
    ],
    others: None,
};

static REFERRALS: Shape = Shape {
    fields: &[
        required(
            "delivery_start",
            Kind::Text,
            "the first month referrals fall",
            "\"2022-07\"",
        ),
        required(
            "baseline_referrals_per_year",
            Kind::Number,
            "accepted referrals a year before the proposal",
            "5402",
        ),
        required(
            "allocation_percent",
            Kind::Percent,
            "share of avoided referrals that become cases",
            "44",
        ),
        required(
            "cost_per_case_per_year",
            Kind::Number,
            "what an open case costs a year",
            "2500",
        ),
        required(
            "cases_per_cashable_step",
            Kind::Whole,
            "savings come in whole steps of this many cases",
            "10",
        ),
        field(
            "saving_cap_per_year",
            Kind::Number,
            "the most saved in a year",
            "400000",
        ),
        field(
            "case_duration_months",
            Kind::Whole,
            "months an avoided case would have stayed open",
            "24",
        ),
        field(
            "period",
            Kind::Tables(&PERIOD),
            "the planned reduction, period by period",
            "[[saving.referrals.period]]",
        ),
    ],
    others: None,
};

static PERIOD: Shape = Shape {
    fields: &[
        field(
            "label",
            Kind::Text,
            "how the report names the period",
            "\"2022/23\"",
        ),
        required(
            "monthly_profile",
            Kind::Numbers,
            "the printed monthly reductions (their shape)",
            "[10, 10, 12]",
        ),
        required("total", Kind::Number, "the period's total reduction", "32"),
    ],
    others: None,
};

static BUDGET: Shape = Shape {
    fields: &[
        required(
            "title",
            Kind::Text,
            "the table's title",
            "\"Council funding required\"",
        ),
        required(
            "total_label",
            Kind::Text,
            "the total row's label",
            "\"Council funding required\"",
        ),
        required(
            "rows",
            Kind::Tables(&BUDGET_ROW),
            "the table's rows",
            "[[budget.rows]]",
        ),
    ],
    others: None,
};

static BUDGET_ROW: Shape = Shape {
    fields: &[
        required(
            "id",
            Kind::Text,
            "a scheduled saving line's id, or a new row's id",
            "\"contingency\"",
        ),
        required(
            "label",
            Kind::Text,
            "the row's label",
            "\"Increase to general contingency\"",
        ),
        field(
            "per_year",
            Kind::Numbers,
            "an adjustment's pounds per plan year",
            "[750000, 750000]",
        ),
        field(
            "first_year",
            Kind::Text,
            "the financial year of the first amount",
            "\"2020/21\"",
        ),
    ],
    others: None,
};

static LEVER_TABLE: Kind = Kind::Table(&LEVER);

static ASSUMPTIONS: Shape = Shape {
    fields: &[],
    others: Some(&Kind::Setting),
};

static LEVERS: Shape = Shape {
    fields: &[],
    others: Some(&LEVER_TABLE),
};

static LEVER: Shape = Shape {
    fields: &[
        field("label", Kind::Text, "the slider's label", "\"Occupancy\""),
        field(
            "hint",
            Kind::Prose,
            "a sentence under the slider, in the report's words",
            "\"Share of nights a bed is filled.\"",
        ),
        field("min", Kind::Number, "the lowest value", "0"),
        field("max", Kind::Number, "the highest value", "100"),
        field("step", Kind::Number, "the slider's step", "5"),
        field(
            "group",
            Kind::Text,
            "\"main\" (always shown) or \"more\"",
            "\"main\"",
        ),
    ],
    others: None,
};

static FACT: Shape = Shape {
    fields: &[
        required(
            "label",
            Kind::Text,
            "what the figure is",
            "\"Children in care\"",
        ),
        required(
            "value",
            Kind::Text,
            "the figure as the report gives it",
            "\"410\"",
        ),
    ],
    others: None,
};

static NUMBERS: Kind = Kind::Numbers;

static PUBLISHED: Shape = Shape {
    fields: &[
        field(
            "source",
            Kind::Text,
            "where the printed figures are",
            "\"Appendix 3\"",
        ),
        field(
            "breakeven_month",
            Kind::Text,
            "the printed in-month breakeven",
            "\"2023-02\"",
        ),
        field(
            "payback_month",
            Kind::Text,
            "the printed payback month",
            "\"2023-12\"",
        ),
        field(
            "stated",
            Kind::Tables(&FACT),
            "other results stated in words",
            "[[published.stated]]",
        ),
        field(
            "inconsistencies",
            Kind::Texts,
            "where the print contradicts itself",
            "[\"...\"]",
        ),
        field(
            "monthly",
            Kind::Table(&MONTHLY),
            "printed series, one figure a month",
            "[published.monthly]",
        ),
        field(
            "yearly",
            Kind::Table(&YEARLY),
            "printed series, one figure a financial year",
            "[published.yearly]",
        ),
        field(
            "budget",
            Kind::Table(&PUBLISHED_BUDGET),
            "printed budget rows",
            "[published.budget]",
        ),
    ],
    others: None,
};

static MONTHLY: Shape = Shape {
    fields: &[],
    others: Some(&NUMBERS),
};

static YEARLY: Shape = Shape {
    fields: &[required(
        "years",
        Kind::Texts,
        "the financial years printed",
        "[\"2022/23\", \"2023/24\"]",
    )],
    others: Some(&NUMBERS),
};

static BUDGET_ROW_TABLE: Kind = Kind::Table(&PUBLISHED_BUDGET_ROW);

static PUBLISHED_BUDGET: Shape = Shape {
    fields: &[],
    others: Some(&BUDGET_ROW_TABLE),
};

static PUBLISHED_BUDGET_ROW: Shape = Shape {
    fields: &[
        required(
            "per_year",
            Kind::Numbers,
            "the printed figure of each plan year",
            "[153069, 156131]",
        ),
        required("total", Kind::Number, "the printed total", "309200"),
    ],
    others: None,
};

#[cfg(test)]
mod tests {
    use super::*;

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
