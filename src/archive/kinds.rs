//! What kind of record each archived file is, and how long it is kept (保管期限). The defaults
//! follow 《机关文件材料归档范围和文书档案保管期限规定》 (国家档案局令第8号): notices, lists,
//! 纪要, agreements and decisions 永久; speeches and exchange material 30年. Each kind's period
//! is editable in 设置 and kept in the settings table.

use std::collections::BTreeMap;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::meetings::labelled;
use crate::{settings, Error, Result};

labelled! {
    /// The kind of an archived file.
    ArchiveKind {
        Notice = "notice" / "通知与邀请",
        List = "list" / "名单与签到",
        Speech = "speech" / "讲话与交流材料",
        Minutes = "minutes" / "会议纪要",
        Agreement = "agreement" / "共建协议",
        Donation = "donation" / "捐赠材料",
        Projects = "projects" / "清单与项目",
        Roster = "roster" / "成员单位名册",
        Backup = "backup" / "数据备份",
    }
}

labelled! {
    /// 保管期限.
    Retention {
        Permanent = "permanent" / "永久",
        Years30 = "30" / "30年",
        Years10 = "10" / "10年",
    }
}

impl ArchiveKind {
    /// The period a kind is kept when nothing else was chosen.
    pub fn default_retention(self) -> Retention {
        match self {
            ArchiveKind::Speech => Retention::Years30,
            ArchiveKind::Backup => Retention::Years10,
            _ => Retention::Permanent,
        }
    }
}

/// The settings key of the chosen periods (JSON: kind code → retention code).
const SETTING: &str = "archive_retention";

/// One kind and its period, as 设置 shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RetentionRow {
    pub kind: ArchiveKind,
    pub retention: Retention,
    pub default: Retention,
}

/// Every kind with its period (the chosen one, else the default).
pub fn retentions(conn: &Connection) -> Result<Vec<RetentionRow>> {
    let chosen = chosen(conn)?;
    ArchiveKind::ALL
        .iter()
        .map(|&kind| {
            let retention = match chosen.get(kind.code()) {
                None => kind.default_retention(),
                // A period this version does not know is a data error, never the default.
                Some(code) => Retention::from_code(code).ok_or_else(|| Error::Data {
                    what: SETTING.into(),
                    value: code.chars().take(40).collect(),
                })?,
            };
            Ok(RetentionRow {
                kind,
                retention,
                default: kind.default_retention(),
            })
        })
        .collect()
}

/// The period of `kind`.
pub fn retention_of(rows: &[RetentionRow], kind: ArchiveKind) -> Retention {
    rows.iter()
        .find(|r| r.kind == kind)
        .map_or(kind.default_retention(), |r| r.retention)
}

/// Sets the period of `kind`.
pub fn set_retention(conn: &Connection, kind: ArchiveKind, retention: Retention) -> Result<()> {
    let mut map = chosen(conn)?;
    map.insert(kind.code().to_string(), retention.code().to_string());
    let json = serde_json::to_string(&map)?;
    settings::set(conn, SETTING, &json)
}

fn chosen(conn: &Connection) -> Result<BTreeMap<String, String>> {
    match settings::get(conn, SETTING)? {
        None => Ok(BTreeMap::new()),
        Some(json) => serde_json::from_str(&json).map_err(|e| Error::Invalid {
            field: "archive_retention",
            message: format!("保管期限设置无法识别（{e}），请在“设置 → 年度归档”中重新选择。"),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_follow_the_rules_and_a_choice_is_kept() {
        let conn = crate::db::open_in_memory().unwrap();
        let rows = retentions(&conn).unwrap();
        assert_eq!(
            retention_of(&rows, ArchiveKind::Minutes),
            Retention::Permanent
        );
        assert_eq!(
            retention_of(&rows, ArchiveKind::Agreement),
            Retention::Permanent
        );
        assert_eq!(retention_of(&rows, ArchiveKind::Speech), Retention::Years30);
        set_retention(&conn, ArchiveKind::Speech, Retention::Permanent).unwrap();
        let rows = retentions(&conn).unwrap();
        assert_eq!(
            retention_of(&rows, ArchiveKind::Speech),
            Retention::Permanent
        );
        assert_eq!(
            retention_of(&rows, ArchiveKind::Notice),
            Retention::Permanent
        );
    }

    #[test]
    fn an_unknown_stored_period_is_a_data_error() {
        let conn = crate::db::open_in_memory().unwrap();
        settings::set(&conn, SETTING, r#"{"speech":"forever-and-a-day"}"#).unwrap();
        let e = retentions(&conn).unwrap_err();
        assert_eq!(e.kind(), "data");
        assert!(e.to_string().contains("forever-and-a-day"), "{e}");
    }
}
