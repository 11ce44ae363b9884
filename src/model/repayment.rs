//! Repayments: one organisation paying back another's investment out of the savings it
//! receives. Most "invest to save" money is a loan between budgets: the council seeds a post
//! and the partner whose budget the savings land in repays it from them. A social impact bond's
//! outcome payments, capped at a total, have the same shape. Repayments move money between
//! organisations; they never change what the proposal as a whole costs or saves.

use rust_decimal::{Decimal, RoundingStrategy};

use super::month::YearMonth;

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

/// Below half a penny still owed counts as repaid: a twelfth of an annual saving is not exact in
/// decimal, so a debt cleared in such amounts can end a few digits short of nought.
const REPAID_BELOW: Decimal = Decimal::from_parts(5, 0, 0, false, 3);

/// One organisation repaying another's investment from its savings, month by month.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, PartialEq, Eq)]
pub struct Repayment {
    /// Short, URL-safe name used in links ("repay_council").
    pub id: String,
    pub label: String,
    /// Who repays: an organisation savings land with.
    pub payer: String,
    /// Whom it repays: a funder.
    pub to: String,
    /// The funder's investment lines it repays, by id; empty means every line the funder pays.
    pub investment_ids: Vec<String>,
    /// The share of the payer's savings that goes to the repayment each month, in percent.
    pub share_percent: Decimal,
    /// Whether the payer first meets its own investment of the month from its savings, so only
    /// what is left is shared (a partner that funds a post "from generated returns").
    pub after_own_investment: bool,
    /// The first month a repayment may be made. Nothing is repaid before savings arrive, so a
    /// start at the timeline's first month means "as soon as there are savings".
    pub from: YearMonth,
    /// The most repaid in any month; `None` for no such limit.
    pub amount_per_month_at_most: Option<Decimal>,
    /// Repaid in this many equal instalments (each rounded up to the penny, the last taking only
    /// what is left), as far as the savings allow; `None` for no instalments.
    pub over_months: Option<u32>,
    /// The most repaid in all; `None` repays the whole investment.
    pub cap: Option<Decimal>,
    /// The month the funder expects its money back by (Sandwell's "fully paid back by December
    /// 2023"), which the switching values of the repayment's terms ask about; `None` asks about
    /// the scenario's month to pay back by.
    pub repaid_by: Option<YearMonth>,
}

/// When a funder has its money back, if it does.
#[derive(serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repaid {
    /// The month the last of what is owed is repaid.
    InFull(YearMonth),
    /// Something is still owed at the end of the horizon.
    NotWithinHorizon,
    /// Nothing is owed: the lines repaid invest nothing, or the cap is nought.
    NothingOwed,
}

impl Repaid {
    pub fn month(self) -> Option<YearMonth> {
        match self {
            Repaid::InFull(month) => Some(month),
            Repaid::NotWithinHorizon | Repaid::NothingOwed => None,
        }
    }

    /// Stable names for exports.
    pub fn status(self) -> &'static str {
        match self {
            Repaid::InFull(_) => "repaid",
            Repaid::NotWithinHorizon => "not_within_horizon",
            Repaid::NothingOwed => "nothing_owed",
        }
    }
}

/// One repayment, worked out over the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct RepaymentResult {
    pub id: String,
    pub label: String,
    pub payer: String,
    pub to: String,
    /// What the lines it repays invest over the horizon.
    pub invested: Decimal,
    /// What it repays in all: the investment of the lines it repays, or the cap if lower.
    pub owed: Decimal,
    /// What is repaid within the horizon.
    pub repaid: Decimal,
    /// What is repaid each month, indexed like the cashflow's months.
    pub by_month: Vec<Decimal>,
    pub status: Repaid,
}

impl RepaymentResult {
    /// What is still owed at the end of the horizon.
    pub fn outstanding(&self) -> Decimal {
        (self.owed - self.repaid).max(Decimal::ZERO)
    }

    /// What is still owed at the end of the month at `index` (the cashflow's months): what is
    /// owed over the horizon less what has been repaid by then.
    pub fn outstanding_after(&self, index: usize) -> Decimal {
        let repaid_by_then: Decimal = self.by_month.iter().take(index + 1).sum();
        (self.owed - repaid_by_then).max(Decimal::ZERO)
    }
}

/// Whether what is still owed counts as repaid: below half a penny does.
pub fn is_repaid(outstanding: Decimal) -> bool {
    outstanding < REPAID_BELOW
}

/// The money a repayment is worked out from, month by month.
pub struct Ledger<'a> {
    pub months: &'a [YearMonth],
    /// Each investment line's id, funder and amount each month.
    pub investment_lines: Vec<(&'a str, &'a str, Vec<Decimal>)>,
    /// Each saving line's beneficiary and amount each month.
    pub saving_lines: Vec<(&'a str, Vec<Decimal>)>,
}

impl Ledger<'_> {
    /// What an organisation saves in the month at `index`.
    pub(super) fn gained(&self, organisation: &str, index: usize) -> Decimal {
        self.saving_lines
            .iter()
            .filter(|(beneficiary, _)| *beneficiary == organisation)
            .filter_map(|(_, amounts)| amounts.get(index))
            .sum()
    }

    /// What an organisation invests in the month at `index`.
    pub(super) fn invested(&self, organisation: &str, index: usize) -> Decimal {
        self.investment_lines
            .iter()
            .filter(|(_, funder, _)| *funder == organisation)
            .filter_map(|(_, _, amounts)| amounts.get(index))
            .sum()
    }

    /// What the repayment's lines invest each month.
    fn repaid_lines(&self, repayment: &Repayment) -> Vec<Decimal> {
        let mut amounts = vec![Decimal::ZERO; self.months.len()];
        for (id, funder, line) in &self.investment_lines {
            let repaid = *funder == repayment.to
                && (repayment.investment_ids.is_empty()
                    || repayment.investment_ids.iter().any(|wanted| wanted == id));
            if repaid {
                for (total, amount) in amounts.iter_mut().zip(line) {
                    *total += amount;
                }
            }
        }
        amounts
    }
}

/// Works out every repayment, in the order given. Where one payer makes several repayments, each
/// shares what the ones before it left of that month's savings, so together they never take
/// more than the payer saved.
pub fn run_repayments(repayments: &[Repayment], ledger: &Ledger) -> Vec<RepaymentResult> {
    let month_count = ledger.months.len();
    let mut results: Vec<RepaymentResult> = Vec::with_capacity(repayments.len());
    for repayment in repayments {
        let invested_by_month = ledger.repaid_lines(repayment);
        let invested: Decimal = invested_by_month.iter().sum();
        let owed = repayment
            .cap
            .map_or(invested, |cap| cap.max(Decimal::ZERO).min(invested));
        let instalment = repayment
            .over_months
            .filter(|months| *months > 0)
            .map(|months| {
                (owed / Decimal::from(months))
                    .round_dp_with_strategy(2, RoundingStrategy::ToPositiveInfinity)
            });
        let most_a_month = match (repayment.amount_per_month_at_most, instalment) {
            (Some(at_most), Some(instalment)) => Some(at_most.min(instalment)),
            (Some(limit), None) | (None, Some(limit)) => Some(limit),
            (None, None) => None,
        };
        let mut by_month = vec![Decimal::ZERO; month_count];
        let mut invested_to_date = Decimal::ZERO;
        let mut repaid = Decimal::ZERO;
        let mut status = if owed > Decimal::ZERO {
            Repaid::NotWithinHorizon
        } else {
            Repaid::NothingOwed
        };
        for (index, &month) in ledger.months.iter().enumerate() {
            invested_to_date += invested_by_month[index];
            if month < repayment.from || status != Repaid::NotWithinHorizon {
                continue;
            }
            // Nothing is repaid before it is lent.
            let outstanding = invested_to_date.min(owed) - repaid;
            let own_costs = if repayment.after_own_investment {
                ledger.invested(&repayment.payer, index)
            } else {
                Decimal::ZERO
            };
            let taken_already: Decimal = results
                .iter()
                .filter(|earlier| earlier.payer == repayment.payer)
                .map(|earlier| earlier.by_month[index])
                .sum();
            let left = (ledger.gained(&repayment.payer, index) - own_costs - taken_already)
                .max(Decimal::ZERO);
            let mut payment = (left * repayment.share_percent.max(Decimal::ZERO) / HUNDRED)
                .min(left)
                .min(outstanding.max(Decimal::ZERO));
            if let Some(most) = most_a_month {
                payment = payment.min(most.max(Decimal::ZERO));
            }
            by_month[index] = payment;
            repaid += payment;
            if is_repaid(owed - repaid) {
                status = Repaid::InFull(month);
            }
        }
        results.push(RepaymentResult {
            id: repayment.id.clone(),
            label: repayment.label.clone(),
            payer: repayment.payer.clone(),
            to: repayment.to.clone(),
            invested,
            owed,
            repaid,
            by_month,
            status,
        });
    }
    results
}
