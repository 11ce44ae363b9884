//! The engine: a scenario in, the monthly and financial-year cashflow and headline results out.

use rust_decimal::Decimal;

use super::budget::{budget_table, BudgetTable};
pub use super::lines::spread_month;
use super::lines::LineAmounts;
use super::month::YearMonth;
use super::repayment::{run_repayments, Ledger, Repaid, RepaymentResult};
pub use super::rows::{Flows, MonthRow, YearRow};
use super::scenario::{CostKind, Scenario};

const TWELVE: Decimal = Decimal::from_parts(12, 0, 0, false, 0);

/// When the money comes back, if it does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Payback {
    /// The first month from which the cumulative stays at or above zero to the horizon's end.
    PaidBackIn(YearMonth),
    /// The cumulative is below zero at the end of the horizon.
    NotWithinHorizon,
    /// The cumulative never goes below zero: there is nothing to pay back.
    NeverInDeficit,
}

impl Payback {
    pub fn month(self) -> Option<YearMonth> {
        match self {
            Payback::PaidBackIn(month) => Some(month),
            _ => None,
        }
    }

    /// Stable names for exports.
    pub fn status(self) -> &'static str {
        match self {
            Payback::PaidBackIn(_) => "paid_back",
            Payback::NotWithinHorizon => "not_within_horizon",
            Payback::NeverInDeficit => "never_in_deficit",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Results {
    pub total_investment: Decimal,
    pub total_saving: Decimal,
    pub net_return: Decimal,
    /// Net return per pound invested; `None` when nothing is invested (or so little, such as a
    /// file's £1e-28, that the ratio is too large to hold).
    pub return_on_investment: Option<Decimal>,
    /// First month whose saving exceeds its investment (in-month breakeven).
    pub breakeven_month: Option<YearMonth>,
    pub payback: Payback,
    /// The lowest cumulative position and when it is reached: the most the proposal is out of
    /// pocket.
    pub deepest_cumulative: Decimal,
    pub deepest_month: Option<YearMonth>,
    pub investment_by_funder: Vec<Decimal>,
    /// The total investment split into capital (one-off) and running costs.
    pub capital_investment: Decimal,
    pub running_investment: Decimal,
    /// What had been spent by the end of the payback month (all of it, when not paid back), and
    /// of that, the capital.
    pub spent_by_payback: Decimal,
    pub capital_by_payback: Decimal,
    /// Who paid and who gained: each funder and each beneficiary of a saving, in the order they
    /// first appear (funders first).
    pub by_organisation: Vec<Organisation>,
    /// Each repayment between organisations, in the scenario's order.
    pub repayments: Vec<RepaymentResult>,
}

/// One organisation's money over the horizon.
#[derive(Debug, Clone, PartialEq)]
pub struct Organisation {
    pub name: String,
    /// What it invested (as a funder).
    pub invested: Decimal,
    /// What it saved (as the beneficiary of saving lines).
    pub gained: Decimal,
    /// What it paid back to others out of its savings.
    pub repaid: Decimal,
    /// What others paid back to it.
    pub received: Decimal,
    /// Gained and received, less invested and repaid.
    pub net: Decimal,
    /// What repayments owe it in all (nought when none repays it).
    pub to_be_repaid: Decimal,
    /// When it has its money back; `None` when no repayment repays it.
    pub repaid_in_full: Option<Repaid>,
    /// The same money month by month, indexed like the cashflow's months.
    pub months: Vec<OrganisationMonth>,
}

/// One organisation's money in one month: its cash position.
#[derive(Debug, Clone, PartialEq)]
pub struct OrganisationMonth {
    pub month: YearMonth,
    pub invested: Decimal,
    pub gained: Decimal,
    pub repaid: Decimal,
    pub received: Decimal,
    /// Gained and received, less invested and repaid.
    pub net: Decimal,
    /// The running sum of net from the first month.
    pub cumulative: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cashflow {
    pub funders: Vec<String>,
    /// Each saving line's id and label, indexed like `Flows::saving_by_line`.
    pub saving_lines: Vec<(String, String)>,
    pub months: Vec<MonthRow>,
    pub years: Vec<YearRow>,
    pub results: Results,
    pub budget: Option<BudgetTable>,
}

impl Cashflow {
    pub fn final_month(&self) -> Option<YearMonth> {
        self.months.last().map(|row| row.month)
    }

    /// The payback month's number, counting the timeline's first month as 1 ("paid back in
    /// month 24"), as business cases print it.
    pub fn payback_month_number(&self) -> Option<u32> {
        let payback = self.results.payback.month()?;
        let first = self.months.first()?.month;
        u32::try_from(first.months_until(payback) + 1).ok()
    }

    /// The payback period in years to `places` decimal places, from the timeline's first month
    /// to the end of the payback month: December 2023 on a timeline from January 2022 is 24
    /// months, 2.0 years. Written at those places (2.0, not 2), as a report prints it.
    pub fn payback_years(&self, places: u32) -> Option<Decimal> {
        let months = Decimal::from(self.payback_month_number()?);
        let mut years = (months / TWELVE)
            .round_dp_with_strategy(places, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        years.rescale(places);
        Some(years)
    }
}

/// Runs the scenario. Pure and total: every scenario, however odd, gives a cashflow.
pub fn run(scenario: &Scenario) -> Cashflow {
    let funders = scenario.funders();
    let months: Vec<YearMonth> = scenario.months().collect();

    let lines = LineAmounts::new(scenario, &funders, &months);

    let mut rows = Vec::with_capacity(months.len());
    // Each investment line's amount a month: repayments repay lines, not funders.
    let mut investment_by_line: Vec<Vec<Decimal>> =
        vec![Vec::with_capacity(months.len()); scenario.investments.len()];
    let mut cumulative = Decimal::ZERO;
    for (index, &month) in months.iter().enumerate() {
        let mut investment_by_funder = vec![Decimal::ZERO; funders.len()];
        for (line, by_month) in investment_by_line.iter_mut().enumerate() {
            let (funder, amount) = lines.investment(line, month);
            investment_by_funder[funder] += amount;
            by_month.push(amount);
        }
        let saving_by_line: Vec<Decimal> = (0..scenario.savings.len())
            .map(|line| lines.saving(line, index, month))
            .collect();
        let investment: Decimal = investment_by_funder.iter().sum();
        let saving: Decimal = saving_by_line.iter().sum();
        let net = saving - investment;
        cumulative += net;
        rows.push(MonthRow {
            month,
            flows: Flows {
                investment_by_funder,
                investment,
                saving_by_line,
                saving,
                net,
                cumulative,
            },
            referrals: lines.referrals(index).cloned(),
        });
    }

    let years = financial_years(&rows, funders.len(), scenario.savings.len());
    let mut results = results(&rows, funders.len());
    // Capital and running costs, in all and by the payback month.
    let last = results.payback.month().map_or(rows.len(), |month| {
        rows.iter().take_while(|r| r.month <= month).count()
    });
    for (line, amounts) in scenario.investments.iter().zip(&investment_by_line) {
        let all: Decimal = amounts.iter().sum();
        let by_payback: Decimal = amounts.iter().take(last).sum();
        results.spent_by_payback += by_payback;
        match line.cost {
            CostKind::Capital => {
                results.capital_investment += all;
                results.capital_by_payback += by_payback;
            }
            CostKind::Running => results.running_investment += all,
        }
    }
    let ledger = Ledger {
        months: &months,
        investment_lines: scenario
            .investments
            .iter()
            .zip(investment_by_line)
            .map(|(line, amounts)| (line.id.as_str(), line.funder.as_str(), amounts))
            .collect(),
        saving_lines: scenario
            .savings
            .iter()
            .enumerate()
            .map(|(index, line)| {
                let amounts = rows
                    .iter()
                    .map(|row| row.saving_by_line.get(index).copied().unwrap_or_default())
                    .collect();
                (line.beneficiary.as_str(), amounts)
            })
            .collect(),
    };
    results.repayments = run_repayments(&scenario.repayments, &ledger);
    results.by_organisation = organisations(&funders, &ledger, &results.repayments);
    let budget = scenario
        .budget
        .as_ref()
        .map(|view| budget_table(scenario, view, &years));
    Cashflow {
        funders,
        saving_lines: scenario
            .savings
            .iter()
            .map(|line| (line.id.clone(), line.label.clone()))
            .collect(),
        months: rows,
        years,
        results,
        budget,
    }
}

fn financial_years(rows: &[MonthRow], funder_count: usize, saving_count: usize) -> Vec<YearRow> {
    let mut years: Vec<YearRow> = Vec::new();
    for row in rows {
        let year = row.month.financial_year();
        if years.last().map(|y| y.year) != Some(year) {
            years.push(YearRow {
                year,
                months_in_horizon: 0,
                flows: Flows::zero(funder_count, saving_count),
            });
        }
        let current = years.last_mut().expect("a year was just pushed");
        current.months_in_horizon += 1;
        current.flows.add(&row.flows);
    }
    years
}

fn results(rows: &[MonthRow], funder_count: usize) -> Results {
    let total_investment: Decimal = rows.iter().map(|r| r.investment).sum();
    let total_saving: Decimal = rows.iter().map(|r| r.saving).sum();
    let net_return = total_saving - total_investment;
    let mut investment_by_funder = vec![Decimal::ZERO; funder_count];
    for row in rows {
        for (total, amount) in investment_by_funder
            .iter_mut()
            .zip(&row.investment_by_funder)
        {
            *total += amount;
        }
    }
    let deepest = rows
        .iter()
        .filter(|r| r.cumulative < Decimal::ZERO)
        .min_by(|a, b| a.cumulative.cmp(&b.cumulative));
    Results {
        total_investment,
        total_saving,
        net_return,
        // `None` when nothing is invested (or so little that the ratio cannot be held).
        return_on_investment: net_return.checked_div(total_investment),
        breakeven_month: rows.iter().find(|r| r.net > Decimal::ZERO).map(|r| r.month),
        payback: payback(rows),
        deepest_cumulative: deepest.map(|r| r.cumulative).unwrap_or_default(),
        deepest_month: deepest.map(|r| r.month),
        investment_by_funder,
        capital_investment: Decimal::ZERO,
        running_investment: Decimal::ZERO,
        spent_by_payback: Decimal::ZERO,
        capital_by_payback: Decimal::ZERO,
        by_organisation: Vec::new(),
        repayments: Vec::new(),
    }
}

/// Splits the results by organisation: what each funder invested, what each beneficiary saved,
/// and what repayments moved between them, in total and month by month.
fn organisations(
    funders: &[String],
    ledger: &Ledger,
    repayments: &[RepaymentResult],
) -> Vec<Organisation> {
    let mut names: Vec<&str> = funders.iter().map(String::as_str).collect();
    let beneficiaries = ledger.saving_lines.iter().map(|(name, _)| *name);
    // A repayment names only organisations already here once a file checks clean; any other
    // is listed too, so no money it moves goes unaccounted.
    let parties = repayments
        .iter()
        .flat_map(|r| [r.payer.as_str(), r.to.as_str()]);
    for name in beneficiaries.chain(parties) {
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
        .into_iter()
        .map(|name| {
            let mut cumulative = Decimal::ZERO;
            let months: Vec<OrganisationMonth> = ledger
                .months
                .iter()
                .enumerate()
                .map(|(index, &month)| {
                    let invested = ledger.invested(name, index);
                    let gained = ledger.gained(name, index);
                    let moved = |side: fn(&RepaymentResult) -> &str| -> Decimal {
                        repayments
                            .iter()
                            .filter(|r| side(r) == name)
                            .filter_map(|r| r.by_month.get(index))
                            .sum()
                    };
                    let repaid = moved(|r| &r.payer);
                    let received = moved(|r| &r.to);
                    let net = gained + received - invested - repaid;
                    cumulative += net;
                    OrganisationMonth {
                        month,
                        invested,
                        gained,
                        repaid,
                        received,
                        net,
                        cumulative,
                    }
                })
                .collect();
            let total = |figure: fn(&OrganisationMonth) -> Decimal| -> Decimal {
                months.iter().map(figure).sum()
            };
            let (invested, gained, repaid, received) = (
                total(|m| m.invested),
                total(|m| m.gained),
                total(|m| m.repaid),
                total(|m| m.received),
            );
            let owed_to_it: Vec<&RepaymentResult> =
                repayments.iter().filter(|r| r.to == name).collect();
            Organisation {
                name: name.to_string(),
                invested,
                gained,
                repaid,
                received,
                net: gained + received - invested - repaid,
                to_be_repaid: owed_to_it.iter().map(|r| r.owed).sum(),
                repaid_in_full: repaid_in_full(&owed_to_it),
                months,
            }
        })
        .collect()
}

/// When an organisation has all its money back from the repayments that owe it: the month the
/// last of them is repaid.
fn repaid_in_full(owed_to_it: &[&RepaymentResult]) -> Option<Repaid> {
    owed_to_it
        .iter()
        .map(|r| r.status)
        .reduce(|so_far, next| match (so_far, next) {
            (Repaid::NotWithinHorizon, _) | (_, Repaid::NotWithinHorizon) => {
                Repaid::NotWithinHorizon
            }
            (Repaid::InFull(a), Repaid::InFull(b)) => Repaid::InFull(a.max(b)),
            (Repaid::InFull(month), Repaid::NothingOwed)
            | (Repaid::NothingOwed, Repaid::InFull(month)) => Repaid::InFull(month),
            (Repaid::NothingOwed, Repaid::NothingOwed) => Repaid::NothingOwed,
        })
}

/// Below half a penny counts as out of pocket: a twelfth of an annual amount is not exact in
/// decimal, so a cumulative that should be exactly zero can come out a few digits short of it.
pub const OUT_OF_POCKET_BELOW: Decimal = Decimal::from_parts(5, 0, 0, true, 3);

fn payback(rows: &[MonthRow]) -> Payback {
    let positions: Vec<(YearMonth, Decimal)> =
        rows.iter().map(|r| (r.month, r.cumulative)).collect();
    payback_of(&positions)
}

/// When a run of cumulative positions, month by month, is paid back: the month after the last
/// one out of pocket (discounted positions are judged the same way as cash).
pub fn payback_of(positions: &[(YearMonth, Decimal)]) -> Payback {
    let (months, cumulative): (Vec<YearMonth>, Vec<Decimal>) = positions.iter().copied().unzip();
    payback_in(&months, &cumulative)
}

/// The same, from the months and their cumulative positions side by side.
pub fn payback_in(months: &[YearMonth], cumulative: &[Decimal]) -> Payback {
    match cumulative
        .iter()
        .rposition(|position| *position < OUT_OF_POCKET_BELOW)
    {
        None => Payback::NeverInDeficit,
        Some(last_negative) => match months.get(last_negative + 1) {
            Some(month) => Payback::PaidBackIn(*month),
            None => Payback::NotWithinHorizon,
        },
    }
}
