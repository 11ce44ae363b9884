//! Levers: the assumptions a reader can move, found from the shape of a proposal's scenario.
//! Each has a key (used in links), a unit, a range and a hint; the proposal file can override
//! the words and the range. This layer sits directly above the model, and every front (the link
//! codec, the proposal file's checker, the page, `calc`) reads the levers from here.

mod catalogue;
mod parse;
mod place;
mod value;

use rust_decimal::Decimal;

use crate::model::month::YearMonth;

pub use catalogue::catalogue;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Percent,
    Pounds,
    PoundsPerMonth,
    PoundsPerYear,
    PoundsPerWeek,
    Cases,
    /// A number of children, families or the like, named by the proposal.
    Count,
    Months,
    Month,
}

impl Unit {
    /// Counts of cases and months are whole numbers; money and percentages keep two decimals.
    pub fn decimal_places(self) -> u32 {
        match self {
            Unit::Cases | Unit::Count | Unit::Months | Unit::Month => 0,
            Unit::Percent
            | Unit::Pounds
            | Unit::PoundsPerMonth
            | Unit::PoundsPerYear
            | Unit::PoundsPerWeek => 2,
        }
    }

    /// What a screen reader and the page say after the number.
    pub fn suffix(self) -> &'static str {
        match self {
            Unit::Percent => "%",
            Unit::Pounds => "",
            Unit::PoundsPerMonth => "a month",
            Unit::PoundsPerYear => "a year",
            Unit::PoundsPerWeek => "a week",
            Unit::Cases => "cases",
            Unit::Count => "",
            Unit::Months => "months",
            Unit::Month => "",
        }
    }

    pub fn is_money(self) -> bool {
        matches!(
            self,
            Unit::Pounds | Unit::PoundsPerMonth | Unit::PoundsPerYear | Unit::PoundsPerWeek
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LeverValue {
    Number(Decimal),
    Month(YearMonth),
    /// "none": no cap, no case duration.
    Off,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Range {
    Number {
        min: Decimal,
        max: Decimal,
        step: Decimal,
    },
    Month {
        earliest: YearMonth,
        latest: YearMonth,
    },
}

/// Which value in the scenario a lever moves; a line's by its place in the scenario's
/// investments, savings or budget rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Horizon,
    /// The month the switching values ask the proposal to have paid back by.
    PayBackBy,
    /// The annual rate the net present value is discounted at.
    DiscountRate,
    AfterPlanTrend,
    Reduction,
    Allocation,
    CostPerCase,
    Step,
    Cap,
    Duration,
    DeliveryStart,
    InvestmentPerMonth(usize),
    InvestmentMonths(usize),
    InvestmentFrom(usize),
    OneOffAmount(usize),
    OneOffMonth(usize),
    /// The total of a line that spreads a total over its months.
    InvestmentTotal(usize),
    InvestmentScale(usize),
    SavingRealisation(usize),
    SavingPerYear(usize),
    SavingFrom(usize),
    SavingRamp(usize),
    Units(usize),
    UnitCostAmount(usize),
    Occupancy(usize),
    AdjustmentScale(usize),
    Contingency,
    Realisation,
    /// The proposal's uplift on costs for optimism bias.
    OptimismCosts,
    /// The proposal's haircut on savings for optimism bias.
    OptimismSavings,
    /// An investment line's own uplift for optimism bias.
    InvestmentOptimism(usize),
    /// A saving line's own haircut for optimism bias.
    SavingOptimism(usize),
    /// A repayment's share of the payer's savings, by its place in the scenario's repayments.
    RepaymentShare(usize),
    /// The most a repayment repays in a month ("none" for no such limit).
    RepaymentPerMonth(usize),
    /// The first month a repayment may be made.
    RepaymentFrom(usize),
    /// The number of instalments a repayment is made in, where its file gives one.
    RepaymentOverMonths(usize),
    /// The most a repayment repays in all, where its file gives one.
    RepaymentCap(usize),
}

impl Target {
    /// The horizon, the month to pay back by and the discount rate: they change what is asked of
    /// the cashflow, not the proposal, so the analyses that move one lever at a time leave them
    /// out.
    pub fn frames_the_question(self) -> bool {
        matches!(
            self,
            Target::Horizon | Target::PayBackBy | Target::DiscountRate
        )
    }

    /// Whether the lever is a term of a repayment between organisations, which moves money
    /// from one to another and never changes the proposal's own figures.
    pub fn is_repayment_term(self) -> bool {
        self.repayment().is_some()
    }

    /// The repayment whose term the lever is, by its place in the scenario's repayments.
    pub fn repayment(self) -> Option<usize> {
        match self {
            Target::RepaymentShare(index)
            | Target::RepaymentPerMonth(index)
            | Target::RepaymentFrom(index)
            | Target::RepaymentOverMonths(index)
            | Target::RepaymentCap(index) => Some(index),
            Target::Horizon
            | Target::PayBackBy
            | Target::DiscountRate
            | Target::AfterPlanTrend
            | Target::Reduction
            | Target::Allocation
            | Target::CostPerCase
            | Target::Step
            | Target::Cap
            | Target::Duration
            | Target::DeliveryStart
            | Target::InvestmentPerMonth(_)
            | Target::InvestmentMonths(_)
            | Target::InvestmentFrom(_)
            | Target::InvestmentTotal(_)
            | Target::OneOffAmount(_)
            | Target::OneOffMonth(_)
            | Target::InvestmentScale(_)
            | Target::SavingRealisation(_)
            | Target::SavingPerYear(_)
            | Target::SavingFrom(_)
            | Target::SavingRamp(_)
            | Target::Units(_)
            | Target::UnitCostAmount(_)
            | Target::Occupancy(_)
            | Target::AdjustmentScale(_)
            | Target::Contingency
            | Target::Realisation
            | Target::OptimismCosts
            | Target::OptimismSavings
            | Target::InvestmentOptimism(_)
            | Target::SavingOptimism(_) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lever {
    /// The link key, e.g. "allocation" or "council.months".
    pub key: String,
    pub label: String,
    pub hint: String,
    pub unit: Unit,
    pub range: Range,
    /// Whether "none" is a value (no cap, no duration).
    pub can_be_off: bool,
    /// Shown under "more assumptions" rather than at the top.
    pub more: bool,
    /// The value in the proposal as published.
    pub published: LeverValue,
    /// Where the sensitivity table moves it down and up to, when the proposal file says
    /// (`[levers.KEY] low` and `high`); otherwise a share of its value.
    pub sensitivity_low: Option<Decimal>,
    pub sensitivity_high: Option<Decimal>,
    /// How the uncertainty run draws it between those ends.
    pub distribution: Distribution,
    pub(super) target: Target,
}

/// How the uncertainty run draws a lever's value between its plausible low and high.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Distribution {
    /// Most likely at the lever's value, less likely towards either end, never beyond them.
    #[default]
    Triangular,
    /// Any value between the ends as likely as any other: when nothing says which is likelier.
    Uniform,
}

impl Distribution {
    pub const ALL: [Distribution; 2] = [Distribution::Triangular, Distribution::Uniform];

    /// Its name in a proposal file and in exports.
    pub fn name(self) -> &'static str {
        match self {
            Distribution::Triangular => "triangular",
            Distribution::Uniform => "uniform",
        }
    }

    pub fn from_name(name: &str) -> Option<Distribution> {
        Distribution::ALL.into_iter().find(|d| d.name() == name)
    }
}

/// How a proposal file presents a lever (its `[levers."key"]` table); anything unset falls
/// back to the lever's default.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Default, PartialEq, Eq)]
pub struct LeverSettings {
    pub label: Option<String>,
    pub hint: Option<String>,
    pub min: Option<Decimal>,
    pub max: Option<Decimal>,
    pub step: Option<Decimal>,
    pub more: Option<bool>,
    /// Where the sensitivity table moves the lever down and up to, in place of a share of its
    /// value.
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
    pub distribution: Option<Distribution>,
}

impl Lever {
    /// Which value in the scenario the lever moves.
    pub fn target(&self) -> Target {
        self.target
    }

    /// The decimal places the lever's values are held and shown with: its unit's, or more for a
    /// count whose slider moves in fractions (a step of 0.01 children keeps two places).
    pub fn decimal_places(&self) -> u32 {
        match self.range {
            Range::Number { step, .. } => places_for(self.unit, step),
            Range::Month { .. } => self.unit.decimal_places(),
        }
    }
}

/// The decimal places of a lever of `unit` whose slider moves by `step`: the unit's, except that
/// a count moving in fractions keeps the step's places (at most four).
fn places_for(unit: Unit, step: Decimal) -> u32 {
    match unit {
        Unit::Count => step.normalize().scale().min(4),
        Unit::Percent
        | Unit::Pounds
        | Unit::PoundsPerMonth
        | Unit::PoundsPerYear
        | Unit::PoundsPerWeek
        | Unit::Cases
        | Unit::Months
        | Unit::Month => unit.decimal_places(),
    }
}

/// A whole count as a decimal, for a lever's value.
fn number(value: impl Into<Decimal>) -> Decimal {
    value.into()
}
