use chrono::NaiveDate;

use super::*;
use crate::print::{Block, Table};

fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, day)
}

fn claim(unit: &str, lead: bool) -> ClaimRow {
    ClaimRow {
        unit: unit.into(),
        lead,
        contact: "张珺".into(),
        phone: "13805320101".into(),
    }
}

fn project(n: usize, claims: Vec<ClaimRow>) -> ProjectRow {
    ProjectRow {
        code: format!("项2026-{n:03}"),
        name: format!("共建项目{n}"),
        category: "关心关爱".into(),
        content: "为辖区独居老人提供上门服务".into(),
        deadline: d(2026, 12, 31),
        status: if claims.is_empty() {
            "未认领"
        } else {
            "已认领"
        }
        .into(),
        claims,
        ..ProjectRow::default()
    }
}

/// The text of every cell and line of a document, in order.
fn texts(doc: &Doc) -> Vec<String> {
    fn walk(b: &Block, out: &mut Vec<String>) {
        match b {
            Block::Title(t) | Block::Heading1(t) | Block::Heading2(t) => out.push(t.clone()),
            Block::Paragraph { text, .. } | Block::Line { text, .. } => out.push(text.clone()),
            Block::Table(t) => {
                for r in t.header.iter().chain(&t.rows) {
                    out.extend(r.iter().cloned());
                }
            }
            Block::KeepTogether(bs) => bs.iter().for_each(|b| walk(b, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    doc.blocks.iter().for_each(|b| walk(b, &mut out));
    out
}

fn tables(doc: &Doc) -> Vec<&Table> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect()
}

#[test]
fn the_claim_form_has_its_columns_tall_rows_and_blank_cells_for_unclaimed_projects() {
    let paper = ClaimsPaper {
        year: 2026,
        meeting_name: "八大关街道区域化党建联席会".into(),
        projects: vec![
            project(
                1,
                vec![
                    claim("太平角宾馆有限公司", false),
                    claim("八大关小学", true),
                ],
            ),
            project(2, vec![]),
        ],
    };
    let doc = claims_doc(&paper).unwrap();
    let t = tables(&doc)[0];
    assert_eq!(
        t.header.as_deref().unwrap(),
        [
            "序号",
            "项目名称",
            "类别",
            "内容",
            "认领单位（盖章）",
            "联系人",
            "电话",
            "签字"
        ]
    );
    // The lead first, marked, on the project's row; the partner on a row of its own.
    assert_eq!(t.rows[0][..2], ["1", "共建项目1"]);
    assert_eq!(t.rows[0][4], "八大关小学（牵头）");
    assert_eq!(t.rows[0][6], "13805320101");
    assert!(
        t.rows[1][..4].iter().all(String::is_empty),
        "{:?}",
        t.rows[1]
    );
    assert_eq!(t.rows[1][4], "太平角宾馆有限公司（协作）");
    // Nobody has claimed project 2: its claim cells are blank for the day.
    assert_eq!(t.rows[2][..2], ["2", "共建项目2"]);
    assert!(
        t.rows[2][4..].iter().all(String::is_empty),
        "{:?}",
        t.rows[2]
    );
    // Rows are tall enough for a seal.
    let least = t
        .columns
        .iter()
        .filter_map(|c| c.min_height)
        .fold(0.0, f32::max);
    assert!(least >= crate::print::mm(25.0) - 0.01, "{least}");
    // No projects, nothing to print.
    let empty = ClaimsPaper {
        projects: vec![],
        ..paper
    };
    assert!(matches!(claims_doc(&empty), Err(Error::NothingToPrint(_))));
}

#[test]
fn the_report_opens_with_the_counts_and_lists_the_lead_first() {
    let mut done = project(1, vec![claim("协作单位", false), claim("牵头单位", true)]);
    done.status = "已完成".into();
    done.result = Some((
        d(2026, 11, 20).unwrap(),
        "已为32户独居老人安装烟感报警器。".into(),
    ));
    let mut late = project(2, vec![claim("协作单位", true)]);
    late.status = "实施中".into();
    late.overdue = true;
    late.last_progress = Some((d(2026, 10, 8).unwrap(), "完成入户摸底".into()));
    let paper = ProgressPaper {
        year: 2026,
        meeting_name: "八大关街道区域化党建联席会".into(),
        issuer: "中共八大关街道工作委员会".into(),
        as_of: d(2026, 11, 20),
        by_status: vec![
            ("未认领".into(), 1),
            ("已认领".into(), 0),
            ("实施中".into(), 1),
            ("已完成".into(), 1),
        ],
        projects: vec![done, late, project(3, vec![])],
    };
    assert_eq!(
        progress_summary(&paper),
        "截至2026年11月20日，2026年度共确定共建项目3个，其中未认领1个、实施中1个、已完成1个；超过完成时限尚未完成的1个。共有2家单位参与认领。现将各项目完成情况通报如下。"
    );
    let doc = progress_doc(&paper).unwrap();
    let t = tables(&doc)[0];
    assert_eq!(t.rows[0][2], "牵头：牵头单位\n协作：协作单位");
    assert_eq!(
        t.rows[0][4],
        "2026年11月20日完成。已为32户独居老人安装烟感报警器。"
    );
    assert_eq!(t.rows[1][3], "实施中（已超期）");
    assert_eq!(t.rows[1][4], "2026年10月8日：完成入户摸底");
    let all = texts(&doc);
    assert!(all.contains(&"中共八大关街道工作委员会".to_string()));
    assert!(
        all.iter()
            .any(|t| t.contains("；尚未认领的项目1个（“共建项目3”）")),
        "{all:?}"
    );
}

#[test]
fn the_three_lists_each_start_a_page_and_an_empty_list_says_so() {
    let paper = ListsPaper {
        year: 2026,
        meeting_name: "八大关街道区域化党建联席会".into(),
        needs: vec![NeedRow {
            code: "需2026-001".into(),
            name: "老旧小区适老化改造".into(),
            status: "已发布".into(),
            ..NeedRow::default()
        }],
        resources: vec![],
        projects: vec![project(1, vec![])],
    };
    let doc = lists_doc(&paper).unwrap();
    let breaks = doc
        .blocks
        .iter()
        .filter(|b| **b == Block::PageBreak)
        .count();
    assert_eq!(breaks, 2);
    let all = texts(&doc);
    for title in ["2026年度需求清单", "2026年度资源清单", "2026年度项目清单"] {
        assert!(all.contains(&title.to_string()), "{title}");
    }
    assert!(all.contains(&"2026年度尚未征集资源。".to_string()));
    assert!(all.contains(&"需2026-001".to_string()));
    let empty = ListsPaper {
        year: 2027,
        ..ListsPaper::default()
    };
    assert!(matches!(lists_doc(&empty), Err(Error::NothingToPrint(_))));
}

#[test]
fn the_papers_render_with_the_bundled_font_and_a_tall_row_is_taller() {
    let fonts = FontSet::bundled().unwrap();
    let few = ClaimsPaper {
        year: 2026,
        meeting_name: String::new(),
        projects: (1..=3).map(|n| project(n, vec![])).collect(),
    };
    let many = ClaimsPaper {
        projects: (1..=12).map(|n| project(n, vec![])).collect(),
        ..few.clone()
    };
    let pages = |bytes: &[u8]| crate::archive::pdf_pages(bytes).unwrap_or(0);
    // 3 rows of 25 mm fit on one landscape page; 12 do not.
    assert_eq!(pages(&claims_pdf_from(&few, &fonts).unwrap()), 1);
    assert!(pages(&claims_pdf_from(&many, &fonts).unwrap()) >= 2);
}
