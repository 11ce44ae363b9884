//! What a scenario is: a timeline, the money going in and the savings coming out.
//!
//! A scenario is plain data. Presets and councils' own proposals are read into it from TOML files
//! (`crate::proposal`), and the levers (`crate::levers`) change its values; the engine
//! (`crate::model::cashflow`) only reads it.

use rust_decimal::Decimal;

use super::month::{FinancialYear, YearMonth};
use super::repayment::Repayment;

/// HM Treasury's Green Book real discount rate for the first 30 years, in percent.
pub const GREEN_BOOK_RATE_PERCENT: Decimal = Decimal::from_parts(35, 0, 0, false, 1);

/// The largest uplift on costs for optimism bias, in percent: the Green Book's highest upper
/// bound (equipment and development projects).
pub const MAX_COST_UPLIFT_PERCENT: Decimal = Decimal::from_parts(200, 0, 0, false, 0);

/// Longest horizon a scenario may have: 50 years of months.
pub const MAX_HORIZON_MONTHS: u32 = 600;

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// First month of the cashflow.
    pub start: YearMonth,
    /// Number of months the cashflow runs for (the horizon).
    pub horizon_months: u32,
    /// The month the proposal is asked to have paid back by: the question the switching values
    /// answer. The model itself does not read it.
    pub pay_back_by: YearMonth,
    /// The real annual rate future money is discounted at for years 1 to 30, in percent (the
    /// Green Book's schedule after). The model itself does not read it.
    pub discount_rate_percent: Decimal,
    pub investments: Vec<InvestmentLine>,
    pub savings: Vec<SavingLine>,
    /// How scheduled savings move after their last planned year, as a percentage of their last
    /// planned year-on-year change: 0 holds them at the last level, 100 carries the trend on.
    pub after_plan_trend_percent: Decimal,
    /// A council-funding view of annual budget changes (Trafford's summary table), if the
    /// proposal has one.
    pub budget: Option<BudgetView>,
    /// The Green Book's adjustment for optimism bias on every line without one of its own.
    pub optimism_bias: OptimismBias,
    /// Organisations paying back others' investment out of their savings.
    pub repayments: Vec<Repayment>,
}

impl Scenario {
    pub fn months(&self) -> impl Iterator<Item = YearMonth> + '_ {
        (0..self.horizon_months as i32).map(|offset| self.start.plus_months(offset))
    }

    /// The horizon's last month.
    pub fn last_month(&self) -> YearMonth {
        self.start
            .plus_months(self.horizon_months.max(1) as i32 - 1)
    }

    /// The month to pay back by, on the timeline: a month after the horizon's end asks for
    /// payback by its end, one before the start by the start.
    pub fn target_month(&self) -> YearMonth {
        self.pay_back_by.min(self.last_month()).max(self.start)
    }

    /// The month the funder of the repayment at `index` expects its money back by (its
    /// `repaid_by`, else the month to pay back by), taken as the horizon's first or last month
    /// when outside it.
    pub fn repaid_by(&self, index: usize) -> Option<YearMonth> {
        let repayment = self.repayments.get(index)?;
        Some(
            repayment
                .repaid_by
                .unwrap_or(self.pay_back_by)
                .min(self.last_month())
                .max(self.start),
        )
    }

    pub fn referral_driver(&self) -> Option<&ReferralDriver> {
        self.savings.iter().find_map(|line| match &line.driver {
            SavingDriver::Referrals(driver) => Some(driver),
            _ => None,
        })
    }

    pub fn referral_driver_mut(&mut self) -> Option<&mut ReferralDriver> {
        self.savings
            .iter_mut()
            .find_map(|line| match &mut line.driver {
                SavingDriver::Referrals(driver) => Some(driver),
                _ => None,
            })
    }

    /// Whether any optimism bias is applied, on the proposal or on a line of its own.
    pub fn has_optimism_bias(&self) -> bool {
        let nonzero = |percent: Option<Decimal>| percent.is_some_and(|p| !p.is_zero());
        !self.optimism_bias.is_none()
            || self
                .investments
                .iter()
                .any(|l| nonzero(l.optimism_bias_percent))
            || self
                .savings
                .iter()
                .any(|l| nonzero(l.optimism_bias_percent))
    }

    /// The same scenario with no optimism bias anywhere: the cash figures as the proposal
    /// states them, shown beside the adjusted ones.
    pub fn without_optimism_bias(&self) -> Scenario {
        let mut plain = self.clone();
        plain.optimism_bias = OptimismBias::NONE;
        for line in &mut plain.investments {
            line.optimism_bias_percent = line.optimism_bias_percent.map(|_| Decimal::ZERO);
        }
        for line in &mut plain.savings {
            line.optimism_bias_percent = line.optimism_bias_percent.map(|_| Decimal::ZERO);
        }
        plain
    }

    /// The uplift on an investment line's amounts for optimism bias, in percent: the line's
    /// own, or else the proposal's.
    pub fn cost_uplift_percent(&self, line: &InvestmentLine) -> Decimal {
        line.optimism_bias_percent
            .unwrap_or(self.optimism_bias.costs_uplift_percent)
    }

    /// The haircut on a saving line for optimism bias, in percent: the line's own, or else the
    /// proposal's.
    pub fn saving_haircut_percent(&self, line: &SavingLine) -> Decimal {
        line.optimism_bias_percent
            .unwrap_or(self.optimism_bias.savings_haircut_percent)
    }

    /// Funders in the order they first appear.
    pub fn funders(&self) -> Vec<String> {
        let mut funders: Vec<String> = Vec::new();
        for line in &self.investments {
            if !funders.contains(&line.funder) {
                funders.push(line.funder.clone());
            }
        }
        funders
    }
}

/// Money going in: who pays, how much, when.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct InvestmentLine {
    /// Short, URL-safe name used in links ("council").
    pub id: String,
    pub label: String,
    pub funder: String,
    pub amounts: InvestmentAmounts,
    /// An uplift on every amount of the line, in percent (the proposal's contingency, from its
    /// `[adjustments]`; 0 = none).
    pub contingency_percent: Decimal,
    /// The line's own uplift for optimism bias, in percent, in place of the proposal's; `None`
    /// when the line takes the proposal's.
    pub optimism_bias_percent: Option<Decimal>,
    /// Whether the line is capital, spent once on something that lasts, or a running cost,
    /// spent month after month: business cases report the two apart.
    pub cost: CostKind,
}

/// Capital (one-off spending on something that lasts: a building, a system) or a running cost
/// (staff, a service, month after month).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostKind {
    Capital,
    Running,
}

impl CostKind {
    /// The kind a line is unless its file says: a one-off payment is capital, money every month
    /// or every year is a running cost.
    pub fn of(amounts: &InvestmentAmounts) -> CostKind {
        match amounts {
            InvestmentAmounts::OneOff { .. } => CostKind::Capital,
            InvestmentAmounts::Monthly { .. }
            | InvestmentAmounts::Spread { .. }
            | InvestmentAmounts::PerYear(_) => CostKind::Running,
        }
    }

    /// As a proposal file and the JSON write it: "capital" or "running".
    pub fn name(self) -> &'static str {
        match self {
            CostKind::Capital => "capital",
            CostKind::Running => "running",
        }
    }

    pub fn from_name(name: &str) -> Option<CostKind> {
        [CostKind::Capital, CostKind::Running]
            .into_iter()
            .find(|kind| kind.name() == name)
    }
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum InvestmentAmounts {
    /// The same amount every month, from a month, for a number of months (or to the horizon).
    Monthly {
        per_month: Decimal,
        from: MonthRef,
        months: Option<u32>,
    },
    /// A single payment in one month (a capital investment, say).
    OneOff { amount: Decimal, month: YearMonth },
    /// A total spread over a number of months from a month ("£2.379m over 18 months"), to the
    /// penny: each month gets the total divided by the months, rounded towards nought to the
    /// penny, and the first months a penny more each until the months add up to the total
    /// exactly (see `spread_month`).
    Spread {
        total: Decimal,
        from: MonthRef,
        months: u32,
    },
    /// Amounts per financial year, each spread evenly over that year's months.
    PerYear(Schedule),
}

/// When a monthly line starts: a fixed month, or straight after another line stops (the Trust
/// takes over when the council's funding ends).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum MonthRef {
    Month(YearMonth),
    After(String),
}

/// Annual amounts, one per financial year from `first_year`. After the last year the amount
/// holds at the last year's level (and, for savings, follows the after-plan trend).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Schedule {
    pub first_year: FinancialYear,
    pub amounts_per_year: Vec<Decimal>,
    /// Scales every amount: 100 is the plan as published.
    pub scale_percent: Decimal,
}

impl Schedule {
    pub fn last_year(&self) -> FinancialYear {
        FinancialYear {
            start_year: self.first_year.start_year + self.amounts_per_year.len() as i32 - 1,
        }
    }
}

/// Money coming back.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct SavingLine {
    pub id: String,
    pub label: String,
    pub driver: SavingDriver,
    /// Share of the forecast saving that is realised, in percent (100 = as forecast).
    pub realisation_percent: Decimal,
    /// The proposal-wide realisation (its `[adjustments]`), in percent, on top of the line's own.
    pub proposal_realisation_percent: Decimal,
    /// The organisation whose budget the saving lands in ("Council", "NHS", ...).
    pub beneficiary: String,
    /// The line's own haircut for optimism bias, in percent, in place of the proposal's;
    /// `None` when the line takes the proposal's.
    pub optimism_bias_percent: Option<Decimal>,
}

/// HM Treasury's Green Book asks every appraisal to correct for optimism bias, the proven
/// tendency of business cases to understate costs and overstate benefits: costs are raised and
/// benefits lowered by a percentage. Both 0 unless a proposal file says otherwise (see
/// `docs/proposal-file.md` for where percentages come from).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct OptimismBias {
    /// Added to every investment, in percent of it (24 = costs 24% higher than stated).
    pub costs_uplift_percent: Decimal,
    /// Taken off every saving, in percent of it (10 = savings 10% lower than stated).
    pub savings_haircut_percent: Decimal,
}

impl OptimismBias {
    pub const NONE: OptimismBias = OptimismBias {
        costs_uplift_percent: Decimal::ZERO,
        savings_haircut_percent: Decimal::ZERO,
    };

    pub fn is_none(&self) -> bool {
        self.costs_uplift_percent.is_zero() && self.savings_haircut_percent.is_zero()
    }
}

impl Default for OptimismBias {
    fn default() -> Self {
        OptimismBias::NONE
    }
}

/// Adjustments on the whole proposal: an uplift on all investment and a realisation on all
/// savings. The scenario carries them on each line; the proposal keeps the published values.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Adjustments {
    pub contingency_percent: Decimal,
    pub realisation_percent: Decimal,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum SavingDriver {
    /// Fewer accepted referrals, so fewer open cases (Sandwell).
    Referrals(ReferralDriver),
    /// Annual amounts from a published plan (Trafford's benefits).
    Scheduled(Schedule),
    /// A flat annual saving from a month, reaching full rate after a ramp.
    Recurring {
        per_year: Decimal,
        from: YearMonth,
        ramp_months: u32,
    },
    /// A number of units (children kept out of care, cases avoided) each saving a unit cost,
    /// from a month, reaching full effect after a ramp.
    UnitCost(UnitCost),
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct UnitCost {
    pub units: Decimal,
    /// What a unit is, in the plural, for labels ("children").
    pub unit_name: String,
    pub cost_per_unit: Decimal,
    pub cost_period: CostPeriod,
    pub from: YearMonth,
    pub ramp_months: u32,
    /// Share of the time a unit is in use (a bed occupied), in percent; `None` when the
    /// proposal does not say (the full saving).
    pub occupancy_percent: Option<Decimal>,
}

/// What a unit cost is quoted per: reports quote placements by the week, cases by the year.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum CostPeriod {
    Week,
    Year,
}

impl UnitCost {
    /// The saving a year at full effect: a week's cost counts 52 times, and only the share of
    /// the time a unit is in use counts (4 beds x £3,000 a week x 52 x 90% = £561,600).
    pub fn per_year(&self) -> Decimal {
        let periods = match self.cost_period {
            CostPeriod::Week => Decimal::from(52),
            CostPeriod::Year => Decimal::ONE,
        };
        let full = self.units * self.cost_per_unit * periods;
        match self.occupancy_percent {
            Some(occupancy) => full * occupancy / Decimal::ONE_HUNDRED,
            None => full,
        }
    }
}

/// The referral-reduction mechanism (models.md section 2).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ReferralDriver {
    /// First month in which referrals fall.
    pub delivery_start: YearMonth,
    /// Accepted referrals a year before the proposal: context for the reader, not used in sums.
    pub baseline_referrals_per_year: Decimal,
    /// The planned reduction, period by period from the delivery start.
    pub periods: Vec<ReductionPeriod>,
    /// Scales the whole planned reduction: 100 is the plan.
    pub reduction_percent_of_plan: Decimal,
    /// Share of avoided referrals that would have become Child in Need or Child Protection cases.
    pub allocation_percent: Decimal,
    pub cost_per_case_per_year: Decimal,
    /// Savings are cashable only in whole steps of this many cases (1 = every case).
    pub cases_per_cashable_step: u32,
    /// Most that can be saved in a year; `None` = no cap.
    pub saving_cap_per_year: Option<Decimal>,
    /// Months an avoided case would have stayed open; `None` = cases accumulate.
    pub case_duration_months: Option<u32>,
}

/// A stretch of months whose reductions follow `monthly_profile` in shape and add up to
/// `total_reduction` (the printed months are rounded; the annual totals drive the model).
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct ReductionPeriod {
    /// How the report names the period ("2022/23").
    pub label: String,
    pub monthly_profile: Vec<Decimal>,
    pub total_reduction: Decimal,
}

/// How the proposal changes the council's annual budget over its plan years.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct BudgetView {
    pub title: String,
    /// Rows after "year on year investment", in printed order, each a saving line's change in
    /// level or an adjustment.
    pub rows: Vec<BudgetRowSource>,
    pub total_label: String,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub enum BudgetRowSource {
    /// The year-on-year change of a scheduled saving line, as a reduction in funding required.
    SavingChange { line_id: String, label: String },
    /// A funding item that is not programme cash (existing budget, a contingency).
    Adjustment {
        id: String,
        label: String,
        schedule: Schedule,
    },
}
