//! Dates that may be known only to the year or the month (入会时间 "2018年" or "2018年9月").

use std::fmt;

use chrono::{Datelike, NaiveDate};

use crate::error::{Error, Result};

/// A date known to the year, the month, or the day. Stored as `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`; printed as 2018年, 2018年9月, 2018年9月21日.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    Year(i32),
    Month(i32, u32),
    Day(NaiveDate),
}

impl PartialDate {
    /// Parses the stored form `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Result<Self> {
        let bad = || {
            Error::invalid(
                "date",
                format!("“{s}”不是有效的日期（应为 年、年-月 或 年-月-日）。"),
            )
        };
        let parts: Vec<&str> = s.trim().split('-').collect();
        let num = |p: &str| p.parse::<u32>().map_err(|_| bad());
        match parts.as_slice() {
            [y] if y.len() == 4 => Ok(PartialDate::Year(year(num(y)?).ok_or_else(bad)?)),
            [y, m] if y.len() == 4 => {
                let (y, m) = (year(num(y)?).ok_or_else(bad)?, num(m)?);
                if (1..=12).contains(&m) {
                    Ok(PartialDate::Month(y, m))
                } else {
                    Err(bad())
                }
            }
            [y, m, d] if y.len() == 4 => {
                let y = year(num(y)?).ok_or_else(bad)?;
                NaiveDate::from_ymd_opt(y, num(m)?, num(d)?)
                    .map(PartialDate::Day)
                    .ok_or_else(bad)
            }
            _ => Err(bad()),
        }
    }

    /// The stored form.
    pub fn to_iso(&self) -> String {
        match self {
            PartialDate::Year(y) => format!("{y:04}"),
            PartialDate::Month(y, m) => format!("{y:04}-{m:02}"),
            PartialDate::Day(d) => d.format("%Y-%m-%d").to_string(),
        }
    }

    /// The year, whatever the precision.
    pub fn year(&self) -> i32 {
        match self {
            PartialDate::Year(y) | PartialDate::Month(y, _) => *y,
            PartialDate::Day(d) => d.year(),
        }
    }
}

fn year(y: u32) -> Option<i32> {
    (1900..=2200).contains(&y).then_some(y as i32)
}

/// The document form: 2018年, 2018年9月, 2018年9月21日 (no leading zeros).
impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Year(y) => write!(f, "{y}年"),
            PartialDate::Month(y, m) => write!(f, "{y}年{m}月"),
            PartialDate::Day(d) => write!(f, "{}", cn_date(*d)),
        }
    }
}

/// Today's date, local time.
pub fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// A full date in the document convention: 2026年9月21日.
pub fn cn_date(d: NaiveDate) -> String {
    format!("{}年{}月{}日", d.year(), d.month(), d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_prints() {
        for (iso, cn) in [
            ("2018", "2018年"),
            ("2018-09", "2018年9月"),
            ("2018-09-21", "2018年9月21日"),
        ] {
            let d = PartialDate::parse_iso(iso).unwrap();
            assert_eq!(d.to_iso(), iso);
            assert_eq!(d.to_string(), cn);
        }
    }

    #[test]
    fn rejects_nonsense() {
        for bad in [
            "",
            "18",
            "2019-13",
            "2019-02-30",
            "abcd",
            "2019-1-1-1",
            "0001",
        ] {
            assert!(PartialDate::parse_iso(bad).is_err(), "{bad}");
        }
    }
}
