//! Calendar months and UK financial years (April to March).

use std::fmt;
use std::str::FromStr;

/// A calendar month, e.g. January 2022. Ordered by time. Handed to the page as its index.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(transparent)]
pub struct YearMonth {
    /// Months since January of year 0; keeps arithmetic trivial.
    index: i32,
}

/// Earliest and latest months a scenario may use; keeps every month arithmetic in range.
pub const EARLIEST_YEAR: i32 = 1990;
pub const LATEST_YEAR: i32 = 2100;

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl YearMonth {
    /// `month` is 1 to 12. Returns `None` outside the supported years.
    pub fn new(year: i32, month: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || !(EARLIEST_YEAR..=LATEST_YEAR).contains(&year) {
            return None;
        }
        Some(YearMonth {
            index: year * 12 + month as i32 - 1,
        })
    }

    pub fn year(self) -> i32 {
        self.index.div_euclid(12)
    }

    /// 1 = January.
    pub fn month(self) -> u32 {
        self.index.rem_euclid(12) as u32 + 1
    }

    /// The month `count` months later (earlier if negative).
    pub fn plus_months(self, count: i32) -> Self {
        // Saturating: no count, however wild, overflows (months stay in range elsewhere).
        YearMonth {
            index: self.index.saturating_add(count),
        }
    }

    /// Whole months from `self` to `later` (negative if `later` is earlier).
    pub fn months_until(self, later: YearMonth) -> i32 {
        later.index.saturating_sub(self.index)
    }

    pub fn financial_year(self) -> FinancialYear {
        let start = if self.month() >= 4 {
            self.year()
        } else {
            self.year() - 1
        };
        FinancialYear { start_year: start }
    }

    /// "February 2023".
    pub fn long_name(self) -> String {
        format!("{} {}", MONTH_NAMES[self.month() as usize - 1], self.year())
    }

    /// "Feb 2023".
    pub fn short_name(self) -> String {
        format!(
            "{} {}",
            &MONTH_NAMES[self.month() as usize - 1][..3],
            self.year()
        )
    }
}

impl fmt::Display for YearMonth {
    /// The form used in links and exports: "2023-02".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year(), self.month())
    }
}

impl FromStr for YearMonth {
    type Err = String;

    /// Reads "2023-02".
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let complaint =
            || format!("\"{text}\" is not a month: write it as year-month, e.g. 2023-02");
        let (year, month) = text.split_once('-').ok_or_else(complaint)?;
        if year.len() != 4 || month.is_empty() || month.len() > 2 {
            return Err(complaint());
        }
        let year: i32 = year.parse().map_err(|_| complaint())?;
        let month: u32 = month.parse().map_err(|_| complaint())?;
        if !(1..=12).contains(&month) {
            return Err(complaint());
        }
        YearMonth::new(year, month).ok_or_else(|| {
            format!("{text} is outside the years this calculator covers ({EARLIEST_YEAR} to {LATEST_YEAR})")
        })
    }
}

/// A UK financial year, April to March, named by the year it starts in.
#[derive(
    serde::Serialize, serde::Deserialize, Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash,
)]
pub struct FinancialYear {
    pub start_year: i32,
}

impl FinancialYear {
    pub fn first_month(self) -> YearMonth {
        YearMonth {
            index: self.start_year * 12 + 3,
        }
    }

    pub fn next(self) -> Self {
        FinancialYear {
            start_year: self.start_year + 1,
        }
    }
}

impl fmt::Display for FinancialYear {
    /// "2022/23", as councils write it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}/{:02}",
            self.start_year,
            (self.start_year + 1).rem_euclid(100)
        )
    }
}

impl FromStr for FinancialYear {
    type Err = String;

    /// Reads "2022/23".
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let complaint = || format!("\"{text}\" is not a financial year: write it like 2022/23");
        let (first, second) = text.split_once('/').ok_or_else(complaint)?;
        let start_year: i32 = first.parse().map_err(|_| complaint())?;
        let end: i32 = second.parse().map_err(|_| complaint())?;
        if first.len() != 4 || second.len() != 2 || (start_year + 1).rem_euclid(100) != end {
            return Err(complaint());
        }
        if !(EARLIEST_YEAR..LATEST_YEAR).contains(&start_year) {
            return Err(complaint());
        }
        Ok(FinancialYear { start_year })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn january_belongs_to_the_financial_year_that_started_the_april_before() {
        let january = YearMonth::new(2023, 1).unwrap();
        assert_eq!(january.financial_year().to_string(), "2022/23");
        assert_eq!(
            YearMonth::new(2023, 4)
                .unwrap()
                .financial_year()
                .to_string(),
            "2023/24"
        );
    }

    #[test]
    fn months_read_and_write_as_year_dash_month() {
        let month: YearMonth = "2023-02".parse().unwrap();
        assert_eq!(month.to_string(), "2023-02");
        assert_eq!(month.long_name(), "February 2023");
        assert_eq!(month.plus_months(11).to_string(), "2024-01");
        assert!("2023-13".parse::<YearMonth>().is_err());
        assert!("Feb 2023".parse::<YearMonth>().is_err());
        assert!("99999-01".parse::<YearMonth>().is_err());
    }

    #[test]
    fn financial_years_read_and_write_like_councils_print_them() {
        let year: FinancialYear = "1999/00".parse().unwrap();
        assert_eq!(year.to_string(), "1999/00");
        assert_eq!(year.first_month().to_string(), "1999-04");
        assert!("2022/24".parse::<FinancialYear>().is_err());
    }
}
