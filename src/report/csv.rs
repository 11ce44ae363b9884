//! CSV tables: one row per month or per financial year, money to the penny, costs positive.

use crate::model::money::pence;
use crate::model::{Cashflow, Flows};
use crate::reconcile::Reconciliation;

/// Quotes a field if it needs it.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn header(first: &str, cashflow: &Cashflow) -> String {
    let mut columns = vec![first.to_string()];
    columns.extend(
        cashflow
            .funders
            .iter()
            .map(|f| field(&format!("investment_{f}"))),
    );
    columns.extend(["investment", "saving", "net", "cumulative"].map(String::from));
    columns.join(",")
}

fn flows_line(period: String, flows: &Flows) -> String {
    let mut cells = vec![period];
    cells.extend(
        flows
            .investment_by_funder
            .iter()
            .map(|a| pence(*a).to_string()),
    );
    cells.extend(
        [flows.investment, flows.saving, flows.net, flows.cumulative].map(|a| pence(a).to_string()),
    );
    cells.join(",") + "\n"
}

pub fn months(cashflow: &Cashflow) -> String {
    let mut out = header("month", cashflow) + "\n";
    for row in &cashflow.months {
        out += &flows_line(row.month.to_string(), row);
    }
    out
}

pub fn years(cashflow: &Cashflow) -> String {
    let mut out = header("year", cashflow) + "\n";
    for row in &cashflow.years {
        out += &flows_line(row.year.to_string(), row);
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
                row.month,
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
    columns.extend(table.years.iter().map(|y| y.to_string()));
    columns.push("total".into());
    let mut out = columns.join(",") + "\n";
    for row in table.rows() {
        let mut cells = vec![field(&row.label)];
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
            field(&c.series),
            c.period,
            c.published,
            c.model,
            c.model - c.published
        );
    }
    out
}

/// Who paid and who gained: one row an organisation.
pub fn organisations(cashflow: &Cashflow) -> String {
    let mut out = String::from("organisation,invested,gained,net\n");
    for o in &cashflow.results.by_organisation {
        out += &format!(
            "{},{},{},{}\n",
            field(&o.name),
            pence(o.invested),
            pence(o.gained),
            pence(o.net)
        );
    }
    out
}
