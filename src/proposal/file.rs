//! The proposal file format (TOML), as a council officer writes it: every table and key,
//! declared once. From each declaration come both the struct the reader reads the table into
//! and the shape the checker walks it against (each key's kind, whether it must be there, what
//! it means and an example, which `docs/proposal-file.md` documents), so the two cannot drift.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer};

use super::schema::{tables, Kind, Shape};

/// A number as written in the file: `7500`, `33333.33` or `"33333.33"`, read exactly.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub Decimal);

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Written {
            Whole(i64),
            Fraction(f64),
            Text(String),
        }
        let parsed = match Written::deserialize(deserializer)? {
            Written::Whole(value) => Ok(Decimal::from(value)),
            // The shortest text that reads back as the same float is what the officer wrote.
            Written::Fraction(value) if value.is_finite() => value.to_string().parse::<Decimal>(),
            Written::Fraction(value) => {
                return Err(serde::de::Error::custom(format!(
                    "{value} is not a usable number"
                )))
            }
            Written::Text(text) => text.trim().replace(',', "").parse::<Decimal>(),
        };
        parsed
            .map(Number)
            .map_err(|_| serde::de::Error::custom("expected a number such as 7500 or 44.5"))
    }
}

tables! {
    /// A whole proposal file.
    ProposalFile as ROOT {
        /// Version of this file format; 1 is the only one so far.
        format: u32 = required Whole, "the version of the file format", "1";
        id: String = required Text, "a short name for links (a-z, 0-9 and _)", "\"my_council\"";
        name: String = required Text, "the proposal's title", "\"Early help lead\"";
        council: String = required Text, "the organisation proposing it", "\"Any Council\"";
        summary: String = required Prose, "one paragraph in plain words", "\"\"\"...\"\"\"";
        source: String = optional Text,
            "the report, its date and where to find it",
            "\"Cabinet report, 1 April 2024\"";
        /// When the source report was published or dated ("2020-01-27").
        source_date: Option<String> = optional Text,
            "the date of the source report",
            "\"2020-01-27\"";
        /// Where the source report can be read (a web address).
        source_link: Option<String> = optional Text,
            "where the source report can be read",
            "\"https://democracy.example.gov.uk/report.pdf\"";
        /// What the starting values are: "published" (a report's figures, the default) or "example".
        starting_values: Option<String> = optional Text,
            "\"published\" or \"example\"",
            "\"published\"";
        timeline: TimelineFile = required Table(&TIMELINE),
            "when the cashflow starts and how long it runs",
            "[timeline] with start = \"2024-04\" and months = 60";
        investment: Vec<InvestmentFile> = optional Tables(&INVESTMENT),
            "the money going in, one [[investment]] a line",
            "[[investment]]";
        saving: Vec<SavingFile> = optional Tables(&SAVING),
            "the money coming back, one [[saving]] a line",
            "[[saving]]";
        repayment: Vec<RepaymentFile> = optional Tables(&REPAYMENT),
            "one organisation paying back another's investment out of its savings, one [[repayment]] each",
            "[[repayment]]";
        adjustments: Option<AdjustmentsFile> = optional Table(&ADJUSTMENTS),
            "a contingency on all investment and a realisation on all savings",
            "[adjustments]";
        optimism_bias: Option<OptimismBiasFile> = optional Table(&OPTIMISM_BIAS),
            "the Green Book's adjustment for optimism bias: an uplift on costs, a haircut on savings",
            "[optimism_bias]";
        after_plan_trend_percent: Option<Number> = optional Number,
            "how scheduled savings move after their last year",
            "0";
        budget: Option<BudgetFile> = optional Table(&BUDGET), "a council-funding table", "[budget]";
        levers: BTreeMap<String, LeverFile> = optional Table(&LEVERS),
            "how the page shows each assumption",
            "[levers.horizon]";
        /// Where sliders start when not at the file's own figures, by link key.
        assumptions: BTreeMap<String, Setting> = optional Table(&ASSUMPTIONS),
            "where each slider starts, when not at the file's own figures (keys as in a link)",
            "[assumptions]";
        facts: Vec<FactFile> = optional Tables(&FACT), "other figures from the report", "[[facts]]";
        published: Option<PublishedFile> = optional Table(&PUBLISHED),
            "the figures as printed",
            "[published]";
    }

    TimelineFile as TIMELINE {
        start: String = required Text, "the first month", "\"2024-04\"";
        months: u32 = required Whole, "how many months the cashflow runs (1 to 600)", "60";
        /// The month the proposal should have paid back by; the timeline's last month if left out.
        pay_back_by: Option<String> = optional Text,
            "the month it should have paid back by (the switching values' question; default the last month)",
            "\"2025-03\"";
    }

    InvestmentFile as INVESTMENT {
        id: String = required Text, "the line's short name for links", "\"capital\"";
        label: String = required Text, "what the page calls it", "\"New children's home\"";
        funder: String = required Text, "who pays", "\"Council\"";
        per_month: Option<Number> = optional Number, "pounds a month", "7500";
        from: Option<String> = optional Text, "the first month of a per_month line", "\"2024-04\"";
        after: Option<String> = optional Text, "the id of the line this one follows", "\"council\"";
        months: Option<u32> = optional Whole,
            "how many months a per_month line runs, or a total is spread over",
            "15";
        one_off: Option<Number> = optional Number, "a single payment, in pounds", "2000000";
        /// A whole amount spread over `months` months, to the penny.
        total: Option<Number> = optional Number,
            "a whole amount in pounds, spread over months from from (or after)",
            "2379000";
        month: Option<String> = optional Text, "the month of a one_off payment", "\"2024-04\"";
        first_year: Option<String> = optional Text,
            "the financial year of the first per_year amount",
            "\"2024/25\"";
        per_year: Option<Vec<Number>> = optional Numbers,
            "pounds per financial year",
            "[150000, 160000]";
        /// This line's uplift for optimism bias, in place of `[optimism_bias] costs_percent`.
        optimism_bias_percent: Option<Number> = optional Number,
            "this line's uplift for optimism bias (0 to 200), in place of the proposal's",
            "24";
        /// "capital" or "running"; a one_off line is capital, any other a running cost.
        cost: Option<String> = optional Text,
            "\"capital\" (one-off, on something that lasts) or \"running\" (staff, a service)",
            "\"capital\"";
    }

    SavingFile as SAVING {
        id: String = required Text, "the line's short name for links", "\"placements\"";
        label: String = required Text, "what the page calls it", "\"Placements avoided\"";
        realisation_percent: Option<Number> = optional Percent,
            "the share of the forecast saving realised",
            "100";
        referrals: Option<ReferralsFile> = optional Table(&REFERRALS),
            "the referral-reduction driver",
            "[saving.referrals]";
        first_year: Option<String> = optional Text,
            "the financial year of the first per_year amount",
            "\"2024/25\"";
        per_year: Option<Vec<Number>> = optional Numbers,
            "pounds saved per financial year",
            "[100000, 200000]";
        change_per_year: Option<Vec<Number>> = optional Numbers,
            "the year-on-year change in pounds saved",
            "[100000, 50000]";
        amount_per_year: Option<Number> = optional Number,
            "pounds saved a year at full rate",
            "250000";
        from: Option<String> = optional Text, "the first month of the saving", "\"2024-04\"";
        ramp_months: Option<u32> = optional Whole, "months to reach the full saving", "6";
        /// A unit-cost saving: how many (children, cases), what they are called, and what each saves.
        units: Option<Number> = optional Number,
            "how many units (beds, children) at full effect",
            "4";
        unit_name: Option<String> = optional Text, "what a unit is, in the plural", "\"beds\"";
        cost_per_unit_per_week: Option<Number> = optional Number,
            "pounds each unit saves a week",
            "3000";
        cost_per_unit_per_year: Option<Number> = optional Number,
            "pounds each unit saves a year",
            "50000";
        /// Share of the time a unit is in use (a bed occupied), in percent.
        occupancy_percent: Option<Number> = optional Percent,
            "the share of the time a unit is in use (a bed occupied)",
            "90";
        /// The organisation the saving lands with; the council when not given.
        beneficiary: Option<String> = optional Text,
            "the organisation whose budget the saving lands in",
            "\"NHS\"";
        /// This line's haircut for optimism bias, in place of `[optimism_bias] savings_percent`.
        optimism_bias_percent: Option<Number> = optional Percent,
            "this line's haircut for optimism bias, in place of the proposal's",
            "15";
    }

    /// One organisation repaying another's investment out of the savings that land with it.
    RepaymentFile as REPAYMENT {
        id: String = required Text, "the repayment's short name for links", "\"repay_council\"";
        label: String = required Text, "what the page calls it", "\"The Trust repays the council\"";
        payer: String = required Text,
            "the organisation that repays, a beneficiary of savings",
            "\"Trust\"";
        to: String = required Text, "the funder it repays", "\"Council\"";
        /// The funder's investment lines it repays, by id; all of the funder's when left out.
        investments: Option<Vec<String>> = optional Texts,
            "the ids of the funder's investment lines it repays (default: all of them)",
            "[\"council\"]";
        share_percent: Option<Number> = optional Percent,
            "the share of the payer's savings repaid each month (default 100)",
            "50";
        /// "savings" (the default) or "savings_after_own_investment".
        out_of: Option<String> = optional Text,
            "what the share is of: \"savings\" (default), or \"savings_after_own_investment\" when the payer first meets its own investment of the month",
            "\"savings_after_own_investment\"";
        from: Option<String> = optional Text,
            "the first month it may repay (default: as soon as savings arrive)",
            "\"2023-04\"";
        per_month_at_most: Option<Number> = optional Number,
            "the most repaid in a month, in pounds",
            "5000";
        over_months: Option<u32> = optional Whole,
            "repaid in this many equal monthly instalments, as the savings allow",
            "24";
        cap: Option<Number> = optional Number,
            "the most repaid in all, in pounds (default: the whole investment)",
            "100000";
        repaid_by: Option<String> = optional Text,
            "the month the funder expects its money back by (default: the month to pay back by)",
            "\"2023-12\"";
        source: Option<String> = optional Prose,
            "where the terms come from, in the report's words",
            "\"Fully paid back by December 2023\"";
    }

    /// Adjustments on the whole proposal.
    AdjustmentsFile as ADJUSTMENTS {
        /// An uplift on all investment, in percent.
        contingency_percent: Option<Number> = optional Percent, "an uplift on all investment", "10";
        /// The share of all savings realised, on top of each line's own, in percent.
        realisation_percent: Option<Number> = optional Percent,
            "the share of all savings realised, on top of each line's own",
            "100";
    }

    /// HM Treasury's Green Book correction for optimism bias, on every line without its own.
    OptimismBiasFile as OPTIMISM_BIAS {
        /// Added to every investment, in percent of it.
        costs_percent: Option<Number> = optional Number,
            "an uplift on every investment for optimism bias (0 to 200)",
            "24";
        /// Taken off every saving, in percent of it.
        savings_percent: Option<Number> = optional Percent,
            "a haircut on every saving for optimism bias",
            "15";
        /// Where the percentages come from, for the reader.
        source: Option<String> = optional Prose,
            "where the percentages come from",
            "\"Green Book supplementary guidance: optimism bias, standard buildings\"";
    }

    ReferralsFile as REFERRALS {
        delivery_start: String = required Text, "the first month referrals fall", "\"2022-07\"";
        baseline_referrals_per_year: Number = required Number,
            "accepted referrals a year before the proposal",
            "5402";
        allocation_percent: Number = required Percent,
            "share of avoided referrals that become cases",
            "44";
        cost_per_case_per_year: Number = required Number, "what an open case costs a year", "2500";
        cases_per_cashable_step: u32 = required Whole,
            "savings come in whole steps of this many cases",
            "10";
        saving_cap_per_year: Option<Number> = optional Number, "the most saved in a year", "400000";
        case_duration_months: Option<u32> = optional Whole,
            "months an avoided case would have stayed open",
            "24";
        period: Vec<PeriodFile> = optional Tables(&PERIOD),
            "the planned reduction, period by period",
            "[[saving.referrals.period]]";
    }

    PeriodFile as PERIOD {
        label: String = optional Text, "how the report names the period", "\"2022/23\"";
        monthly_profile: Vec<Number> = required Numbers,
            "the printed monthly reductions (their shape)",
            "[10, 10, 12]";
        total: Number = required Number, "the period's total reduction", "32";
    }

    BudgetFile as BUDGET {
        title: String = required Text, "the table's title", "\"Council funding required\"";
        total_label: String = required Text,
            "the total row's label",
            "\"Council funding required\"";
        rows: Vec<BudgetRowFile> = required Tables(&BUDGET_ROW),
            "the table's rows",
            "[[budget.rows]]";
    }

    BudgetRowFile as BUDGET_ROW {
        /// A scheduled saving line's id, or the id of a new adjustment row.
        id: String = required Text,
            "a scheduled saving line's id, or a new row's id",
            "\"contingency\"";
        label: String = required Text, "the row's label", "\"Increase to general contingency\"";
        /// Only for adjustments: their amounts per plan year, from the first plan year.
        per_year: Option<Vec<Number>> = optional Numbers,
            "an adjustment's pounds per plan year",
            "[750000, 750000]";
        first_year: Option<String> = optional Text,
            "the financial year of the first amount",
            "\"2020/21\"";
    }

    /// Overrides for a lever's presentation and range.
    #[derive(Default)]
    LeverFile as LEVER {
        label: Option<String> = optional Text, "the slider's label", "\"Occupancy\"";
        hint: Option<String> = optional Prose,
            "a sentence under the slider, in the report's words",
            "\"Share of nights a bed is filled.\"";
        min: Option<Number> = optional Number, "the lowest value", "0";
        max: Option<Number> = optional Number, "the highest value", "100";
        step: Option<Number> = optional Number, "the slider's step", "5";
        /// "main" (always shown) or "more" (under "more assumptions").
        group: Option<String> = optional Text, "\"main\" (always shown) or \"more\"", "\"main\"";
        /// The lever's plausible low: where the sensitivity table moves it down to and the
        /// uncertainty run's lowest draw, in place of 20% below its value.
        low: Option<Number> = optional Number,
            "its plausible low (sensitivity and uncertainty), in place of 20% below",
            "30";
        /// The lever's plausible high, in place of 20% above its value.
        high: Option<Number> = optional Number,
            "its plausible high (sensitivity and uncertainty), in place of 20% above",
            "60";
        /// How the uncertainty run draws the lever between its low and high.
        distribution: Option<String> = optional Text,
            "\"triangular\" (likeliest at the lever's value) or \"uniform\"",
            "\"uniform\"";
    }

    FactFile as FACT {
        label: String = required Text, "what the figure is", "\"Children in care\"";
        value: String = required Text, "the figure as the report gives it", "\"410\"";
    }

    #[derive(Default)]
    PublishedFile as PUBLISHED {
        source: String = optional Text, "where the printed figures are", "\"Appendix 3\"";
        breakeven_month: Option<String> = optional Text,
            "the printed in-month breakeven",
            "\"2023-02\"";
        payback_month: Option<String> = optional Text, "the printed payback month", "\"2023-12\"";
        payback_years: Option<Number> = optional Number,
            "the printed payback period in years, from the timeline's first month",
            "4.1";
        stated: Vec<FactFile> = optional Tables(&FACT),
            "other results stated in words",
            "[[published.stated]]";
        inconsistencies: Vec<String> = optional Texts,
            "where the print contradicts itself",
            "[\"...\"]";
        /// Series by name ("saving", "cumulative", ...), one value per month from the timeline start.
        monthly: BTreeMap<String, Vec<Number>> = optional Table(&MONTHLY),
            "printed series, one figure a month",
            "[published.monthly]";
        yearly: Option<PublishedYearsFile> = optional Table(&YEARLY),
            "printed series, one figure a financial year",
            "[published.yearly]";
        /// Budget rows by id, per plan year and total.
        budget: BTreeMap<String, PublishedBudgetRowFile> = optional Table(&PUBLISHED_BUDGET),
            "printed budget rows",
            "[published.budget]";
    }

    PublishedYearsFile as YEARLY, others series: BTreeMap<String, Vec<Number>> = Numbers {
        years: Vec<String> = required Texts,
            "the financial years printed",
            "[\"2022/23\", \"2023/24\"]";
    }

    PublishedBudgetRowFile as PUBLISHED_BUDGET_ROW {
        per_year: Vec<Number> = required Numbers,
            "the printed figure of each plan year",
            "[153069, 156131]";
        total: Number = required Number, "the printed total", "309200";
    }
}

// Tables of named entries (levers by key, assumptions, printed series): any key, one kind.

pub static LEVER_TABLE: Kind = Kind::Table(&LEVER);

pub static ASSUMPTIONS: Shape = Shape {
    fields: &[],
    others: Some(&Kind::Setting),
};

pub static LEVERS: Shape = Shape {
    fields: &[],
    others: Some(&LEVER_TABLE),
};

pub static NUMBERS: Kind = Kind::Numbers;

pub static MONTHLY: Shape = Shape {
    fields: &[],
    others: Some(&NUMBERS),
};

pub static BUDGET_ROW_TABLE: Kind = Kind::Table(&PUBLISHED_BUDGET_ROW);

pub static PUBLISHED_BUDGET: Shape = Shape {
    fields: &[],
    others: Some(&BUDGET_ROW_TABLE),
};

/// An assumption's value as written: a number, or text (a month, "none", "44%").
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Setting {
    Number(Number),
    Text(String),
}

impl Setting {
    /// The value as a link would write it, for the lever to read.
    pub fn text(&self) -> String {
        match self {
            Setting::Number(number) => number.0.normalize().to_string(),
            Setting::Text(text) => text.clone(),
        }
    }
}
