//! 年度概览: the numbers behind each chart of the year, counted from the data (the screen's
//! charts, their tables, `lianxi stats --json` and the printed 年度工作统计 all read these).
//! The three lists' counts come from the lists' store (`lists::overview`).

mod print;

pub use print::stats_pdf;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use crate::agreements::{self, AgreementStatus};
use crate::meetings::{self, attendance};
use crate::units::{self, UnitCategory, UnitStatus};
use crate::Result;

/// A label and how many.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Count {
    pub label: String,
    #[ts(type = "number")]
    pub count: i64,
}

/// Units that joined and left in one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct YearFlow {
    pub year: i32,
    #[ts(type = "number")]
    pub joined: i64,
    #[ts(type = "number")]
    pub left: i64,
}

/// One meeting's attendance: 应到 (member units invited), 实到 (signed in), 请假.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MeetingAttendance {
    #[ts(type = "number")]
    pub meeting_id: i64,
    pub title: String,
    pub date: Option<String>,
    #[ts(type = "number")]
    pub expected: i64,
    #[ts(type = "number")]
    pub present: i64,
    #[ts(type = "number")]
    pub leave: i64,
    /// 实到 ÷ 应到 in whole percent (rounded); `None` before anyone is invited.
    pub rate_percent: Option<u32>,
}

/// One year's donations: cash pledged and received, goods' value (all in 分).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct YearDonations {
    pub year: i32,
    pub pledged_fen: i64,
    pub received_fen: i64,
    pub in_kind_fen: i64,
    /// The same amounts as people read them (¥110,000.00).
    pub pledged: String,
    pub received: String,
    pub in_kind: String,
}

/// The numbers behind every chart of 年度概览.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct YearStats {
    pub year: i32,
    /// 在册 member units now, by 类别 (every category, zeros included).
    pub units_by_category: Vec<Count>,
    /// 在册 member units now, by 分会 (units without one under 未分会).
    pub units_by_branch: Vec<Count>,
    /// Joins and leaves per year, for the ten years up to `year` (from the earliest year on
    /// record, when that is later).
    pub joins_and_leaves: Vec<YearFlow>,
    /// The meetings of `year` that took place, by date.
    pub attendance: Vec<MeetingAttendance>,
    /// The agreements of `year` by status (every status, zeros included).
    pub agreements_by_status: Vec<Count>,
    /// Donations per year (认捐 vs 到账), for the years up to `year` that have any (at most
    /// ten).
    pub donations_by_year: Vec<YearDonations>,
    /// The year's needs (需求清单) by status (every status, zeros included).
    pub needs_by_status: Vec<Count>,
    /// The year's 共建项目 by status (every status, zeros included).
    pub projects_by_status: Vec<Count>,
    /// The year's projects nobody has claimed yet, by number: 项2026-003 法律咨询进社区.
    pub unclaimed_projects: Vec<String>,
    /// The year's projects past their 完成时限 and not done, the longest overdue first.
    pub overdue_projects: Vec<String>,
}

/// Counts everything for `year`.
pub fn year_stats(conn: &Connection, year: i32) -> Result<YearStats> {
    let all = units::list(conn)?;
    let active: Vec<_> = all
        .iter()
        .filter(|u| u.status == UnitStatus::Active)
        .collect();

    let units_by_category = UnitCategory::ALL
        .iter()
        .map(|&c| Count {
            label: c.label().to_string(),
            count: active.iter().filter(|u| u.category == c).count() as i64,
        })
        .collect();

    let mut units_by_branch: Vec<Count> = Vec::new();
    for u in &active {
        let label = u.branch.clone().unwrap_or_else(|| "未分会".to_string());
        match units_by_branch.iter_mut().find(|c| c.label == label) {
            Some(c) => c.count += 1,
            None => units_by_branch.push(Count { label, count: 1 }),
        }
    }
    units_by_branch.sort_by(|a, b| b.count.cmp(&a.count).then(a.label.cmp(&b.label)));

    let year_of = |d: &Option<String>| -> Option<i32> {
        d.as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse().ok())
    };
    let joined: Vec<i32> = all.iter().filter_map(|u| year_of(&u.joined_on)).collect();
    let left: Vec<i32> = all.iter().filter_map(|u| year_of(&u.left_on)).collect();
    let first = joined
        .iter()
        .chain(&left)
        .copied()
        .filter(|&y| y <= year)
        .min();
    let joins_and_leaves = match first {
        None => Vec::new(),
        Some(first) => (first.max(year - 9)..=year)
            .map(|y| YearFlow {
                year: y,
                joined: joined.iter().filter(|&&j| j == y).count() as i64,
                left: left.iter().filter(|&&l| l == y).count() as i64,
            })
            .collect(),
    };

    let mut attendance = Vec::new();
    for m in meetings::held_in_year(conn, year)? {
        let c = attendance::counts(conn, m.id)?;
        attendance.push(MeetingAttendance {
            meeting_id: m.id,
            title: m.title,
            date: m.date.map(|d| d.to_string()),
            expected: c.expected,
            present: c.present,
            leave: c.leave,
            rate_percent: (c.expected > 0)
                .then(|| ((c.present * 100 + c.expected / 2) / c.expected) as u32),
        });
    }

    let of_year: Vec<_> = agreements::list(conn, None)?
        .into_iter()
        .filter(|a| a.year == year)
        .collect();
    let agreements_by_status = AgreementStatus::ALL
        .iter()
        .map(|&s| Count {
            label: s.label().to_string(),
            count: of_year.iter().filter(|a| a.status == s).count() as i64,
        })
        .collect();

    let mut donations_by_year = Vec::new();
    for y in (year - 9)..=year {
        let filter = crate::donations::DonationFilter {
            year: Some(y),
            ..Default::default()
        };
        let t = crate::donations::list(conn, &filter)?.totals;
        if t.count == 0 {
            continue;
        }
        donations_by_year.push(YearDonations {
            year: y,
            pledged_fen: t.cash_pledged_fen,
            received_fen: t.cash_received_fen,
            in_kind_fen: t.in_kind_value_fen,
            pledged: t.cash_pledged_figures,
            received: t.cash_received_figures,
            in_kind: t.in_kind_value_figures,
        });
    }

    let lists = crate::lists::overview(conn, year)?;
    let counts = |list: &[crate::lists::StatusCount]| -> Vec<Count> {
        list.iter()
            .map(|c| Count {
                label: c.status.clone(),
                count: i64::from(c.count),
            })
            .collect()
    };
    let named = |p: &crate::lists::Project| format!("{} {}", p.code, p.name);
    let mut unclaimed: Vec<&crate::lists::Project> = lists
        .projects_list
        .iter()
        .filter(|p| p.status == crate::lists::ProjectStatus::Unclaimed)
        .collect();
    unclaimed.sort_by_key(|p| p.number);

    Ok(YearStats {
        year,
        units_by_category,
        units_by_branch,
        joins_and_leaves,
        attendance,
        agreements_by_status,
        donations_by_year,
        needs_by_status: counts(&lists.needs_by_status),
        projects_by_status: counts(&lists.projects_by_status),
        unclaimed_projects: unclaimed.into_iter().map(named).collect(),
        overdue_projects: lists.overdue.iter().map(named).collect(),
    })
}

/// 年度工作统计 of `year` written to `path` (through a temporary file).
pub fn write_stats_pdf(conn: &Connection, year: i32, path: &std::path::Path) -> Result<()> {
    let stats = year_stats(conn, year)?;
    let who = crate::street::get(conn)?.meeting_name();
    let fonts = crate::print::saved_fonts(conn)?;
    let bytes = stats_pdf(&stats, &who, &fonts)?;
    crate::print::write_file(path, &bytes)
}
