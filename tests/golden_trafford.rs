//! Trafford's Appendix A and summary table: every workstream row, grand total, year-on-year
//! investment and council funding required, to the pound.

use invest_to_save::model::{self, money::whole_pounds};
use invest_to_save::proposal::presets::preset;
use invest_to_save::reconcile::reconcile;
use rust_decimal::Decimal;
use serde_json::Value;

fn reference() -> Value {
    serde_json::from_str(include_str!("data/trafford_appendix_a.json")).unwrap()
}

fn figures(value: &Value) -> Vec<Decimal> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| Decimal::from(v.as_i64().unwrap()))
        .collect()
}

fn row(id: &str) -> (Vec<Decimal>, Decimal) {
    let cashflow = model::run(&preset("trafford").unwrap().baseline);
    let table = cashflow.budget.unwrap();
    let row = table
        .rows()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("no row {id}"))
        .clone();
    (
        row.per_year.into_iter().map(whole_pounds).collect(),
        whole_pounds(row.total),
    )
}

#[test]
fn every_workstream_row_is_reproduced() {
    let ids = [
        "level_1",
        "level_2",
        "level_3",
        "level_4",
        "level_5",
        "first_response",
        "quality",
        "enablers",
    ];
    let reference = reference();
    for (id, workstream) in ids.iter().zip(reference["workstreams"].as_array().unwrap()) {
        let (per_year, total) = row(&format!("workstream.{id}"));
        assert_eq!(per_year, figures(&workstream["annual_cost"]), "{id}");
        assert_eq!(
            total,
            Decimal::from(workstream["total"].as_i64().unwrap()),
            "{id}"
        );
    }
}

#[test]
fn grand_total_and_year_on_year_investment_are_reproduced() {
    let reference = reference();
    assert_eq!(
        row("grand_total").0,
        figures(&reference["grand_total"]["annual"])
    );
    assert_eq!(row("grand_total").1, Decimal::from(11_566_634));
    assert_eq!(
        row("year_on_year_investment").0,
        figures(&reference["summary"]["year_on_year_investment"]["annual"])
    );
    assert_eq!(row("year_on_year_investment").1, Decimal::from(4_159_721));
}

#[test]
fn council_funding_required_is_2_449_332_then_228_133_then_minus_455_544() {
    let (per_year, total) = row("council_funding_required");
    assert_eq!(
        per_year,
        [2_449_332, 228_133, -455_544].map(Decimal::from).to_vec()
    );
    assert_eq!(total, Decimal::from(2_221_921));
    let reference = reference();
    for (id, key) in [
        ("benefits", "amount_from_benefits"),
        ("mtfp", "council_funding_already_in_mtfp"),
        ("demographic", "benefit_of_reduced_demographic_growth"),
        ("contingency", "increase_to_general_contingency"),
    ] {
        assert_eq!(
            row(id).0,
            figures(&reference["summary"][key]["annual"]),
            "{id}"
        );
    }
}

#[test]
fn the_whole_printed_table_reconciles_with_no_exceptions() {
    let trafford = preset("trafford").unwrap();
    let reconciliation = reconcile(trafford, &model::run(&trafford.baseline));
    assert_eq!(reconciliation.budget.len(), 15 * 4);
    assert_eq!(reconciliation.differences().count(), 0);
    assert!(reconciliation.inconsistencies.is_empty());
}

#[test]
fn on_published_figures_alone_the_programme_does_not_pay_back_even_over_ten_years() {
    let trafford = preset("trafford").unwrap();
    let mut scenario = trafford.baseline.clone();
    scenario.horizon_months = 120;
    let cashflow = model::run(&scenario);
    assert_eq!(cashflow.results.payback, model::Payback::NotWithinHorizon);
    // After 2022/23 spending holds at 4,159,721 and benefits at 3,637,800 a year.
    let last = cashflow.years.last().unwrap();
    assert_eq!(whole_pounds(last.net), Decimal::from(-521_921));
}

#[test]
fn if_benefits_keep_growing_as_in_2022_23_the_programme_pays_back_in_2025() {
    let trafford = preset("trafford").unwrap();
    let mut scenario = trafford.baseline.clone();
    scenario.horizon_months = 120;
    scenario.after_plan_trend_percent = Decimal::ONE_HUNDRED;
    let cashflow = model::run(&scenario);
    // 2023/24 saves 3,637,800 + 1,358,048 against 4,159,721 of spending.
    let year_four = &cashflow.years[3];
    assert_eq!(whole_pounds(year_four.net), Decimal::from(836_127));
    assert_eq!(
        cashflow.results.payback.month().unwrap().to_string(),
        "2025-08"
    );
}

#[test]
fn each_further_child_kept_out_of_an_out_of_borough_placement_saves_4000_a_week() {
    let trafford = preset("trafford").unwrap();
    let parsed = invest_to_save::codec::parse(
        "v=1&p=trafford&placements.units=10",
        invest_to_save::proposal::presets::presets(),
    );
    assert!(parsed.notices.is_empty());
    let cashflow = model::run(&parsed.scenario);
    let line = trafford
        .baseline
        .savings
        .iter()
        .position(|l| l.id == "placements")
        .unwrap();
    // Ten children x £4,000 x 52 weeks = £2,080,000 a year at full effect, reached over a
    // 12-month ramp: 2020/21 gets (1 + 2 + ... + 12) / 12 of a month's saving, twelve times over.
    let per_year: Vec<Decimal> = cashflow
        .years
        .iter()
        .map(|y| whole_pounds(y.saving_by_line[line]))
        .collect();
    assert_eq!(
        per_year,
        [1_126_667, 2_080_000, 2_080_000]
            .map(Decimal::from)
            .to_vec()
    );
    // The funding table counts the saving as its year-on-year change.
    let (placements, total) = row_of(&cashflow, "placements");
    assert_eq!(
        placements,
        [-1_126_667, -953_333, 0].map(Decimal::from).to_vec()
    );
    assert_eq!(total, Decimal::from(-2_080_000));
    // At the published value of nought the report's table is untouched.
    assert_eq!(row("council_funding_required").1, Decimal::from(2_221_921));
}

fn row_of(cashflow: &model::Cashflow, id: &str) -> (Vec<Decimal>, Decimal) {
    let row = cashflow
        .budget
        .as_ref()
        .unwrap()
        .rows()
        .find(|r| r.id == id)
        .unwrap()
        .clone();
    (
        row.per_year.into_iter().map(whole_pounds).collect(),
        whole_pounds(row.total),
    )
}
