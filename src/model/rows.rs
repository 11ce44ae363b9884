//! The rows of a cashflow: the money of a month or of a financial year. The budget view is
//! built from them as well as the cashflow, so they sit apart from the engine that fills them.

use rust_decimal::Decimal;

use super::month::{FinancialYear, YearMonth};
use super::referrals::ReferralMonth;

/// The money of one period (a month or a financial year).
#[derive(Debug, Clone, PartialEq)]
pub struct Flows {
    /// Indexed like `Cashflow::funders`. Investment is a positive amount of money spent.
    pub investment_by_funder: Vec<Decimal>,
    pub investment: Decimal,
    /// Indexed like the scenario's saving lines, after realisation.
    pub saving_by_line: Vec<Decimal>,
    pub saving: Decimal,
    /// Saving less investment.
    pub net: Decimal,
    /// Running sum of net from the first month to the end of this period.
    pub cumulative: Decimal,
}

impl Flows {
    pub(super) fn zero(funder_count: usize, saving_count: usize) -> Self {
        Flows {
            investment_by_funder: vec![Decimal::ZERO; funder_count],
            investment: Decimal::ZERO,
            saving_by_line: vec![Decimal::ZERO; saving_count],
            saving: Decimal::ZERO,
            net: Decimal::ZERO,
            cumulative: Decimal::ZERO,
        }
    }

    /// Adds a later period's flows to this one; the cumulative becomes the later one's.
    pub(super) fn add(&mut self, later: &Flows) {
        for (total, amount) in self
            .investment_by_funder
            .iter_mut()
            .zip(&later.investment_by_funder)
        {
            *total += amount;
        }
        for (total, amount) in self.saving_by_line.iter_mut().zip(&later.saving_by_line) {
            *total += amount;
        }
        self.investment += later.investment;
        self.saving += later.saving;
        self.net += later.net;
        self.cumulative = later.cumulative;
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MonthRow {
    pub month: YearMonth,
    pub flows: Flows,
    /// The referral driver's working, when the scenario has one.
    pub referrals: Option<ReferralMonth>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct YearRow {
    pub year: FinancialYear,
    /// Months of this year inside the horizon (fewer than 12 at either end).
    pub months_in_horizon: u32,
    pub flows: Flows,
}

// A month or a year is read as its money: `row.net`, `row.cumulative`.
impl std::ops::Deref for MonthRow {
    type Target = Flows;
    fn deref(&self) -> &Flows {
        &self.flows
    }
}

impl std::ops::Deref for YearRow {
    type Target = Flows;
    fn deref(&self) -> &Flows {
        &self.flows
    }
}
