#![cfg(not(target_arch = "wasm32"))]
//! The README's worked example ("Publish your own proposal") is a proposal file that checks
//! clean and gives the figures the README states, so the guide cannot drift from the code.

use invest_to_save::model::{self, Payback, YearMonth};
use invest_to_save::proposal::read_proposal;
use rust_decimal::Decimal;

fn readme_example() -> String {
    let readme = include_str!("../README.md");
    let start = readme
        .find("The\n   children's home needs only:")
        .expect("the README has the worked example");
    let block = &readme[start..];
    let end = block.find("A year is 52 weeks").expect("the example ends");
    block[..end]
        .lines()
        .skip(2)
        .map(|line| line.strip_prefix("       ").unwrap_or(line.trim()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_worked_example_checks_clean_and_pays_back_in_month_43() {
    let text = readme_example();
    let proposal = read_proposal(&text).unwrap_or_else(|problems| {
        panic!("{problems:?}\n{text}");
    });
    let cashflow = model::run(&proposal.starting);
    assert!(cashflow
        .months
        .iter()
        .all(|row| row.saving == Decimal::from(46_800)));
    assert_eq!(cashflow.years[1].saving, Decimal::from(561_600));
    let october_2029 = YearMonth::new(2029, 10).unwrap();
    assert_eq!(cashflow.results.payback, Payback::PaidBackIn(october_2029));
    assert_eq!(cashflow.months[42].month, october_2029, "month 43");
}
