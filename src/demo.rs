//! The demo street (示例数据): a realistic, fictional roster so a newcomer sees a working
//! example at once. Never mixed into a database that holds real data.

use std::path::Path;

use rusqlite::Connection;

use crate::backup::{self, BackupInfo, BackupReason};
use crate::error::{Error, Result};
use crate::org::{ensure_branch, ensure_community};
use crate::settings;
use crate::street::{self, StreetProfile};
use crate::units::{self, Source, UnitCategory, UnitDetails, UnitInput};

/// The fictional street's name.
pub const STREET: &str = "海棠街道（示例）";

const MARK: &str = "示例数据";

const COMMUNITIES: [&str; 5] = ["海棠社区", "紫荆社区", "银杏社区", "枫林社区", "梧桐社区"];

/// The demo street's branches, in order.
pub(crate) const BRANCH_NAMES: [&str; 5] = [
    "部队分会",
    "学校分会",
    "企业分会",
    "成员单位分会",
    "其他区域单位分会",
];

/// (name, category, branch index, vice-chair, joined)
const UNITS: &[(&str, UnitCategory, usize, bool, &str)] = {
    use UnitCategory::*;
    &[
        ("海棠区人民检察院", Government, 3, true, "2001"),
        ("海棠区税务局海棠税务所", Government, 3, false, "2003-05"),
        ("海棠区市场监督管理局海棠所", Government, 3, false, "2008"),
        ("海棠公安分局海棠路派出所", Government, 3, true, "2001"),
        ("海棠区城市管理局执法中队", Government, 3, false, "2012-03"),
        ("海棠区司法局海棠司法所", Government, 3, false, "2010"),
        ("海棠区退役军人服务站", Government, 3, false, "2019-06"),
        ("武警某部三支队九中队", Military, 0, true, "2001"),
        ("海军某部第二干休所", Military, 0, false, "2001"),
        ("海棠区消防救援大队海棠站", Military, 0, false, "2005"),
        ("空军某部第四干休所", Military, 0, false, "2006-09"),
        ("陆军某部海棠营区", Military, 0, false, "2015"),
        ("海棠电力供电有限公司", Enterprise, 2, true, "2002"),
        (
            "海棠银行股份有限公司海棠支行",
            Enterprise,
            2,
            false,
            "2004-11",
        ),
        ("海棠燃气有限公司", Enterprise, 2, false, "2007"),
        ("海棠宾馆有限责任公司", Enterprise, 2, true, "2001"),
        ("海棠海景大酒店有限公司", Enterprise, 2, false, "2011-04"),
        (
            "海棠水务集团有限公司第三营业所",
            Enterprise,
            2,
            false,
            "2009",
        ),
        (
            "海棠通信有限公司海棠营业部",
            Enterprise,
            2,
            false,
            "2013-08",
        ),
        ("海棠文旅发展有限公司", Enterprise, 2, false, "2018-09"),
        ("海棠物业服务有限公司", Enterprise, 2, false, "2020"),
        ("海棠邮政海棠路支局", Enterprise, 2, false, "2003"),
        ("海棠大学海洋学院", School, 1, true, "2001"),
        ("海棠市第十九中学", School, 1, false, "2001"),
        ("海棠路小学", School, 1, false, "2002"),
        ("海棠区实验幼儿园", School, 1, false, "2010-09"),
        ("海棠职业技术学校", School, 1, false, "2014"),
        ("紫荆路小学", School, 1, false, "2016-09"),
        ("海棠区人民医院", Institution, 3, true, "2001"),
        ("海棠疗养院", Institution, 3, false, "2002"),
        ("海棠区图书馆", Institution, 3, false, "2008-06"),
        ("海棠区档案馆", Institution, 3, false, "2011"),
        ("海棠区社区卫生服务中心", Institution, 3, false, "2017-03"),
        ("海棠海洋地质研究所", Research, 4, true, "2003"),
        ("海棠水产科学研究院", Research, 4, false, "2006"),
        ("海棠气象观测站", Research, 4, false, "2012"),
        ("海棠区红十字会", SocialOrg, 4, false, "2009"),
        ("海棠区总商会", SocialOrg, 4, false, "2015-05"),
        ("海棠区律师协会", SocialOrg, 4, false, "2019"),
        ("海棠区志愿者协会", SocialOrg, 4, false, "2021-03"),
        ("海棠正信律师事务所", TwoNew, 4, false, "2016"),
        ("海棠明德会计师事务所", TwoNew, 4, false, "2018"),
        ("海棠社会组织服务中心", TwoNew, 4, false, "2020-07"),
        ("海棠睦邻养老服务中心", TwoNew, 4, false, "2022"),
        ("海棠青年创业园", TwoNew, 4, false, "2023-04"),
        ("海棠快递服务站党支部", TwoNew, 4, false, "2024"),
        ("海棠老年大学", Other, 4, false, "2010"),
        ("海棠区新华书店", Other, 4, false, "2012-10"),
        ("海棠海水浴场管理处", Other, 4, false, "2005"),
        ("海棠文化馆", Other, 4, false, "2025-09"),
    ]
};

const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡", "郭",
    "林", "何", "高", "罗",
];
const GIVEN: &[&str] = &[
    "海燕", "建国", "丽华", "志强", "晓明", "秀英", "立新", "红梅", "振华", "玉兰", "国栋", "婷婷",
    "浩然", "珺", "堃", "喆", "明轩", "思远", "雅琴", "卫东",
];
const TITLES: &[&str] = &[
    "党委书记",
    "办公室主任",
    "党支部书记",
    "政工科科长",
    "综合办主任",
];

/// Is the database holding the demo street?
pub fn is_demo(conn: &Connection) -> Result<bool> {
    Ok(settings::get(conn, "demo")?.as_deref() == Some("1"))
}

/// Fills an empty database with the demo street. Refused when it already holds any data.
pub fn load(conn: &mut Connection) -> Result<DemoSummary> {
    let has_data: i64 = conn.query_row(
        "SELECT (SELECT COUNT(*) FROM units) + (SELECT COUNT(*) FROM communities)
              + (SELECT COUNT(*) FROM meetings) + (SELECT COUNT(*) FROM branches)",
        [],
        |r| r.get(0),
    )?;
    if has_data > 0 {
        return Err(Error::Conflict(
            "数据库中已有数据，不能载入示例数据（示例数据只能载入空数据库，以免与真实数据混在一起）。"
                .into(),
        ));
    }
    let tx = conn.transaction()?;
    let mut community_ids = Vec::new();
    for name in COMMUNITIES {
        community_ids.push(ensure_community(&tx, name, &format!("{name}党委"))?);
    }
    tx.execute(
        "UPDATE communities SET notes = ?1, party_secretary = '社区书记', contact = '社区党委副书记', phones = '[\"0532-82860000\"]'",
        [MARK],
    )?;
    let mut branch_ids = Vec::new();
    for name in BRANCH_NAMES {
        branch_ids.push(ensure_branch(&tx, name)?);
    }
    for (i, (name, category, branch, vice_chair, joined)) in UNITS.iter().enumerate() {
        let person = |k: usize| {
            format!(
                "{}{}",
                SURNAMES[(i * 7 + k * 3) % SURNAMES.len()],
                GIVEN[(i * 11 + k * 5) % GIVEN.len()]
            )
        };
        let details = UnitDetails {
            name: (*name).into(),
            category: *category,
            vice_chair: *vice_chair,
            party_org: format!("中共{name}委员会"),
            party_secretary: person(0),
            contact: person(1),
            contact_title: TITLES[i % TITLES.len()].into(),
            phones: vec![
                format!("1380532{:04}", 1000 + i * 37),
                format!("0532-8286{:04}", 2000 + i * 13),
            ],
            address: format!("海棠区海棠路{}号", 10 + i * 3),
            joined_on: Some((*joined).into()),
            notes: MARK.into(),
            ..Default::default()
        };
        let input = UnitInput {
            details,
            community_id: Some(community_ids[i % community_ids.len()]),
            branch_id: Some(branch_ids[*branch]),
        };
        units::create(&tx, &input, Source::Demo)?;
    }
    settings::set(&tx, "demo", "1")?;
    street::save(
        &tx,
        &StreetProfile {
            name: STREET.into(),
            short_name: "海棠街道".into(),
            party_org: "中共海棠街道工作委员会（示例）".into(),
            leader: "周立新".into(),
            contact: "林雅琴".into(),
            phone: "0532-82860001".into(),
            address: "海棠区海棠路1号".into(),
            meeting_name: "海棠街道“六联共建”联席会".into(),
            number_prefix: String::new(),
            issuer: "海棠街道党工委办公室".into(),
        },
    )?;
    crate::meetings::demo::load(&tx)?;
    let annual: Vec<i64> = {
        let mut stmt =
            tx.prepare("SELECT id FROM meetings WHERE kind = 'annual' ORDER BY date, id")?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // The lists first: the agreements' 共建项目 come from the claims.
    crate::lists::load_demo(&tx, annual.get(1).copied())?;
    let agreements = crate::agreements::load_demo(&tx)?;
    if let [last, this, ..] = annual.as_slice() {
        crate::donations::load_demo(&tx, *last, *this)?;
    }
    tx.commit()?;
    Ok(DemoSummary {
        units: UNITS.len(),
        communities: COMMUNITIES.len(),
        branches: BRANCH_NAMES.len(),
        agreements,
    })
}

/// The tables that hold a street's data, children before parents (so every row can go
/// without breaking a reference). Templates stay: they are the app's, not the street's.
const DATA_TABLES: [&str; 25] = [
    "project_attachments",
    "project_progress",
    "project_needs",
    "project_resources",
    "claims",
    "projects",
    "resources",
    "needs",
    "minutes_items",
    "minutes_attendees",
    "minutes",
    "news_drafts",
    "donation_receipts",
    "donations",
    "agreements",
    "speech_units",
    "speeches",
    "agenda_items",
    "attendance",
    "meetings",
    "unit_history",
    "units",
    "import_batches",
    "branches",
    "communities",
];

/// 清除示例数据，开始正式使用: takes a backup, then empties every table of the street's data
/// and the street's profile, in one transaction. Refused on a database that is not the demo.
pub fn clear(conn: &mut Connection, db_path: &Path) -> Result<BackupInfo> {
    if !is_demo(conn)? {
        return Err(Error::Conflict(
            "当前数据不是示例数据，不能清除（为防止误删真实数据，只有载入的示例数据可以一键清除）。".into(),
        ));
    }
    let safety = backup::create(conn, db_path, BackupReason::BeforeBulkChange)?;
    let tx = conn.transaction()?;
    for table in DATA_TABLES {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    tx.execute("DELETE FROM street_profile", [])?;
    tx.execute("DELETE FROM settings WHERE key = 'demo'", [])?;
    tx.commit()?;
    Ok(safety)
}

/// What [`load`] created.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct DemoSummary {
    pub units: usize,
    pub communities: usize,
    pub branches: usize,
    pub agreements: usize,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;

    #[test]
    fn loads_once_into_an_empty_database() {
        let mut conn = open_in_memory().unwrap();
        let s = load(&mut conn).unwrap();
        assert_eq!(s.units, 50);
        assert!(is_demo(&conn).unwrap());
        let all = units::list(&conn).unwrap();
        assert_eq!(all.len(), 50);
        for c in UnitCategory::ALL {
            assert!(all.iter().any(|u| u.category == *c), "{c:?} missing");
        }
        assert!(all.iter().all(|u| u.notes == MARK));
        assert_eq!(load(&mut conn).unwrap_err().kind(), "conflict");
    }

    #[test]
    fn clearing_leaves_an_empty_database_after_a_backup_and_only_for_the_demo() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("lianxi.sqlite3");
        let mut conn = crate::db::open(&path).unwrap();
        assert_eq!(clear(&mut conn, &path).unwrap_err().kind(), "conflict");
        load(&mut conn).unwrap();
        let safety = clear(&mut conn, &path).unwrap();
        assert_eq!(safety.reason, BackupReason::BeforeBulkChange);
        assert!(!is_demo(&conn).unwrap());
        assert_eq!(street::get(&conn).unwrap(), StreetProfile::default());
        for table in DATA_TABLES {
            let n: i64 = conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 0, "{table}");
        }
        // The built-in templates stay, and the demo can be loaded again.
        assert!(!crate::agreements::templates::list(&conn)
            .unwrap()
            .is_empty());
        load(&mut conn).unwrap();
        // Restoring the safety backup brings the demo back.
        assert_eq!(crate::backup::list(&path).unwrap().len(), 1);
    }

    #[test]
    fn every_table_of_street_data_is_cleared() {
        let conn = open_in_memory().unwrap();
        let mut stmt = conn
            .prepare(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
            )
            .unwrap();
        let tables: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        for t in tables {
            let kept = ["settings", "agreement_templates", "street_profile"].contains(&t.as_str());
            assert!(
                kept || DATA_TABLES.contains(&t.as_str()),
                "table {t} is neither cleared nor kept on purpose"
            );
        }
    }

    #[test]
    fn refused_when_real_data_exists() {
        let mut conn = open_in_memory().unwrap();
        units::create(
            &conn,
            &UnitInput {
                details: UnitDetails {
                    name: "真实单位".into(),
                    ..Default::default()
                },
                ..Default::default()
            },
            Source::Edit,
        )
        .unwrap();
        assert_eq!(load(&mut conn).unwrap_err().kind(), "conflict");
        assert!(!is_demo(&conn).unwrap());
    }
}
