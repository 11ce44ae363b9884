//! The columns of the results tables, each said once: its heading on the page (and on the page
//! built in advance, which the page replaces), its shorter heading in `calc`'s text tables, its
//! name in CSV, and the figure it holds. Every front lists the columns from here, so none can
//! gain or lose one alone.

use rust_decimal::Decimal;

use super::payback_words;
use crate::analysis::uncertainty::{RangeFrom, DEFAULT_RANGE_PERCENT};
use crate::analysis::{SensitivityRow, UncertainLever};
use crate::levers::{Lever, LeverValue};
use crate::model::cashflow::{Organisation, OrganisationMonth};
use crate::model::money::format_pounds;
use crate::model::{Cashflow, Flows, Repaid, RepaymentResult};

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

/// A column of the table of what the uncertainty run draws, one row a lever: the same on the
/// page and in `calc --table uncertainty`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrawnColumn {
    Lever,
    Low,
    Likely,
    High,
    Distribution,
    RangeFrom,
}

impl DrawnColumn {
    pub const ALL: [DrawnColumn; 6] = [
        DrawnColumn::Lever,
        DrawnColumn::Low,
        DrawnColumn::Likely,
        DrawnColumn::High,
        DrawnColumn::Distribution,
        DrawnColumn::RangeFrom,
    ];

    pub fn heading(self) -> &'static str {
        match self {
            DrawnColumn::Lever => "Lever",
            DrawnColumn::Low => "Low",
            DrawnColumn::Likely => "Likely (now)",
            DrawnColumn::High => "High",
            DrawnColumn::Distribution => "Drawn",
            DrawnColumn::RangeFrom => "Range from",
        }
    }

    /// The lever's entry in this column, in words: "35.2%", "triangular", "the proposal file".
    pub fn cell(self, lever: &Lever, drawn: &UncertainLever) -> String {
        let words = |value| lever.describe(LeverValue::Number(value));
        match self {
            DrawnColumn::Lever => lever.label.clone(),
            DrawnColumn::Low => words(drawn.range.low),
            DrawnColumn::Likely => words(drawn.range.now),
            DrawnColumn::High => words(drawn.range.high),
            DrawnColumn::Distribution => drawn.distribution.name().to_string(),
            DrawnColumn::RangeFrom => match drawn.range_from {
                RangeFrom::File => "the proposal file".to_string(),
                RangeFrom::Reader => "you".to_string(),
                RangeFrom::Default => {
                    format!("{}% either side", DEFAULT_RANGE_PERCENT.normalize())
                }
            },
        }
    }
}

/// A column of "Who pays and who gains", one row an organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrganisationColumn {
    Invested,
    Gained,
    /// What it paid back to others out of its savings.
    Repaid,
    /// What others paid back to it.
    Received,
    Net,
}

impl OrganisationColumn {
    pub const ALL: [OrganisationColumn; 5] = [
        OrganisationColumn::Invested,
        OrganisationColumn::Gained,
        OrganisationColumn::Repaid,
        OrganisationColumn::Received,
        OrganisationColumn::Net,
    ];

    /// The columns the page and `calc`'s text show: repayments only where the proposal has
    /// some, so a proposal without them reads as before. CSV and JSON always have them all.
    pub fn shown(cashflow: &Cashflow) -> Vec<OrganisationColumn> {
        let repays = !cashflow.results.repayments.is_empty();
        OrganisationColumn::ALL
            .into_iter()
            .filter(|column| match column {
                OrganisationColumn::Repaid | OrganisationColumn::Received => repays,
                OrganisationColumn::Invested
                | OrganisationColumn::Gained
                | OrganisationColumn::Net => true,
            })
            .collect()
    }

    /// On the page: "Invests", "Net (cost) / gain".
    pub fn heading(self) -> &'static str {
        match self {
            OrganisationColumn::Invested => "Invests",
            OrganisationColumn::Gained => "Gains",
            OrganisationColumn::Repaid => "Repays",
            OrganisationColumn::Received => "Is repaid",
            OrganisationColumn::Net => "Net (cost) / gain",
        }
    }

    /// In `calc`'s text tables.
    pub fn short_heading(self) -> &'static str {
        match self {
            OrganisationColumn::Invested => "Invested",
            OrganisationColumn::Gained => "Gained",
            OrganisationColumn::Repaid => "Repaid",
            OrganisationColumn::Received => "Received",
            OrganisationColumn::Net => "Net",
        }
    }

    /// In a CSV header.
    pub fn csv_name(self) -> &'static str {
        match self {
            OrganisationColumn::Invested => "invested",
            OrganisationColumn::Gained => "gained",
            OrganisationColumn::Repaid => "repaid",
            OrganisationColumn::Received => "received",
            OrganisationColumn::Net => "net",
        }
    }

    /// The figure as the model has it (investment and repayment positive).
    pub fn amount(self, organisation: &Organisation) -> Decimal {
        match self {
            OrganisationColumn::Invested => organisation.invested,
            OrganisationColumn::Gained => organisation.gained,
            OrganisationColumn::Repaid => organisation.repaid,
            OrganisationColumn::Received => organisation.received,
            OrganisationColumn::Net => organisation.net,
        }
    }

    /// The figure in one month (investment and repayment positive).
    pub fn amount_in_month(self, month: &OrganisationMonth) -> Decimal {
        match self {
            OrganisationColumn::Invested => month.invested,
            OrganisationColumn::Gained => month.gained,
            OrganisationColumn::Repaid => month.repaid,
            OrganisationColumn::Received => month.received,
            OrganisationColumn::Net => month.net,
        }
    }

    /// The figure as councils print it: what an organisation invests or repays is a cost, in
    /// brackets.
    pub fn printed(self, organisation: &Organisation) -> Decimal {
        match self {
            OrganisationColumn::Invested | OrganisationColumn::Repaid => -self.amount(organisation),
            OrganisationColumn::Gained | OrganisationColumn::Received | OrganisationColumn::Net => {
                self.amount(organisation)
            }
        }
    }
}

/// A column of the repayments table, one row a repayment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RepaymentColumn {
    /// Who repays whom.
    Parties,
    /// What it repays in all.
    Owed,
    /// What is repaid within the horizon.
    Repaid,
    /// What is still owed at the horizon's end.
    Outstanding,
    /// The month the last of it is repaid, or that it is not.
    RepaidInFull,
}

impl RepaymentColumn {
    pub const ALL: [RepaymentColumn; 5] = [
        RepaymentColumn::Parties,
        RepaymentColumn::Owed,
        RepaymentColumn::Repaid,
        RepaymentColumn::Outstanding,
        RepaymentColumn::RepaidInFull,
    ];

    /// The heading of the column that names each repayment.
    pub const LABEL_HEADING: &'static str = "Repayment";

    /// The table's headings: the repayment, then each column's.
    pub fn headings() -> Vec<String> {
        std::iter::once(RepaymentColumn::LABEL_HEADING)
            .chain(RepaymentColumn::ALL.map(RepaymentColumn::heading))
            .map(String::from)
            .collect()
    }

    /// One repayment's row: its label, then each column's cell.
    pub fn row(repayment: &RepaymentResult) -> (String, Vec<String>) {
        let cells = RepaymentColumn::ALL.map(|column| column.cell(repayment));
        (repayment.label.clone(), cells.to_vec())
    }

    /// On the page and in `calc`'s text.
    pub fn heading(self) -> &'static str {
        match self {
            RepaymentColumn::Parties => "Who repays whom",
            RepaymentColumn::Owed => "To repay",
            RepaymentColumn::Repaid => "Repaid",
            RepaymentColumn::Outstanding => "Still owed",
            RepaymentColumn::RepaidInFull => "Repaid in full",
        }
    }

    /// Whether the column holds money (set to the right).
    pub fn is_money(self) -> bool {
        match self {
            RepaymentColumn::Owed | RepaymentColumn::Repaid | RepaymentColumn::Outstanding => true,
            RepaymentColumn::Parties | RepaymentColumn::RepaidInFull => false,
        }
    }

    /// The cell, in words or pounds.
    pub fn cell(self, repayment: &RepaymentResult) -> String {
        match self {
            RepaymentColumn::Parties => format!("{} repays {}", repayment.payer, repayment.to),
            RepaymentColumn::Owed => format_pounds(repayment.owed),
            RepaymentColumn::Repaid => format_pounds(repayment.repaid),
            RepaymentColumn::Outstanding => format_pounds(repayment.outstanding()),
            RepaymentColumn::RepaidInFull => repaid_words(repayment.status),
        }
    }
}

/// When a repayment is done, for a cell: "December 2023", "not within the horizon".
pub fn repaid_words(repaid: Repaid) -> String {
    match repaid {
        Repaid::InFull(month) => month.long_name(),
        Repaid::NotWithinHorizon => "not within the horizon".into(),
        Repaid::NothingOwed => "nothing to repay".into(),
    }
}
