//! Fixture generator for the roster importer: workbooks built with rust_xlsxwriter, so tests
//! read real files. The committed .xls/.ods fixtures were converted from [`messy_roster`] with
//! LibreOffice (see tests/fixtures/roster/README.md). Also what other tests share: the street's
//! profile ([`street_profile`]) and a seeded generator ([`Rng`], [`seed`]).
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Workbook};

/// A cell value to write.
#[derive(Debug, Clone, Copy)]
pub enum V<'a> {
    S(&'a str),
    N(f64),
    /// A date cell (written as a serial with a date format).
    D(i32, u32, u32),
}

/// One sheet: cells at zero-based (row, col), merged regions (r0, c0, r1, c1).
#[derive(Debug, Clone, Default)]
pub struct SheetSpec<'a> {
    pub name: &'a str,
    pub hidden: bool,
    pub cells: Vec<(u32, u16, V<'a>)>,
    pub merges: Vec<(u32, u16, u32, u16)>,
}

impl<'a> SheetSpec<'a> {
    pub fn new(name: &'a str) -> Self {
        SheetSpec {
            name,
            ..Default::default()
        }
    }

    /// Writes a row of values from column A (empty strings are skipped).
    pub fn row(&mut self, r: u32, values: &[V<'a>]) -> &mut Self {
        for (c, v) in values.iter().enumerate() {
            if !matches!(v, V::S("")) {
                self.cells.push((r, c as u16, *v));
            }
        }
        self
    }

    pub fn merge(&mut self, r0: u32, c0: u16, r1: u32, c1: u16) -> &mut Self {
        self.merges.push((r0, c0, r1, c1));
        self
    }
}

fn serial(y: i32, m: u32, d: u32, date1904: bool) -> f64 {
    let base = if date1904 {
        NaiveDate::from_ymd_opt(1904, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 30)
    }
    .unwrap();
    (NaiveDate::from_ymd_opt(y, m, d).unwrap() - base).num_days() as f64
}

/// Builds an .xlsx in memory. With `date1904` the workbook uses the 1904 date system.
pub fn xlsx(sheets: &[SheetSpec<'_>], date1904: bool) -> Vec<u8> {
    let mut book = Workbook::new();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for spec in sheets {
        let ws = book.add_worksheet();
        ws.set_name(spec.name).unwrap();
        for &(r0, c0, r1, c1) in &spec.merges {
            let value = spec
                .cells
                .iter()
                .find(|(r, c, _)| *r == r0 && *c == c0)
                .map(|(_, _, v)| *v);
            let text = match value {
                Some(V::S(s)) => s.to_string(),
                _ => String::new(),
            };
            ws.merge_range(r0, c0, r1, c1, &text, &Format::new())
                .unwrap();
        }
        for &(r, c, v) in &spec.cells {
            match v {
                V::S(s) => {
                    if !spec.merges.iter().any(|m| m.0 == r && m.1 == c) {
                        ws.write_string(r, c, s).unwrap();
                    }
                }
                V::N(n) => {
                    ws.write_number(r, c, n).unwrap();
                }
                V::D(y, m, d) => {
                    ws.write_number_with_format(r, c, serial(y, m, d, date1904), &date)
                        .unwrap();
                }
            }
        }
        if spec.hidden {
            ws.set_hidden(true);
        }
    }
    let bytes = book.save_to_buffer().unwrap();
    if date1904 {
        set_date1904(&bytes)
    } else {
        bytes
    }
}

/// Rewrites xl/workbook.xml so the workbook uses the 1904 date system.
fn set_date1904(bytes: &[u8]) -> Vec<u8> {
    let mut src = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..src.len() {
        let mut f = src.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/workbook.xml" {
            let xml = String::from_utf8(data).unwrap();
            let xml = if xml.contains("<workbookPr ") {
                xml.replacen("<workbookPr ", "<workbookPr date1904=\"1\" ", 1)
            } else {
                xml.replacen("<bookViews>", "<workbookPr date1904=\"1\"/><bookViews>", 1)
            };
            assert!(xml.contains("date1904"));
            data = xml.into_bytes();
        }
        let opts: zip::write::SimpleFileOptions = zip::write::SimpleFileOptions::default();
        out.start_file(name, opts).unwrap();
        out.write_all(&data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

use V::{D, N, S};

/// The messy roster every format is tested with: a title row, a 填报单位/日期 row, a
/// two-row merged header, 分会 merged over its group, phones and dates of many forms,
/// duplicates, an error row and footer rows. Sheet 2 (名册); sheet 1 is instructions and a
/// hidden sheet holds an old roster.
pub fn messy_roster() -> Vec<SheetSpec<'static>> {
    let mut notes = SheetSpec::new("填表说明");
    notes.row(0, &[S("请按下表格式填报成员单位信息。")]);
    let mut old = SheetSpec::new("旧名册");
    old.hidden = true;
    old.row(
        0,
        &[S("单位名称"), S("单位类别"), S("联系电话"), S("联系人")],
    );
    old.row(
        1,
        &[
            S("隐藏工作表里的单位"),
            S("企业"),
            S("13800000099"),
            S("某人"),
        ],
    );

    let mut s = SheetSpec::new("名册");
    s.row(0, &[S("海棠街道区域化党建联席会成员单位名册")])
        .merge(0, 0, 0, 11);
    s.row(
        1,
        &[
            S("填报单位：海棠街道办事处"),
            S(""),
            S(""),
            S(""),
            S(""),
            S(""),
            S(""),
            S(""),
            S(""),
            S("填报日期：2026年9月1日"),
        ],
    );
    s.row(
        2,
        &[
            S("序号"),
            S("所属分会"),
            S("单位\n名称"),
            S("单位类别"),
            S("党组织"),
            S(""),
            S("联系人"),
            S(""),
            S(""),
            S("入会时间"),
            S("原联系电话"),
            S("是否副会长单位"),
        ],
    );
    s.row(
        3,
        &[
            S(""),
            S(""),
            S(""),
            S(""),
            S("名称"),
            S("书记"),
            S("姓名"),
            S("职务"),
            S("电话"),
        ],
    );
    for c in [0u16, 1, 2, 3, 9, 10, 11] {
        s.merge(2, c, 3, c);
    }
    s.merge(2, 4, 2, 5).merge(2, 6, 2, 8);
    // Excel rows 5–6: 部队 (merged B5:B6).
    s.row(
        4,
        &[
            N(1.0),
            S("部队"),
            S("驻区某部队"),
            S("驻区部队"),
            S("某部队党委"),
            S("张书记"),
            S("王干事"),
            S("干事"),
            N(13800000001.0),
            S("2018年9月"),
            S("0532-1"),
            S("是"),
        ],
    );
    s.row(
        5,
        &[
            N(2.0),
            S(""),
            S("海棠武警中队"),
            S("军队"),
            S(""),
            S(""),
            S("李队长"),
            S("队长"),
            S("+86 139 0000 0002"),
            S("2018.1"),
            S(""),
            S("√"),
        ],
    );
    s.merge(4, 1, 5, 1);
    // Rows 7–9: 学校 (merged B7:B9), row 9 is blank but for the merged 分会.
    s.row(
        6,
        &[
            N(3.0),
            S("学校"),
            S("海棠小学"),
            S("小学"),
            S("海棠小学党支部"),
            S("赵书记"),
            S("钱老师"),
            S("办公室主任"),
            S("0532-82861234转8001、13800000003"),
            D(2018, 9, 21),
            S(""),
            S("×"),
        ],
    );
    s.row(
        7,
        &[
            N(4.0),
            S(""),
            S("海棠中学"),
            S("学校"),
            S(""),
            S(""),
            S("孙老师"),
            S(""),
            N(53282861234.0),
            N(20180921.0),
            S(""),
            S(""),
        ],
    );
    s.merge(6, 1, 8, 1);
    // Rows 10–12: 企业 (merged B10:B12).
    s.row(
        9,
        &[
            N(5.0),
            S("企业"),
            S("海棠啤酒（集团）有限公司"),
            S("国企"),
            S(""),
            S(""),
            S("周经理"),
            S("经理"),
            S("(0532) 82861235"),
            S("二〇一八年九月"),
            S(""),
            S("否"),
        ],
    );
    s.row(
        10,
        &[
            N(6.0),
            S(""),
            S("海棠啤酒(集团)有限公司"),
            S("企业"),
            S("海棠啤酒党委"),
            S(""),
            S("吴经理"),
            S(""),
            S("13800000005"),
            S(""),
            S(""),
            S(""),
        ],
    );
    s.row(
        11,
        &[
            N(7.0),
            S(""),
            S("海棠啤酒（集团）股份有限公司"),
            S("民企"),
            S(""),
            S(""),
            S(""),
            S(""),
            S("1.38E+10"),
            S("2019.13"),
            S(""),
            S(""),
        ],
    );
    s.merge(9, 1, 11, 1);
    // Row 13: no name.
    s.row(
        12,
        &[
            N(8.0),
            S("其他区域单位"),
            S(""),
            S("社会组织"),
            S(""),
            S(""),
            S("郑某"),
            S(""),
            S("13800000008"),
        ],
    );
    // Row 14: only a 序号.
    s.row(13, &[N(9.0)]);
    s.row(14, &[S("合计：7家")]).merge(14, 0, 14, 11);
    s.row(15, &[S("注：本表由各社区汇总。")]);
    s.row(16, &[S("填表人：李四"), S(""), S(""), S("审核人：王五")]);
    vec![notes, old, s]
}

/// A simple roster in CSV form.
pub const SIMPLE_CSV: &str = "单位名称,单位类别,联系人,联系电话,入会时间\n\
海棠社区卫生服务中心,医院,刘医生,13800000011,2020-05\n\
海棠研究所,研究所,陈研究员,0532-82860000,2021年3月\n";

/// Where the committed fixtures live.
pub fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/roster")
        .join(name)
}

/// A temporary database file, opened.
pub fn temp_db() -> (tempfile::TempDir, PathBuf, rusqlite::Connection) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("lianxi.sqlite3");
    let conn = lianxi::db::open(&path).unwrap();
    (dir, path, conn)
}

/// A tiny deterministic generator (xorshift), so failures reproduce from the seed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// One of `from` (not empty).
    pub fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }
}

/// A seed for [`Rng`]: `ci_seed` when `CI` is set (CI's runs repeat), else from the clock
/// (odd, so never 0).
pub fn seed(ci_seed: u64) -> u64 {
    if std::env::var_os("CI").is_some() {
        return ci_seed;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos() as u64)
        | 1
}

/// 八大关街道's profile as a secretary fills it first (what `cli::set_street` types): its
/// party organisation, its 书记 王海 and its contact 李青.
pub fn street_profile() -> lianxi::street::StreetProfile {
    lianxi::street::StreetProfile {
        name: "八大关街道办事处".into(),
        party_org: "中共八大关街道工作委员会".into(),
        leader: "王海".into(),
        contact: "李青".into(),
        phone: "0532-82860001".into(),
        ..Default::default()
    }
}
