//! The council-funding view: how a proposal changes the annual budget over its plan years
//! (Trafford's cost benefit analysis summary, models.md section 3).

use rust_decimal::Decimal;

use super::month::FinancialYear;
use super::rows::YearRow;
use super::scenario::{
    BudgetRowSource, BudgetView, InvestmentAmounts, SavingDriver, Scenario, Schedule,
};

const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetRow {
    /// Stable name for exports and the reconciliation ("workstream.level_3", "council_funding_required").
    pub id: String,
    pub label: String,
    pub per_year: Vec<Decimal>,
    pub total: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BudgetTable {
    pub title: String,
    pub years: Vec<FinancialYear>,
    /// Each investment line's annual cost (a running level).
    pub cost_rows: Vec<BudgetRow>,
    pub grand_total: BudgetRow,
    /// Growth of the grand total over the previous year.
    pub year_on_year_investment: BudgetRow,
    pub adjustment_rows: Vec<BudgetRow>,
    pub funding_required: BudgetRow,
}

impl BudgetTable {
    /// Every row, in printed order.
    pub fn rows(&self) -> impl Iterator<Item = &BudgetRow> {
        self.cost_rows
            .iter()
            .chain([&self.grand_total, &self.year_on_year_investment])
            .chain(self.adjustment_rows.iter())
            .chain([&self.funding_required])
    }
}

fn row(id: String, label: String, per_year: Vec<Decimal>) -> BudgetRow {
    let total = per_year.iter().sum();
    BudgetRow {
        id,
        label,
        per_year,
        total,
    }
}

/// Change of each year's level over the year before; the first year's change is its level.
fn year_on_year(levels: &[Decimal]) -> Vec<Decimal> {
    levels
        .iter()
        .enumerate()
        .map(|(index, level)| match index {
            0 => *level,
            _ => level - levels[index - 1],
        })
        .collect()
}

/// The plan years: from the earliest scheduled year to the latest one any schedule names.
fn plan_years(scenario: &Scenario) -> Vec<FinancialYear> {
    let schedules = scenario
        .investments
        .iter()
        .filter_map(|line| match &line.amounts {
            InvestmentAmounts::PerYear(schedule) => Some(schedule),
            _ => None,
        })
        .chain(
            scenario
                .savings
                .iter()
                .filter_map(|line| match &line.driver {
                    SavingDriver::Scheduled(schedule) => Some(schedule),
                    _ => None,
                }),
        );
    let mut first: Option<FinancialYear> = None;
    let mut last: Option<FinancialYear> = None;
    for schedule in schedules {
        if schedule.amounts_per_year.is_empty() {
            continue;
        }
        first = Some(first.map_or(schedule.first_year, |f| f.min(schedule.first_year)));
        last = Some(last.map_or(schedule.last_year(), |l| l.max(schedule.last_year())));
    }
    match (first, last) {
        (Some(first), Some(last)) => (first.start_year..=last.start_year)
            .map(|start_year| FinancialYear { start_year })
            .collect(),
        _ => Vec::new(),
    }
}

fn levels(schedule: &Schedule, years: &[FinancialYear]) -> Vec<Decimal> {
    years
        .iter()
        .map(|year| schedule.amount_for_year(*year, Decimal::ZERO))
        .collect()
}

pub fn budget_table(
    scenario: &Scenario,
    view: &BudgetView,
    cashflow_years: &[YearRow],
) -> BudgetTable {
    let years = plan_years(scenario);
    let cost_rows: Vec<BudgetRow> = scenario
        .investments
        .iter()
        .filter_map(|line| match &line.amounts {
            InvestmentAmounts::PerYear(schedule) => Some(row(
                format!("workstream.{}", line.id),
                line.label.clone(),
                levels(schedule, &years),
            )),
            _ => None,
        })
        .collect();
    let grand_total_levels: Vec<Decimal> = (0..years.len())
        .map(|index| cost_rows.iter().map(|r| r.per_year[index]).sum())
        .collect();
    let year_on_year_investment = row(
        "year_on_year_investment".into(),
        "Year on year investment".into(),
        year_on_year(&grand_total_levels),
    );
    let grand_total = row(
        "grand_total".into(),
        "Grand total".into(),
        grand_total_levels,
    );

    let adjustment_rows: Vec<BudgetRow> = view
        .rows
        .iter()
        .map(|source| match source {
            BudgetRowSource::SavingChange { line_id, label } => {
                // The line's saving in each plan year, as the cashflow has it (after realisation).
                let index = scenario.savings.iter().position(|line| line.id == *line_id);
                let levels: Vec<Decimal> = years
                    .iter()
                    .map(|year| {
                        index
                            .and_then(|i| {
                                cashflow_years
                                    .iter()
                                    .find(|row| row.year == *year)
                                    .and_then(|row| row.saving_by_line.get(i).copied())
                            })
                            .unwrap_or_default()
                    })
                    .collect();
                // A saving reduces the funding the council must find.
                row(
                    line_id.clone(),
                    label.clone(),
                    year_on_year(&levels).iter().map(|c| -c).collect(),
                )
            }
            BudgetRowSource::Adjustment {
                id,
                label,
                schedule,
            } => {
                let per_year = years
                    .iter()
                    .map(|year| {
                        let offset = year.start_year - schedule.first_year.start_year;
                        usize::try_from(offset)
                            .ok()
                            .and_then(|index| schedule.amounts_per_year.get(index))
                            .map(|amount| amount * schedule.scale_percent / HUNDRED)
                            .unwrap_or_default()
                    })
                    .collect();
                row(id.clone(), label.clone(), per_year)
            }
        })
        .collect();

    let funding_required_levels = (0..years.len())
        .map(|index| {
            year_on_year_investment.per_year[index]
                + adjustment_rows
                    .iter()
                    .map(|r| r.per_year[index])
                    .sum::<Decimal>()
        })
        .collect();
    BudgetTable {
        title: view.title.clone(),
        years,
        cost_rows,
        grand_total,
        year_on_year_investment,
        adjustment_rows,
        funding_required: row(
            "council_funding_required".into(),
            view.total_label.clone(),
            funding_required_levels,
        ),
    }
}
