//! The file's `[[repayment]]` tables read into the model's repayments: who repays whom, out of
//! which savings, on what terms. Each problem is noted at the key at fault, so `calc check`
//! gives its line and column.

use rust_decimal::Decimal;

use crate::model::money::{format_pounds, MAX_AMOUNT};
use crate::model::repayment::Repayment;
use crate::model::scenario::{InvestmentLine, SavingLine, Scenario, MAX_HORIZON_MONTHS};

use super::check::{nearest, Findings, Path};
use super::file::{Number, RepaymentFile};
use super::{month_on, percent, pounds, Horizon};

/// The `out_of` that shares the payer's savings after it has met its own investment of the
/// month; "savings", the default, shares all of them.
const AFTER_OWN_INVESTMENT: &str = "savings_after_own_investment";
const ALL_SAVINGS: &str = "savings";

/// The organisations a repayment may name: those that invest and those savings land with.
pub(super) struct Parties<'a> {
    pub investments: &'a [InvestmentLine],
    pub savings: &'a [SavingLine],
}

impl Parties<'_> {
    fn funders(&self) -> Vec<&str> {
        distinct(self.investments.iter().map(|line| line.funder.as_str()))
    }

    fn beneficiaries(&self) -> Vec<&str> {
        distinct(self.savings.iter().map(|line| line.beneficiary.as_str()))
    }

    /// " Did you mean "Trust"?" for a name near one of the proposal's organisations.
    fn suggestion(&self, name: &str) -> String {
        let mut known = self.funders();
        known.extend(self.beneficiaries());
        nearest(name, known)
            .map(|near| format!(" Did you mean \"{near}\"?"))
            .unwrap_or_default()
    }
}

/// Each name once, in the order they first appear.
fn distinct<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut seen: Vec<&str> = Vec::new();
    for name in names {
        if !seen.contains(&name) {
            seen.push(name);
        }
    }
    seen
}

/// "Council and Trust", for a message.
fn listed(names: &[&str]) -> String {
    match names {
        [] => "none".into(),
        [only] => format!("\"{only}\""),
        [rest @ .., last] => format!(
            "{} and \"{last}\"",
            rest.iter()
                .map(|name| format!("\"{name}\""))
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

/// One `[[repayment]]` as the model's repayment; `None` when it cannot be built.
pub(super) fn repayment(
    file: &RepaymentFile,
    at: &Path,
    parties: &Parties,
    horizon: Option<Horizon>,
    found: &mut Findings,
) -> Option<Repayment> {
    let funders = parties.funders();
    let beneficiaries = parties.beneficiaries();
    let mut known = true;
    if !beneficiaries.contains(&file.payer.as_str()) {
        known = false;
        let why = if funders.contains(&file.payer.as_str()) {
            format!(
                "payer = \"{}\" receives no savings, and an organisation repays out of the savings that land with it: give a [[saving]] beneficiary = \"{}\", or name one that receives savings ({})",
                file.payer,
                file.payer,
                listed(&beneficiaries)
            )
        } else {
            format!(
                "payer = \"{}\" is not an organisation of this proposal; the savings land with {}.{}",
                file.payer,
                listed(&beneficiaries),
                parties.suggestion(&file.payer)
            )
        };
        found.add(&at.key("payer"), why);
    }
    if !funders.contains(&file.to.as_str()) {
        known = false;
        found.add(
            &at.key("to"),
            format!(
                "to = \"{}\" invests nothing, and a repayment pays back a funder: {}.{}",
                file.to,
                listed(&funders),
                parties.suggestion(&file.to)
            ),
        );
    } else if file.to == file.payer {
        known = false;
        found.add(
            &at.key("to"),
            format!(
                "payer and to are both \"{}\": an organisation cannot repay itself",
                file.to
            ),
        );
    }
    let investment_ids = file.investments.clone().unwrap_or_default();
    if known {
        let own_lines: Vec<&str> = parties
            .investments
            .iter()
            .filter(|line| line.funder == file.to)
            .map(|line| line.id.as_str())
            .collect();
        for id in &investment_ids {
            if !own_lines.contains(&id.as_str()) {
                found.add(
                    &at.key("investments"),
                    format!(
                        "investments names \"{id}\", which is not an investment line that \"{}\" pays (its lines: {})",
                        file.to,
                        listed(&own_lines)
                    ),
                );
            }
        }
    }
    let share_percent = found.ok(
        &at.key("share_percent"),
        percent(file.share_percent, "share_percent", Decimal::ONE_HUNDRED),
    );
    let after_own_investment = match file.out_of.as_deref() {
        None | Some(ALL_SAVINGS) => Some(false),
        Some(AFTER_OWN_INVESTMENT) => Some(true),
        Some(other) => {
            found.add(
                &at.key("out_of"),
                format!(
                    "out_of = \"{other}\"; it must be \"{ALL_SAVINGS}\" or \"{AFTER_OWN_INVESTMENT}\""
                ),
            );
            None
        }
    };
    // Nothing is repaid before savings arrive, so the timeline's first month is "as soon as
    // there are savings".
    let from = match &file.from {
        Some(text) => month_on(text, "from", horizon, &at.key("from"), found),
        None => horizon.map(|horizon| horizon.first),
    };
    let pounds = |number: Option<Number>, key: &str, found: &mut Findings| {
        number.and_then(|n| found.ok(&at.key(key), pounds(n, key, Decimal::ZERO, MAX_AMOUNT)))
    };
    // `Some(None)` when the file leaves it out: the month to pay back by is asked about.
    let repaid_by = match &file.repaid_by {
        Some(text) => month_on(text, "repaid_by", horizon, &at.key("repaid_by"), found).map(Some),
        None => Some(None),
    };
    let amount_per_month_at_most = pounds(file.per_month_at_most, "per_month_at_most", found);
    let cap = pounds(file.cap, "cap", found);
    let over_months = file.over_months.filter(|months| {
        let fits = (1..=MAX_HORIZON_MONTHS).contains(months);
        if !fits {
            found.add(
                &at.key("over_months"),
                format!("over_months must be between 1 and {MAX_HORIZON_MONTHS}; it is {months}"),
            );
        }
        fits
    });
    if let (Some(at_most), Some(months)) = (file.per_month_at_most, file.over_months) {
        found.add(
            &at.key("over_months"),
            format!(
                "give per_month_at_most or over_months, not both: at most {} a month and {months} equal instalments are two answers to one question",
                format_pounds(at_most.0)
            ),
        );
    }
    if !known {
        return None;
    }
    Some(Repayment {
        id: file.id.clone(),
        label: file.label.clone(),
        payer: file.payer.clone(),
        to: file.to.clone(),
        investment_ids,
        share_percent: share_percent?,
        after_own_investment: after_own_investment?,
        from: from?,
        amount_per_month_at_most,
        over_months,
        cap,
        repaid_by: repaid_by?,
    })
}

/// A repayment cannot exceed what it repays: a cap above the investment of the lines it repays
/// is a mistake of the file, said at the cap.
pub(super) fn check_caps(baseline: &Scenario, files: &[RepaymentFile], found: &mut Findings) {
    if baseline.repayments.len() != files.len() {
        return;
    }
    let results = crate::model::run(baseline).results.repayments;
    for (index, (result, repayment)) in results.iter().zip(&baseline.repayments).enumerate() {
        if let Some(cap) = repayment.cap.filter(|cap| *cap > result.invested) {
            found.add(
                &Path::root().key("repayment").index(index).key("cap"),
                format!(
                    "repayment \"{}\": cap = {} is more than the {} it repays (what \"{}\" invests in the lines it repays); a repayment cannot exceed what it repays",
                    repayment.id,
                    format_pounds(cap),
                    format_pounds(result.invested),
                    repayment.to
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::listed;

    #[test]
    fn names_are_listed_as_a_sentence_says_them() {
        assert_eq!(listed(&[]), "none");
        assert_eq!(listed(&["Council"]), "\"Council\"");
        assert_eq!(
            listed(&["Council", "Trust", "NHS"]),
            "\"Council\", \"Trust\" and \"NHS\""
        );
    }
}
