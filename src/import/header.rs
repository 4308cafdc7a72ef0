//! Choosing the sheet, finding the header row (one row or two with merged parents) and
//! mapping header texts to fields by exact synonyms — never by substring.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use unicode_normalization::UnicodeNormalization;

use super::read::{whole, Cell, Sheet};

/// A field of the roster a column can hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Name,
    ShortName,
    Category,
    Community,
    Branch,
    ViceChair,
    PartyOrg,
    PartySecretary,
    Contact,
    ContactTitle,
    Phones,
    Address,
    JoinedOn,
    Status,
    LeftOn,
    Notes,
    /// 序号 (a row counter): recognised, never imported, never reported as unrecognised.
    Index,
}

impl Field {
    /// Every field that holds a unit's data (all but 序号), in the roster's column order: the
    /// columns of an exported roster, and the wizard's choices (with 序号 last).
    pub const DATA: [Field; 16] = [
        Field::Name,
        Field::ShortName,
        Field::Category,
        Field::Community,
        Field::Branch,
        Field::ViceChair,
        Field::PartyOrg,
        Field::PartySecretary,
        Field::Contact,
        Field::ContactTitle,
        Field::Phones,
        Field::Address,
        Field::JoinedOn,
        Field::Status,
        Field::LeftOn,
        Field::Notes,
    ];

    /// The canonical Chinese header (as exported).
    pub fn label(self) -> &'static str {
        match self {
            Field::Name => "单位名称",
            Field::ShortName => "简称",
            Field::Category => "单位类别",
            Field::Community => "所属社区",
            Field::Branch => "分会",
            Field::ViceChair => "副会长单位",
            Field::PartyOrg => "党组织名称",
            Field::PartySecretary => "党组织书记",
            Field::Contact => "联系人",
            Field::ContactTitle => "职务",
            Field::Phones => "联系电话",
            Field::Address => "地址",
            Field::JoinedOn => "入会时间",
            Field::Status => "状态",
            Field::LeftOn => "退出时间",
            Field::Notes => "备注",
            Field::Index => "序号",
        }
    }
}

/// A roster field with its Chinese name, for the wizard's column mapping and problems.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldLabel {
    pub field: Field,
    pub label: String,
}

/// Every roster field a column can be mapped to, with its name.
pub fn field_labels() -> Vec<FieldLabel> {
    Field::DATA
        .iter()
        .chain(&[Field::Index])
        .map(|f| FieldLabel {
            field: *f,
            label: f.label().to_string(),
        })
        .collect()
}

/// A field of some record kind that a column can hold (the roster's [`Field`], a donation
/// list's): what the header machinery needs to know of it.
pub trait HeaderField: Copy + PartialEq + 'static {
    /// The field an exact (normalised) header text names.
    fn from_header(header: &str) -> Option<Self>;
    /// The field a record cannot be without (单位名称, 捐赠方): a header with it ranks first.
    fn key() -> Self;
    /// The row counter (序号): recognised, never imported.
    fn index() -> Self;
    /// A stable number, to count distinct fields.
    fn ordinal(self) -> u32;
}

impl HeaderField for Field {
    fn from_header(header: &str) -> Option<Self> {
        field_for(header)
    }
    fn key() -> Self {
        Field::Name
    }
    fn index() -> Self {
        Field::Index
    }
    fn ordinal(self) -> u32 {
        self as u32
    }
}

/// A synonym table: header words and the field each names, as `(word, field)` rows or as
/// `(field, words)` groups.
pub trait Synonyms<F> {
    /// The field that `word` (normalised) names, Latin letters in any case.
    fn find(&self, word: &str) -> Option<F>;
}

impl<F: Copy> Synonyms<F> for [(&str, F)] {
    fn find(&self, word: &str) -> Option<F> {
        self.iter()
            .find(|(s, _)| s.eq_ignore_ascii_case(word))
            .map(|(_, f)| *f)
    }
}

impl<F: Copy> Synonyms<F> for [(F, &[&str])] {
    fn find(&self, word: &str) -> Option<F> {
        self.iter()
            .find(|(_, words)| words.iter().any(|s| s.eq_ignore_ascii_case(word)))
            .map(|(f, _)| *f)
    }
}

/// The field of a synonym table an exact (normalised) header names; Latin letters in any case.
/// A header that names its unit as yuan ("折价（元）", "金额(元)", "到账金额/元") names the same
/// field as without it: the tables list each word once, and amounts are read in yuan anyway.
/// (万元 is not stripped: it would read every amount 10,000 times too small.)
pub fn lookup_synonym<F, T: Synonyms<F> + ?Sized>(table: &T, header: &str) -> Option<F> {
    let h = normalize_header(header);
    table.find(&h).or_else(|| {
        ["(元)", "/元", "[元]", "(人民币元)"]
            .iter()
            .find_map(|unit| h.strip_suffix(unit))
            .filter(|bare| !bare.is_empty())
            .and_then(|bare| table.find(bare))
    })
}

const SYNONYMS: &[(&str, Field)] = &[
    ("单位", Field::Name),
    ("成员单位", Field::Name),
    ("成员单位名称", Field::Name),
    ("单位全称", Field::Name),
    ("单位名称", Field::Name),
    ("简称", Field::ShortName),
    ("单位简称", Field::ShortName),
    ("单位性质", Field::Category),
    ("类别", Field::Category),
    ("单位类别", Field::Category),
    ("单位类型", Field::Category),
    ("所在社区", Field::Community),
    ("社区", Field::Community),
    ("所属社区", Field::Community),
    ("所属分会", Field::Branch),
    ("分会", Field::Branch),
    ("副会长单位", Field::ViceChair),
    ("是否副会长单位", Field::ViceChair),
    ("党组织", Field::PartyOrg),
    ("党组织名称", Field::PartyOrg),
    ("书记", Field::PartySecretary),
    ("党组织书记", Field::PartySecretary),
    ("联系人", Field::Contact),
    ("联系人姓名", Field::Contact),
    ("职务", Field::ContactTitle),
    ("联系人职务", Field::ContactTitle),
    ("联系电话", Field::Phones),
    ("联系方式", Field::Phones),
    ("电话", Field::Phones),
    ("手机", Field::Phones),
    ("手机号码", Field::Phones),
    ("办公电话", Field::Phones),
    ("联系人电话", Field::Phones),
    ("详细地址", Field::Address),
    ("单位地址", Field::Address),
    ("地址", Field::Address),
    ("加入时间", Field::JoinedOn),
    ("入会时间", Field::JoinedOn),
    ("状态", Field::Status),
    ("退出时间", Field::LeftOn),
    ("备注", Field::Notes),
    ("序号", Field::Index),
    ("序", Field::Index),
    ("排序", Field::Index),
    ("No.", Field::Index),
    ("No", Field::Index),
];

/// Headers that are a row counter (序号) only when the column holds whole numbers: 编号 can
/// also be a unit's own code, which the user should hear is not imported.
const COUNTER_HEADERS: &[&str] = &["编号"];

/// Normalises a header text: NFKC, no white space at all, no `*`, no (必填).
pub fn normalize_header(raw: &str) -> String {
    let s: String = raw
        .nfkc()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .collect();
    s.replace("(必填)", "")
        .trim_end_matches([':', '：'])
        .to_string()
}

/// The field an exact (normalised) header text names; Latin letters in any case (No., NO.).
pub fn field_for(header: &str) -> Option<Field> {
    lookup_synonym(SYNONYMS, header)
}

/// How many rows from the top are searched for the header.
pub const HEADER_SEARCH_ROWS: usize = 15;

/// The header found in a sheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Header<F = Field> {
    /// Zero-based rows the header occupies (one or two).
    pub rows: Vec<usize>,
    /// Per column: the header text (both rows joined by “/”) and its field.
    pub columns: Vec<(String, Option<F>)>,
}

impl<F: HeaderField> Header<F> {
    /// How many distinct fields are mapped; a header with a name column ranks first.
    pub fn score(&self) -> (bool, usize) {
        let mut fields: Vec<u32> = self
            .columns
            .iter()
            .filter_map(|c| c.1)
            .map(F::ordinal)
            .collect();
        fields.sort_unstable();
        fields.dedup();
        (fields.contains(&F::key().ordinal()), fields.len())
    }

    /// The first data row (zero-based).
    pub fn data_start(&self) -> usize {
        self.rows.last().map_or(0, |r| r + 1)
    }
}

fn text(cell: &Cell) -> String {
    match cell {
        Cell::Text(s) => normalize_header(s),
        _ => String::new(),
    }
}

fn single<F: HeaderField>(sheet: &Sheet, r: usize) -> Header<F> {
    let width = sheet.rows.get(r).map_or(0, Vec::len);
    let columns = (0..width)
        .map(|c| {
            let t = text(sheet.cell(r, c));
            let f = F::from_header(&t);
            (t, f)
        })
        .collect();
    Header {
        rows: vec![r],
        columns,
    }
}

/// A two-row header: a parent (党组织, 联系人) merged over its children (名称/书记, 姓名/电话).
fn double<F: HeaderField>(sheet: &Sheet, r: usize) -> Header<F> {
    let width = sheet
        .rows
        .get(r)
        .map_or(0, Vec::len)
        .max(sheet.rows.get(r + 1).map_or(0, Vec::len));
    let columns = (0..width)
        .map(|c| {
            let top = text(sheet.cell(r, c));
            let bottom = text(sheet.cell(r + 1, c));
            if bottom.is_empty() || bottom == top {
                let f = F::from_header(&top);
                (top, f)
            } else if top.is_empty() {
                let f = F::from_header(&bottom);
                (bottom, f)
            } else {
                let f =
                    F::from_header(&format!("{top}{bottom}")).or_else(|| F::from_header(&bottom));
                (format!("{top}/{bottom}"), f)
            }
        })
        .collect();
    Header {
        rows: vec![r, r + 1],
        columns,
    }
}

/// Marks as 序号 the unmapped columns headed 编号 whose data cells are all whole numbers
/// (blank cells aside): a row counter, known and not imported.
pub fn mark_counter_columns<F: HeaderField>(sheet: &Sheet, header: &mut Header<F>) {
    let start = header.data_start();
    for (c, (text, field)) in header.columns.iter_mut().enumerate() {
        if field.is_some() || !COUNTER_HEADERS.contains(&text.as_str()) {
            continue;
        }
        let counter = sheet.rows.iter().skip(start).all(|row| match row.get(c) {
            None | Some(Cell::Empty | Cell::Int(_)) => true,
            Some(Cell::Float(f)) => whole(*f).is_some(),
            Some(Cell::Text(s)) => s.trim().chars().all(|ch| ch.is_ascii_digit()),
            Some(Cell::Bool(_) | Cell::Date(_)) => false,
        });
        if counter {
            *field = Some(F::index());
        }
    }
}

/// The best header among the first rows of `sheet`, if any cell maps to a field.
pub fn find_header<F: HeaderField>(sheet: &Sheet) -> Option<Header<F>> {
    let mut best: Option<Header<F>> = None;
    let limit = sheet.rows.len().min(HEADER_SEARCH_ROWS);
    for r in 0..limit {
        let mut pick = single(sheet, r);
        if r + 1 < sheet.rows.len() {
            // Two rows only when the pair beats each row alone (a title above a one-row
            // header must not count as a parent row).
            let two = double(sheet, r);
            let next = single::<F>(sheet, r + 1);
            if two.score() > pick.score() && two.score() > next.score() {
                pick = two;
            }
        }
        if pick.score().1 > 0 && best.as_ref().is_none_or(|b| pick.score() > b.score()) {
            best = Some(pick);
        }
    }
    best
}

/// Picks the sheet whose header maps best (the first on a tie). Returns its index.
pub fn choose_sheet<F: HeaderField>(sheets: &[Sheet]) -> Option<(usize, Option<Header<F>>)> {
    let mut best: Option<(usize, Option<Header<F>>)> = None;
    for (i, s) in sheets.iter().enumerate() {
        let h = find_header(s);
        let score = h.as_ref().map(Header::<F>::score).unwrap_or_default();
        let better = match &best {
            None => true,
            Some((_, b)) => score > b.as_ref().map(Header::<F>::score).unwrap_or_default(),
        };
        if better {
            best = Some((i, h));
        }
    }
    best
}

/// The header with manual mappings (zero-based column → field, `None` ignores the column)
/// applied; a header is assumed on the first non-blank row when none was found.
pub fn with_mappings<F: HeaderField>(
    sheet: &Sheet,
    header: Option<Header<F>>,
    mappings: &[(u32, Option<F>)],
) -> Header<F> {
    let mut header = header.unwrap_or_else(|| {
        let r = sheet
            .rows
            .iter()
            .position(|row| row.iter().any(|c| !c.is_blank()))
            .unwrap_or(0);
        let width = sheet.rows.get(r).map_or(0, Vec::len);
        Header {
            rows: if mappings.is_empty() { vec![] } else { vec![r] },
            columns: (0..width)
                .map(|c| (normalize_header(&sheet.cell(r, c).text()), None))
                .collect(),
        }
    });
    for &(column, field) in mappings {
        let c = column as usize;
        if c > 16_384 {
            continue;
        }
        if header.columns.len() <= c {
            header.columns.resize(c + 1, (String::new(), None));
        }
        header.columns[c].1 = field;
    }
    header
}

/// The column letters the user sees: 0 → A, 26 → AA.
pub fn column_letter(mut c: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

#[cfg(test)]
mod tests {

    /// Every label the wizard shows for a roster field is a header of that field.
    #[test]
    fn the_apps_own_labels_are_headers_of_their_fields() {
        for f in field_labels() {
            assert_eq!(field_for(&f.label), Some(f.field), "{}", f.label);
        }
    }

    use super::*;

    /// The wizard's list holds every field once, and each label reads back as its field.
    #[test]
    fn the_field_labels_are_every_field_and_read_back() {
        let labels = field_labels();
        assert_eq!(labels.len(), Field::DATA.len() + 1);
        for l in &labels {
            assert_eq!(field_for(&l.label), Some(l.field), "{}", l.label);
            assert_eq!(labels.iter().filter(|x| x.field == l.field).count(), 1);
        }
    }

    #[test]
    fn exact_synonyms_only() {
        assert_eq!(field_for(" 联系\n电话 "), Some(Field::Phones));
        assert_eq!(field_for("*单位名称（必填）"), Some(Field::Name));
        assert_eq!(field_for("单位　全称"), Some(Field::Name));
        assert_eq!(field_for("原联系电话"), None);
        assert_eq!(field_for("序号"), Some(Field::Index));
        use Field::*;
        for (headers, field) in [
            ("单位 成员单位 成员单位名称 单位全称 单位名称", Name),
            ("简称", ShortName),
            ("单位性质 类别 单位类别 单位类型", Category),
            ("所在社区 社区 所属社区", Community),
            ("所属分会 分会", Branch),
            ("副会长单位 是否副会长单位", ViceChair),
            ("党组织 党组织名称", PartyOrg),
            ("书记 党组织书记", PartySecretary),
            ("联系人 联系人姓名", Contact),
            ("职务", ContactTitle),
            ("联系电话 联系方式 电话 手机 手机号码 办公电话", Phones),
            ("详细地址 单位地址 地址", Address),
            ("加入时间 入会时间", JoinedOn),
            ("状态", Status),
            ("退出时间", LeftOn),
            ("备注", Notes),
            ("序号 序 排序 No. NO. no No ＮＯ．", Index),
        ] {
            for h in headers.split(' ') {
                assert_eq!(field_for(h), Some(field), "{h}");
            }
        }
        // 编号 may be a unit's own code: only its data makes it a counter.
        for not in [
            "原联系电话",
            "联系电话1",
            "单位名称备注",
            "社区名称",
            "编号",
            "Note",
        ] {
            assert_eq!(field_for(not), None, "{not}");
        }
        assert_eq!(column_letter(0), "A");
        assert_eq!(column_letter(27), "AB");
    }
}
