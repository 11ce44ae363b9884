//! CSV tables: one row per month or per financial year, money to the penny, costs positive.

use crate::model::money::pence;
use crate::model::{Cashflow, Flows};
use crate::reconcile::Reconciliation;
use crate::report::columns::{CashflowColumn, OrganisationColumn};

/// A spreadsheet runs a cell that starts with one of these as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell of text (a label, a funder, a period), written so that a spreadsheet shows it and never
/// runs it, as OWASP's CSV injection guidance advises: text that starts like a formula gets a
/// leading `'`, and a cell holding a comma, a quote or a line break is quoted, its quotes doubled.
/// Figures the model computes are written as they are: `-7500.00` is a number, not a formula.
fn text(cell: &str) -> String {
    let shown = if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if shown.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", shown.replace('"', "\"\""))
    } else {
        shown
    }
}

fn header(first: &str, cashflow: &Cashflow) -> String {
    std::iter::once(text(first))
        .chain(
            CashflowColumn::all(cashflow)
                .into_iter()
                .map(|column| text(&column.csv_name(cashflow))),
        )
        .collect::<Vec<_>>()
        .join(",")
}

/// A period's line: money to the penny, costs positive.
fn flows_line(cashflow: &Cashflow, period: &str, flows: &Flows) -> String {
    std::iter::once(text(period))
        .chain(
            CashflowColumn::all(cashflow)
                .into_iter()
                .map(|column| pence(column.amount(flows)).to_string()),
        )
        .collect::<Vec<_>>()
        .join(",")
        + "\n"
}

pub fn months(cashflow: &Cashflow) -> String {
    let mut out = header("month", cashflow) + "\n";
    for row in &cashflow.months {
        out += &flows_line(cashflow, &row.month.to_string(), row);
    }
    out
}

pub fn years(cashflow: &Cashflow) -> String {
    let mut out = header("year", cashflow) + "\n";
    for row in &cashflow.years {
        out += &flows_line(cashflow, &row.year.to_string(), row);
    }
    out
}

/// The referral driver's working month by month (empty when the proposal has none).
pub fn working(cashflow: &Cashflow) -> String {
    if cashflow.months.iter().all(|row| row.referrals.is_none()) {
        return String::new();
    }
    let mut out = String::from("month,referral_reduction,cases_avoided,open_cases_avoided,cashable_steps,saving_before_realisation\n");
    for row in &cashflow.months {
        if let Some(w) = &row.referrals {
            out += &format!(
                "{},{},{},{},{},{}\n",
                text(&row.month.to_string()),
                w.referral_reduction.round_dp(6).normalize(),
                w.cases_avoided.round_dp(6).normalize(),
                w.open_cases_avoided.round_dp(6).normalize(),
                w.cashable_steps.normalize(),
                pence(w.saving)
            );
        }
    }
    out
}

pub fn budget(cashflow: &Cashflow) -> String {
    let Some(table) = &cashflow.budget else {
        return String::new();
    };
    let mut columns = vec!["row".to_string()];
    columns.extend(table.years.iter().map(|y| text(&y.to_string())));
    columns.push("total".into());
    let mut out = columns.join(",") + "\n";
    for row in table.rows() {
        let mut cells = vec![text(&row.label)];
        cells.extend(row.per_year.iter().map(|a| pence(*a).to_string()));
        cells.push(pence(row.total).to_string());
        out += &(cells.join(",") + "\n");
    }
    out
}

pub fn reconciliation(reconciliation: &Reconciliation) -> String {
    let mut out = String::from("series,period,published,model,difference\n");
    for c in reconciliation.all() {
        out += &format!(
            "{},{},{},{},{}\n",
            text(&c.series),
            text(&c.period),
            c.published,
            c.model,
            c.model - c.published
        );
    }
    out
}

/// Who paid and who gained: one row an organisation, with the month it has all its money back
/// where a repayment repays it (`YYYY-MM`, or `not_within_horizon`, `nothing_owed`).
pub fn organisations(cashflow: &Cashflow) -> String {
    let header: Vec<&str> = std::iter::once("organisation")
        .chain(OrganisationColumn::ALL.map(OrganisationColumn::csv_name))
        .chain(["to_be_repaid", "repaid_in_full"])
        .collect();
    let mut out = header.join(",") + "\n";
    for o in &cashflow.results.by_organisation {
        let repaid_in_full = o.repaid_in_full.map_or(String::new(), |repaid| {
            repaid
                .month()
                .map_or(repaid.status().to_string(), |month| month.to_string())
        });
        let cells: Vec<String> = std::iter::once(text(&o.name))
            .chain(OrganisationColumn::ALL.map(|column| pence(column.amount(o)).to_string()))
            .chain([pence(o.to_be_repaid).to_string(), text(&repaid_in_full)])
            .collect();
        out += &(cells.join(",") + "\n");
    }
    out
}

/// Each organisation's cash position month by month: what it invested, gained, repaid and
/// received, its net and its running total (`invested_Council`, ..., `cumulative_Council`).
pub fn positions(cashflow: &Cashflow) -> String {
    let organisations = &cashflow.results.by_organisation;
    let mut header = vec!["month".to_string()];
    for o in organisations {
        header.extend(
            OrganisationColumn::ALL
                .iter()
                .map(|column| text(&format!("{}_{}", column.csv_name(), o.name))),
        );
        header.push(text(&format!("cumulative_{}", o.name)));
    }
    let mut out = header.join(",") + "\n";
    for (index, row) in cashflow.months.iter().enumerate() {
        let mut cells = vec![text(&row.month.to_string())];
        for month in organisations.iter().filter_map(|o| o.months.get(index)) {
            cells.extend(
                OrganisationColumn::ALL
                    .iter()
                    .map(|column| pence(column.amount_in_month(month)).to_string()),
            );
            cells.push(pence(month.cumulative).to_string());
        }
        out += &(cells.join(",") + "\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::text;

    #[test]
    fn text_that_starts_like_a_formula_is_shown_not_run() {
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("+1"), "'+1");
        assert_eq!(text("-2+3"), "'-2+3");
        assert_eq!(text("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(text("\tcmd"), "'\tcmd");
        assert_eq!(text("\rcmd"), "\"'\rcmd\"");
        assert_eq!(
            text("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
    }

    #[test]
    fn text_with_a_comma_quote_or_line_break_is_quoted() {
        assert_eq!(text("a,b"), "\"a,b\"");
        assert_eq!(text("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(text("two\nlines"), "\"two\nlines\"");
        assert_eq!(text("Council"), "Council");
        assert_eq!(text("2022/23"), "2022/23");
        assert_eq!(text("a=b"), "a=b");
    }
}
