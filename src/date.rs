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

/// A full date in Chinese numerals, as on certificates and formal letters: 二〇二六年九月二十五日.
pub fn cn_numeral_date(d: NaiveDate) -> String {
    const D: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    let year: String = d
        .year()
        .to_string()
        .chars()
        .filter_map(|c| c.to_digit(10).map(|n| D[n as usize]))
        .collect();
    let small = |n: u32| -> String {
        match (n / 10, n % 10) {
            (0, u) => D[u as usize].to_string(),
            (1, 0) => "十".into(),
            (1, u) => format!("十{}", D[u as usize]),
            (t, 0) => format!("{}十", D[t as usize]),
            (t, u) => format!("{}十{}", D[t as usize], D[u as usize]),
        }
    };
    format!("{year}年{}月{}日", small(d.month()), small(d.day()))
}

/// Reads a date as people type it: 2026-09-28, 2026/9/28, 2026.9.28, 2026年10月8日, 20260928.
pub fn parse_day(input: &str) -> Result<NaiveDate> {
    use unicode_normalization::UnicodeNormalization;
    let s: String = input.nfkc().filter(|c| !c.is_whitespace()).collect();
    let bad = || {
        Error::invalid(
            "date",
            format!(
                "“{}”不是有效的日期（例如 2026-09-28、2026.9.28 或 2026年10月8日）。",
                input.trim()
            ),
        )
    };
    let s = s.trim_end_matches('日').trim_end_matches('号');
    let parts: Vec<&str> = s.split(['-', '/', '.', '年', '月']).collect();
    let (y, m, d) = match parts.as_slice() {
        [y, m, d] => (*y, *m, *d),
        [all] if all.len() == 8 => (&all[0..4], &all[4..6], &all[6..8]),
        _ => return Err(bad()),
    };
    let num = |p: &str| {
        (!p.is_empty() && p.len() <= 4 && p.chars().all(|c| c.is_ascii_digit()))
            .then(|| p.parse::<u32>().ok())
            .flatten()
            .ok_or_else(bad)
    };
    let y = year(num(y)?).ok_or_else(bad)?;
    NaiveDate::from_ymd_opt(y, num(m)?, num(d)?).ok_or_else(bad)
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

    #[test]
    fn chinese_numeral_dates() {
        for (ymd, cn) in [
            ((2026, 9, 25), "二〇二六年九月二十五日"),
            ((2026, 10, 1), "二〇二六年十月一日"),
            ((2030, 12, 10), "二〇三〇年十二月十日"),
            ((2000, 1, 31), "二〇〇〇年一月三十一日"),
            ((2019, 11, 20), "二〇一九年十一月二十日"),
        ] {
            let d = NaiveDate::from_ymd_opt(ymd.0, ymd.1, ymd.2).unwrap();
            assert_eq!(cn_numeral_date(d), cn);
        }
    }

    #[test]
    fn days_typed_every_way() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 8).unwrap();
        for ok in [
            "2026-10-08",
            "2026/10/8",
            "2026.10.8",
            "2026年10月8日",
            "２０２６年10月8号",
            "20261008",
            " 2026-10-8 ",
        ] {
            assert_eq!(parse_day(ok).ok(), Some(d), "{ok}");
        }
        for bad in [
            "",
            "2026-13-01",
            "2026-02-30",
            "明天",
            "2026年10月",
            "26.10.8",
            "2026-10-8-1",
        ] {
            assert!(parse_day(bad).is_err(), "{bad}");
        }
    }
}
