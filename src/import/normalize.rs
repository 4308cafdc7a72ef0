//! Turning cell values into roster values: phones, dates, booleans, categories, status.
//! Each function returns the value and, when it had to guess or give up, a Chinese warning
//! (without the row prefix, which the caller adds).

use chrono::{Duration, NaiveDate};
use unicode_normalization::UnicodeNormalization;

use super::read::{whole, Cell};
use crate::date::PartialDate;
use crate::phone::classify;
use crate::units::{UnitCategory, UnitStatus};

/// Cleans every phone number in a cell, appending them to `out`.
pub fn phones(cell: &Cell, out: &mut Vec<String>, warnings: &mut Vec<String>) {
    let text = match cell {
        Cell::Empty => return,
        Cell::Int(i) => i.to_string(),
        // Whole numbers are printed as integers; never through float formatting.
        Cell::Float(f) => match whole(*f) {
            Some(i) => i.to_string(),
            None => {
                warnings.push(format!("联系电话“{f}”不是有效的号码，已原样保留，请核对。"));
                out.push(f.to_string());
                return;
            }
        },
        other => other.text(),
    };
    for piece in split_phones(&text) {
        match clean_phone(&piece) {
            Ok((p, repairs)) => {
                warnings.extend(repairs);
                if !out.contains(&p) {
                    out.push(p);
                }
            }
            Err(w) => {
                warnings.push(w);
                out.push(piece);
            }
        }
    }
}

/// Splits a cell's text into numbers: on 、，,；; line breaks and spaces, keeping (0532) 8286…
/// and “转 8001” together.
fn split_phones(raw: &str) -> Vec<String> {
    let s: String = raw.nfkc().collect();
    let s = s
        .replace("+86", " ")
        .replace("(86)", " ")
        .replace("分机号", "转")
        .replace("分机", "转");
    // (0532) 82861234 → 0532-82861234
    let mut t = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(open) = rest.find('(') {
        t.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find(')') {
            Some(close) if after[..close].bytes().all(|b| b.is_ascii_digit()) && close > 0 => {
                t.push_str(&after[..close]);
                t.push('-');
                rest = after[close + 1..].trim_start();
            }
            _ => {
                t.push('(');
                rest = after;
            }
        }
    }
    t.push_str(rest);
    let raw_pieces: Vec<&str> = t
        .split(|c: char| "、,;/\n\r\t ".contains(c) || c.is_whitespace())
        .filter(|p| !p.is_empty())
        .collect();
    let mut pieces: Vec<String> = Vec::new();
    for p in raw_pieces {
        // A label before the number: 手机:138…, 办公室:0532-….
        let p = match p.rsplit_once(':') {
            Some((label, number)) if !label.is_empty() && !number.is_empty() => number,
            Some((_, "")) => continue,
            _ => p,
        };
        if p == "86" || p == "0086" {
            // A country code written apart: 86 139 0000 0001.
            continue;
        }
        let lower = p.to_lowercase();
        let is_ext = lower.starts_with('转') || lower.starts_with("ext") || lower.starts_with('x');
        let prev_area = pieces.last().is_some_and(|l| {
            l.starts_with('0')
                && (3..=4).contains(&l.len())
                && l.bytes().all(|b| b.is_ascii_digit())
        });
        let digits_only = |x: &str| !x.is_empty() && x.bytes().all(|b| b.is_ascii_digit());
        // A mobile written in groups: 138 0000 0000.
        let mobile_part = pieces.last().is_some_and(|l| {
            l.starts_with('1') && digits_only(l) && digits_only(p) && l.len() + p.len() <= 11
        });
        match pieces.last_mut() {
            Some(last) if is_ext || last.ends_with('转') || mobile_part => last.push_str(p),
            Some(last) if prev_area && p.bytes().all(|b| b.is_ascii_digit()) => {
                last.push('-');
                last.push_str(p);
            }
            _ => pieces.push(p.to_string()),
        }
    }
    pieces
}

fn is_scientific(p: &str) -> bool {
    let u = p.to_uppercase();
    u.contains('E')
        && u.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, 'E' | '.' | '+' | '-'))
}

/// A number exported from a float column as text: 13800000005.0 → 13800000005.
fn float_residue(p: &str) -> Option<&str> {
    let (int, frac) = p.split_once('.')?;
    (int.len() >= 5
        && int.bytes().all(|b| b.is_ascii_digit())
        && !frac.is_empty()
        && frac.bytes().all(|b| b == b'0'))
    .then_some(int)
}

/// The mobile a piece holds when it is only digits and separators, written in groups
/// (138-0000-0007, 138 0000 0007) and possibly after a country code (86, 0086).
fn grouped_mobile(p: &str) -> Option<String> {
    if !p
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '－' | '—' | ' ' | '.'))
    {
        return None;
    }
    let digits: String = p.chars().filter(char::is_ascii_digit).collect();
    let digits = if digits.len() == 15 && digits.starts_with("0086") {
        &digits[4..]
    } else if digits.len() == 13 && digits.starts_with("86") {
        &digits[2..]
    } else {
        &digits[..]
    };
    is_mobile(digits).then(|| digits.to_string())
}

/// Cleans one number: the stored value and the warnings for every repair made to it.
/// `Err` holds the warning when it must be kept as written.
fn clean_phone(piece: &str) -> Result<(String, Vec<String>), String> {
    if is_scientific(piece) {
        return Err(format!(
            "联系电话“{piece}”已被 Excel 转成科学计数法，原号码已丢失，已原样保留，请核对后重新填写。"
        ));
    }
    let mut warnings = Vec::new();
    let written = piece;
    let piece = match float_residue(piece) {
        Some(int) => {
            warnings.push(format!(
                "联系电话“{written}”带有小数点（表格把号码存成了小数），已去掉“.0”按“{int}”导入，请核对。"
            ));
            int
        }
        None => piece,
    };
    // A mobile written in groups is never a number with an extension.
    if let Some(m) = grouped_mobile(piece) {
        return Ok((m, warnings));
    }
    let lower = piece.to_lowercase();
    let (main, ext) = split_extension(&lower);
    let ext = ext.filter(|e| !e.is_empty());
    if let Some(e) = &ext {
        if !e.bytes().all(|b| b.is_ascii_digit()) || e.len() > 6 {
            return Err(not_a_phone(written));
        }
    }
    let main = main.trim_start_matches("0086");
    let digits: String = main.chars().filter(char::is_ascii_digit).collect();
    if main
        .chars()
        .any(|c| !(c.is_ascii_digit() || matches!(c, '-' | '.' | '—' | '－')))
    {
        return Err(not_a_phone(written));
    }
    let mut digits = digits;
    if digits.len() == 13 && digits.starts_with("86") && is_mobile(&digits[2..]) {
        digits = digits[2..].to_string();
    }
    let mut number = if is_mobile(&digits) {
        if ext.is_some() {
            // An extension belongs to a landline; a mobile never has one.
            return Err(not_a_phone(written));
        }
        digits.clone()
    } else if (digits.starts_with("400") || digits.starts_with("800")) && digits.len() == 10 {
        format!("{}-{}-{}", &digits[..3], &digits[3..6], &digits[6..])
    } else if digits.starts_with('0') {
        landline(main, &digits).ok_or_else(|| not_a_phone(written))?
    } else if (10..=11).contains(&digits.len()) && !looks_mobile(&digits) {
        let restored = landline("", &format!("0{digits}")).ok_or_else(|| not_a_phone(written))?;
        warnings.push(format!(
            "联系电话“{written}”像是丢了开头 0 的座机号，已按“{restored}”导入，请核对。"
        ));
        restored
    } else {
        digits.clone()
    };
    if let Some(e) = ext {
        number = format!("{number}转{e}");
    }
    match classify(&number) {
        Some(_) => Ok((number, warnings)),
        None => Err(not_a_phone(written)),
    }
}

fn not_a_phone(piece: &str) -> String {
    let digits = piece.bytes().filter(u8::is_ascii_digit).count();
    let only_digits = piece
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '-' | '－' | '—' | ' ' | '.'));
    if only_digits && matches!(digits, 9 | 10 | 12) {
        return format!(
            "联系电话“{piece}”有 {digits} 位数字：手机号应为 11 位，座机为区号加 7–8 位号码，已原样保留，请核对。"
        );
    }
    format!("联系电话“{piece}”不像有效的电话号码，已原样保留，请核对。")
}

/// Starts like a mobile (1 then 3–9): a wrong length there is a mobile with a digit too
/// many or too few, never a landline that lost its 0.
fn looks_mobile(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() >= 2 && b[0] == b'1' && (b'3'..=b'9').contains(&b[1])
}

fn is_mobile(d: &str) -> bool {
    let b = d.as_bytes();
    b.len() == 11
        && b.iter().all(u8::is_ascii_digit)
        && b[0] == b'1'
        && (b'3'..=b'9').contains(&b[1])
}

/// Splits an extension: 转8001, ext8001, x8001, or a trailing -8001 after a full number.
fn split_extension(p: &str) -> (&str, Option<String>) {
    for sep in ["转", "ext.", "ext", "x"] {
        if let Some((m, e)) = p.split_once(sep) {
            return (m, Some(e.trim_start_matches(['.', ':', '-']).to_string()));
        }
    }
    if let Some((head, last)) = p.rsplit_once(['-', '－', '—']) {
        let head_digits = head.bytes().filter(u8::is_ascii_digit).count();
        // After an area code and number (a landline), or after a local number, which
        // never starts with 1 (a mobile's digits are never an extension).
        let full = if head.starts_with('0') {
            (10..=12).contains(&head_digits)
        } else {
            !head.starts_with('1') && (7..=8).contains(&head_digits)
        };
        if full && (1..=5).contains(&last.len()) {
            return (head, Some(last.to_string()));
        }
    }
    (p, None)
}

/// Area code and number from digits starting with 0; honours a dash the user typed.
fn landline(written: &str, digits: &str) -> Option<String> {
    let typed_area = written
        .split_once(['-', '－', '—'])
        .map(|(a, _)| a.chars().filter(char::is_ascii_digit).count())
        .filter(|n| (3..=4).contains(n));
    let area_len = typed_area.unwrap_or_else(|| {
        if digits.starts_with("01") || digits.starts_with("02") {
            3
        } else {
            4
        }
    });
    let rest = digits.get(area_len..)?;
    (7..=8)
        .contains(&rest.len())
        .then(|| format!("{}-{rest}", &digits[..area_len]))
}

/// A parsed date and an optional warning; `Err` holds the warning when the text is kept raw.
pub type DateResult = Result<(PartialDate, Option<String>), String>;

/// Parses a date cell; `None` when the cell is blank.
pub fn date(cell: &Cell, label: &str) -> Option<DateResult> {
    match cell {
        Cell::Empty => None,
        Cell::Date(d) => Some(Ok((PartialDate::Day(*d), None))),
        Cell::Int(i) => Some(number_date(*i, label)),
        Cell::Float(f) => Some(match whole(*f) {
            Some(i) => number_date(i, label),
            None => text_date(&f.to_string(), label),
        }),
        Cell::Bool(_) => Some(Err(bad_date(&cell.text(), label))),
        Cell::Text(s) if s.trim().is_empty() => None,
        Cell::Text(s) => Some(text_date(s, label)),
    }
}

fn bad_date(raw: &str, label: &str) -> String {
    format!("{label}“{raw}”不是有效的日期，已原样记入备注，请核对。")
}

/// A number typed in a date column: a year, YYYYMM, YYYYMMDD, or an Excel serial.
fn number_date(n: i64, label: &str) -> DateResult {
    let raw = n.to_string();
    if (1900..=2100).contains(&n) || (190001..=210012).contains(&n) || n >= 19000101 {
        return text_date(&raw, label);
    }
    // Serials from 1950-01-01 to 2100-12-31 (1900 date system).
    if (18264..=73415).contains(&n) {
        let base = NaiveDate::from_ymd_opt(1899, 12, 30).ok_or_else(|| bad_date(&raw, label))?;
        let day = base + Duration::days(n);
        let note = format!(
            "{label}“{raw}”是一个数字，已按 Excel 日期序号读作 {}，请核对。",
            day.format("%Y-%m-%d")
        );
        return Ok((PartialDate::Day(day), Some(note)));
    }
    Err(bad_date(&raw, label))
}

/// Chinese numerals in a date (二〇一八年九月) → Arabic digits.
fn chinese_digits(s: &str) -> String {
    const DIGITS: &str = "〇一二三四五六七八九";
    let value = |c: char| {
        if c == '零' {
            Some(0)
        } else {
            DIGITS.chars().position(|d| d == c)
        }
    };
    let mut out = String::new();
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '十' {
            // 十 = 10, 十一 = 11, 二十 = 20 (the 二 was already written).
            let tens = match out.chars().last().and_then(|p| p.to_digit(10)) {
                Some(d) if i > 0 && value(chars[i - 1]).is_some() => {
                    out.pop();
                    d
                }
                _ => 1,
            };
            let ones = chars.get(i + 1).and_then(|n| value(*n)).unwrap_or(0);
            if chars.get(i + 1).and_then(|n| value(*n)).is_some() {
                i += 1;
            }
            out.push_str(&(tens * 10 + ones as u32).to_string());
        } else if let Some(d) = value(c) {
            out.push(char::from(b'0' + d as u8));
        } else {
            out.push(c);
        }
        i += 1;
    }
    out
}

/// Parses dates as offices write them.
pub fn text_date(raw: &str, label: &str) -> DateResult {
    let s: String = raw
        .nfkc()
        .filter(|c| !c.is_whitespace() || *c == ' ')
        .collect();
    let s = s.trim();
    // Drop a time of day: "2018-09-21 00:00:00".
    let s = s.split(' ').next().unwrap_or(s);
    let s = chinese_digits(s);
    let bad = || bad_date(raw, label);
    let mut warning = None;
    let parts: Vec<&str>;
    let mut dotted = false;
    if s.contains('年') {
        let t = s.trim_end_matches(['日', '号']);
        parts = t.split(['年', '月']).filter(|p| !p.is_empty()).collect();
    } else if s.bytes().all(|b| b.is_ascii_digit()) {
        parts = match s.len() {
            4 => vec![&s[..]],
            6 => vec![&s[..4], &s[4..]],
            8 => vec![&s[..4], &s[4..6], &s[6..]],
            _ => return Err(bad()),
        };
    } else {
        dotted = s.contains('.');
        parts = s.split(['.', '-', '/']).collect();
    }
    if parts.is_empty() || parts.len() > 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(bad());
    }
    let mut year = parts[0].to_string();
    if year.len() == 2 && s.contains('年') && year.bytes().all(|b| b.is_ascii_digit()) {
        let y: u32 = year.parse().map_err(|_| bad())?;
        year = format!("{}", if y <= 50 { 2000 + y } else { 1900 + y });
        warning = Some(format!(
            "{label}“{raw}”只写了两位年份，已按 {year} 年导入，请核对。"
        ));
    }
    if year.len() != 4 {
        return Err(bad());
    }
    let iso = match parts.len() {
        1 => year,
        2 => format!("{year}-{:0>2}", parts[1]),
        _ => format!("{year}-{:0>2}-{:0>2}", parts[1], parts[2]),
    };
    let date = PartialDate::parse_iso(&iso).map_err(|_| bad())?;
    if dotted && parts.len() == 2 && parts[1] == "1" {
        warning = Some(format!(
            "{label}“{raw}”可能是 {}年1月，也可能是 {}年10月（Excel 会把 .10 存成 .1），已按 1 月导入，请核对。",
            date.year(),
            date.year()
        ));
    }
    Ok((date, warning))
}

/// Yes/no cells: 是/√/Y/1/true → true; 否/×/N/0/blank → false; anything else warns.
pub fn boolean(cell: &Cell, label: &str) -> (bool, Option<String>) {
    let t = match cell {
        Cell::Bool(b) => return (*b, None),
        Cell::Empty => return (false, None),
        other => other.text(),
    };
    let t: String = t
        .nfkc()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_lowercase();
    match t.as_str() {
        "是" | "√" | "✓" | "✔" | "y" | "yes" | "1" | "true" | "副会长单位" | "副会长" => {
            (true, None)
        }
        "" | "否" | "×" | "✗" | "✘" | "x" | "n" | "no" | "0" | "false" | "无" | "-" | "/" => {
            (false, None)
        }
        _ => (
            false,
            Some(format!("{label}“{t}”无法识别为“是/否”，已按“否”导入。")),
        ),
    }
}

/// A category label or a common synonym; unknown texts become 其他 with a warning.
pub fn category(raw: &str) -> Option<(UnitCategory, Option<String>)> {
    use UnitCategory::*;
    let t: String = raw.nfkc().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return None;
    }
    if let Some(c) = UnitCategory::from_label(&t) {
        return Some((c, None));
    }
    let t = t.replace(['“', '”', '"'], "");
    let has = |words: &[&str]| words.iter().any(|w| t.contains(w));
    let c = if has(&["两新", "非公", "社会组织", "新经济", "新社会"]) {
        TwoNew
    } else if has(&["部队", "军队", "武警", "军"]) {
        Military
    } else if has(&["机关", "政府", "行政"]) {
        Government
    } else if has(&["研究所", "研究院", "科研"]) {
        Research
    } else if has(&["学校", "小学", "中学", "大学", "幼儿园", "学院"]) {
        School
    } else if has(&["企业", "公司", "国企", "民企", "私企", "央企"]) {
        Enterprise
    } else if has(&["事业", "医院"]) {
        Institution
    } else if has(&["协会", "商会", "学会", "社会团体", "社团", "联合会"]) {
        SocialOrg
    } else if t == "其它" {
        Other
    } else {
        return Some((
            Other,
            Some(format!("单位类别“{raw}”无法识别，已按“其他”导入。")),
        ));
    };
    Some((c, None))
}

/// 在册 / 已退出; `None` when blank.
pub fn status(raw: &str) -> Option<(UnitStatus, Option<String>)> {
    let t: String = raw.nfkc().filter(|c| !c.is_whitespace()).collect();
    match t.as_str() {
        "" => None,
        "在册" | "正常" | "在会" | "有效" | "是" => Some((UnitStatus::Active, None)),
        "已退出" | "退出" | "退会" | "已退会" | "注销" | "否" => {
            Some((UnitStatus::Left, None))
        }
        _ => Some((
            UnitStatus::Active,
            Some(format!("状态“{raw}”无法识别，已按“在册”导入。")),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Cell {
        Cell::Text(s.into())
    }

    /// Every phone rule in one table: what the cell holds → what is stored → whether the
    /// row gets a warning. Nothing is changed without a warning; formatting alone (dashes,
    /// spaces, a country code) is not a change.
    #[test]
    fn phone_rules() {
        let f = Cell::Float;
        #[rustfmt::skip]
        let table: Vec<(Cell, &[&str], bool)> = vec![
            // Mobiles, plain and as numbers.
            (t("13800000000"), &["13800000000"], false),
            (f(13800000000.0), &["13800000000"], false),
            (Cell::Int(13800000000), &["13800000000"], false),
            // 3-4-4 with dashes or spaces: mobiles, never extensions.
            (t("138-0000-0007"), &["13800000007"], false),
            (t("138 0000 0007"), &["13800000007"], false),
            (t("1380000-0007"), &["13800000007"], false),
            (t("138—0000—0007"), &["13800000007"], false),
            // Country codes: +86, 0086, (86), 86.
            (t("+86 138-0000-0008"), &["13800000008"], false),
            (t("+86 138 0000 0000"), &["13800000000"], false),
            (t("+8613800000008"), &["13800000008"], false),
            (t("0086 138-0000-0008"), &["13800000008"], false),
            (t("0086-138-0000-0008"), &["13800000008"], false),
            (t("008613800000008"), &["13800000008"], false),
            (t("(86)138-0000-0009"), &["13800000009"], false),
            (t("(86) 13800000009"), &["13800000009"], false),
            (t("8613800000000"), &["13800000000"], false),
            (t("86 139 0000 0001"), &["13900000001"], false),
            // Extensions written 转, 分机, -, ext or x after a landline.
            (t("0532-82861234转8001"), &["0532-82861234转8001"], false),
            (t("(0532) 82861234转8001"), &["0532-82861234转8001"], false),
            (t("0532-82861234-8001"), &["0532-82861234转8001"], false),
            (t("0532-82861234—8001"), &["0532-82861234转8001"], false),
            (t("0532-82861234 ext.8001"), &["0532-82861234转8001"], false),
            (t("0532-82861234ext8001"), &["0532-82861234转8001"], false),
            (t("0532-82861234 x8001"), &["0532-82861234转8001"], false),
            (t("053282861234 分机 12"), &["0532-82861234转12"], false),
            (t("82861234-8001"), &["82861234转8001"], false),
            // An extension after a mobile is not a phone: kept as written, warned.
            (t("13800000000转8001"), &["13800000000转8001"], true),
            (t("13800000000-8001"), &["13800000000-8001"], true),
            // Landlines, service numbers, several numbers in a cell.
            (t("010 12345678"), &["010-12345678"], false),
            (t("053282861234"), &["0532-82861234"], false),
            (t("4008001234"), &["400-800-1234"], false),
            (t("95598"), &["95598"], false),
            (t("手机：13800000000 办公室: 0532-82861234"), &["13800000000", "0532-82861234"], false),
            (t("+86 138 0000 0000、(0532) 82861234转8001"), &["13800000000", "0532-82861234转8001"], false),
            (t("13800000000\n13900000000"), &["13800000000", "13900000000"], false),
            // Float residue: repaired, with a warning.
            (t("13800000005.0"), &["13800000005"], true),
            (t("13800000005.00"), &["13800000005"], true),
            (t("53282861234.0"), &["0532-82861234"], true),
            (f(13800000000.5), &["13800000000.5"], true),
            // A landline that lost its 0: restored, with a warning.
            (f(53282861234.0), &["0532-82861234"], true),
            (t("5328286123"), &["0532-8286123"], true),
            // Scientific notation: the number is lost; kept as written, warned.
            (t("1.38E+10"), &["1.38E+10"], true),
            (t("1.38e10"), &["1.38e10"], true),
            // 9, 10 and 12 digits that are no phone: kept as written, warned.
            (t("138000000"), &["138000000"], true),
            (t("532828612"), &["532828612"], true),
            (t("1380000000"), &["1380000000"], true),
            (t("138-0000-000"), &["138-0000-000"], true),
            (t("138000000001"), &["138000000001"], true),
            (t("138-0000-00001"), &["138-0000-00001"], true),
            (t("010123456789"), &["010123456789"], true),
        ];
        for (cell, stored, warned) in table {
            let (mut out, mut w) = (Vec::new(), Vec::new());
            phones(&cell, &mut out, &mut w);
            assert_eq!(out, stored, "{cell:?}: stored value");
            assert_eq!(!w.is_empty(), warned, "{cell:?}: warnings {w:?}");
            for p in &out {
                let repaired = !w.is_empty() || crate::phone::classify(p).is_some();
                assert!(repaired, "{cell:?}: {p} stored without a warning");
            }
        }
    }

    fn d(s: &str) -> (String, bool) {
        match text_date(s, "入会时间") {
            Ok((d, w)) => (d.to_iso(), w.is_some()),
            Err(_) => ("ERR".into(), true),
        }
    }

    #[test]
    fn date_forms() {
        assert_eq!(d("2018年9月"), ("2018-09".into(), false));
        assert_eq!(d("2018.9"), ("2018-09".into(), false));
        assert_eq!(d("2018.10"), ("2018-10".into(), false));
        assert_eq!(d("2018.1"), ("2018-01".into(), true));
        assert_eq!(d("2018-09-21"), ("2018-09-21".into(), false));
        assert_eq!(d("2018/9/21"), ("2018-09-21".into(), false));
        assert_eq!(d("20180921"), ("2018-09-21".into(), false));
        assert_eq!(d("18年9月"), ("2018-09".into(), true));
        assert_eq!(d("二〇一八年九月"), ("2018-09".into(), false));
        assert_eq!(d("二〇一八年十二月二十一日"), ("2018-12-21".into(), false));
        assert_eq!(d("2019.13"), ("ERR".into(), true));
        assert_eq!(d("2018"), ("2018".into(), false));
        let serial = date(&Cell::Float(43364.0), "入会时间").unwrap().unwrap();
        assert_eq!(serial.0.to_iso(), "2018-09-21");
        assert!(
            serial.1.is_some_and(|w| w.contains("日期序号")),
            "a serial is noted"
        );
        let typed = date(
            &Cell::Date(NaiveDate::from_ymd_opt(2018, 9, 21).unwrap()),
            "入会时间",
        );
        assert_eq!(typed.unwrap().unwrap().1, None, "a date cell needs no note");
        let f = date(&Cell::Float(2018.1), "入会时间").unwrap().unwrap();
        assert!(f.1.is_some());
    }

    #[test]
    fn booleans_and_categories() {
        assert!(boolean(&t("√"), "副会长单位").0);
        assert!(!boolean(&t("×"), "副会长单位").0);
        assert!(!boolean(&Cell::Empty, "副会长单位").0);
        assert!(boolean(&Cell::Float(1.0), "副会长单位").0);
        for (raw, c) in [
            ("行政机关", UnitCategory::Government),
            ("驻区部队", UnitCategory::Military),
            ("国企", UnitCategory::Enterprise),
            ("医院", UnitCategory::Institution),
            ("幼儿园", UnitCategory::School),
            ("研究所", UnitCategory::Research),
            ("商会", UnitCategory::SocialOrg),
            ("非公企业", UnitCategory::TwoNew),
            ("社会组织", UnitCategory::TwoNew),
        ] {
            assert_eq!(category(raw).unwrap(), (c, None), "{raw}");
        }
        assert_eq!(category("火星").unwrap().0, UnitCategory::Other);
        assert!(category("火星").unwrap().1.is_some());
    }
}
