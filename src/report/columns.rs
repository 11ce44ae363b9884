//! The columns of the results tables, each said once: its heading on the page (and on the page
//! built in advance, which the page replaces), its shorter heading in `calc`'s text tables, its
//! name in CSV, and the figure it holds. Every front lists the columns from here, so none can
//! gain or lose one alone.

use rust_decimal::Decimal;

use super::payback_words;
use crate::analysis::SensitivityRow;
use crate::levers::Lever;
use crate::model::cashflow::Organisation;
use crate::model::money::format_pounds;
use crate::model::{Cashflow, Flows};

/// A money column of the cashflow tables (by month, by financial year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CashflowColumn {
    /// What one organisation invests, by its place in `Cashflow::funders`.
    InvestmentBy(usize),
    TotalInvestment,
    Saving,
    /// The period's saving less its investment.
    Net,
    /// The running total of net from the first month.
    Cumulative,
}

impl CashflowColumn {
    /// Every column, in order: each organisation's investment, the total, the saving, the
    /// period's net and the running total.
    pub fn all(cashflow: &Cashflow) -> Vec<CashflowColumn> {
        (0..cashflow.funders.len())
            .map(CashflowColumn::InvestmentBy)
            .chain([
                CashflowColumn::TotalInvestment,
                CashflowColumn::Saving,
                CashflowColumn::Net,
                CashflowColumn::Cumulative,
            ])
            .collect()
    }

    /// The columns the page shows: with one organisation investing, the total would only
    /// repeat its column, so it is left out.
    pub fn on_page(cashflow: &Cashflow) -> Vec<CashflowColumn> {
        let several_funders = cashflow.funders.len() > 1;
        CashflowColumn::all(cashflow)
            .into_iter()
            .filter(|column| several_funders || *column != CashflowColumn::TotalInvestment)
            .collect()
    }

    fn funder(cashflow: &Cashflow, index: usize) -> &str {
        cashflow.funders.get(index).map_or("", String::as_str)
    }

    /// On the page: "Investment by Council", "Cumulative (cost) / return".
    pub fn heading(self, cashflow: &Cashflow) -> String {
        match self {
            CashflowColumn::InvestmentBy(index) => {
                format!("Investment by {}", Self::funder(cashflow, index))
            }
            CashflowColumn::TotalInvestment => "Total investment".into(),
            CashflowColumn::Saving => "Saving".into(),
            CashflowColumn::Net => "In month (cost) / return".into(),
            CashflowColumn::Cumulative => "Cumulative (cost) / return".into(),
        }
    }

    /// In `calc`'s text tables, where width is short: "Council invests", "Net".
    pub fn short_heading(self, cashflow: &Cashflow) -> String {
        match self {
            CashflowColumn::InvestmentBy(index) => {
                format!("{} invests", Self::funder(cashflow, index))
            }
            CashflowColumn::TotalInvestment => "Investment".into(),
            CashflowColumn::Saving => "Saving".into(),
            CashflowColumn::Net => "Net".into(),
            CashflowColumn::Cumulative => "Cumulative".into(),
        }
    }

    /// In a CSV header: "investment_Council", "net".
    pub fn csv_name(self, cashflow: &Cashflow) -> String {
        match self {
            CashflowColumn::InvestmentBy(index) => {
                format!("investment_{}", Self::funder(cashflow, index))
            }
            CashflowColumn::TotalInvestment => "investment".into(),
            CashflowColumn::Saving => "saving".into(),
            CashflowColumn::Net => "net".into(),
            CashflowColumn::Cumulative => "cumulative".into(),
        }
    }

    /// The figure as the model has it: investment is a positive amount of money spent.
    pub fn amount(self, flows: &Flows) -> Decimal {
        match self {
            CashflowColumn::InvestmentBy(index) => flows
                .investment_by_funder
                .get(index)
                .copied()
                .unwrap_or_default(),
            CashflowColumn::TotalInvestment => flows.investment,
            CashflowColumn::Saving => flows.saving,
            CashflowColumn::Net => flows.net,
            CashflowColumn::Cumulative => flows.cumulative,
        }
    }

    /// The figure as councils print it: a cost is negative, so it shows in brackets.
    pub fn printed(self, flows: &Flows) -> Decimal {
        match self {
            CashflowColumn::InvestmentBy(_) | CashflowColumn::TotalInvestment => {
                -self.amount(flows)
            }
            CashflowColumn::Saving | CashflowColumn::Net | CashflowColumn::Cumulative => {
                self.amount(flows)
            }
        }
    }
}

/// A column of the sensitivity table, one row a lever moved down and up: the same on the page
/// (beside the tornado chart) and in `calc --table sensitivity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SensitivityColumn {
    Lever,
    Low,
    High,
    NetReturnAtLow,
    NetReturnAtHigh,
    Swing,
    PaybackAtLow,
    PaybackAtHigh,
}

impl SensitivityColumn {
    pub const ALL: [SensitivityColumn; 8] = [
        SensitivityColumn::Lever,
        SensitivityColumn::Low,
        SensitivityColumn::High,
        SensitivityColumn::NetReturnAtLow,
        SensitivityColumn::NetReturnAtHigh,
        SensitivityColumn::Swing,
        SensitivityColumn::PaybackAtLow,
        SensitivityColumn::PaybackAtHigh,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            SensitivityColumn::Lever => "Lever",
            SensitivityColumn::Low => "Low",
            SensitivityColumn::High => "High",
            SensitivityColumn::NetReturnAtLow => "Net return at low",
            SensitivityColumn::NetReturnAtHigh => "Net return at high",
            SensitivityColumn::Swing => "Swing",
            SensitivityColumn::PaybackAtLow => "Payback at low",
            SensitivityColumn::PaybackAtHigh => "Payback at high",
        }
    }

    /// The row's entry in this column, in words: "80%", "£334,583", "January 2024".
    pub fn cell(self, lever: &Lever, row: &SensitivityRow) -> String {
        match self {
            SensitivityColumn::Lever => lever.label.clone(),
            SensitivityColumn::Low => lever.describe(row.low),
            SensitivityColumn::High => lever.describe(row.high),
            SensitivityColumn::NetReturnAtLow => format_pounds(row.net_return_at_low),
            SensitivityColumn::NetReturnAtHigh => format_pounds(row.net_return_at_high),
            SensitivityColumn::Swing => format_pounds(row.swing()),
            SensitivityColumn::PaybackAtLow => payback_words(row.payback_at_low),
            SensitivityColumn::PaybackAtHigh => payback_words(row.payback_at_high),
        }
    }
}

/// A column of "Who pays and who gains", one row an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationColumn {
    Invested,
    Gained,
    Net,
}

impl OrganisationColumn {
    pub const ALL: [OrganisationColumn; 3] = [
        OrganisationColumn::Invested,
        OrganisationColumn::Gained,
        OrganisationColumn::Net,
    ];

    /// On the page: "Invests", "Net (cost) / gain".
    pub fn heading(self) -> &'static str {
        match self {
            OrganisationColumn::Invested => "Invests",
            OrganisationColumn::Gained => "Gains",
            OrganisationColumn::Net => "Net (cost) / gain",
        }
    }

    /// In `calc`'s text tables.
    pub fn short_heading(self) -> &'static str {
        match self {
            OrganisationColumn::Invested => "Invested",
            OrganisationColumn::Gained => "Gained",
            OrganisationColumn::Net => "Net",
        }
    }

    /// In a CSV header.
    pub fn csv_name(self) -> &'static str {
        match self {
            OrganisationColumn::Invested => "invested",
            OrganisationColumn::Gained => "gained",
            OrganisationColumn::Net => "net",
        }
    }

    /// The figure as the model has it (investment positive).
    pub fn amount(self, organisation: &Organisation) -> Decimal {
        match self {
            OrganisationColumn::Invested => organisation.invested,
            OrganisationColumn::Gained => organisation.gained,
            OrganisationColumn::Net => organisation.net,
        }
    }

    /// The figure as councils print it: what an organisation invests is a cost, in brackets.
    pub fn printed(self, organisation: &Organisation) -> Decimal {
        match self {
            OrganisationColumn::Invested => -self.amount(organisation),
            OrganisationColumn::Gained | OrganisationColumn::Net => self.amount(organisation),
        }
    }
}
