//! The calculation core. No browser types and no I/O: the page and the command line are two thin
//! fronts over it.

pub mod budget;
pub mod cashflow;
pub mod lines;
pub mod money;
pub mod month;
pub mod referrals;
pub mod repayment;
pub mod rows;
pub mod scenario;
pub mod schedule;

pub use cashflow::{
    payback_in, payback_of, run, Cashflow, Flows, MonthRow, Organisation, OrganisationMonth,
    Payback, Results, YearRow,
};
pub use lines::cumulative_by_month;
pub use month::{FinancialYear, YearMonth};
pub use repayment::{Repaid, Repayment, RepaymentResult};
pub use scenario::Scenario;
