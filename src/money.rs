//! Money is integer fen (分) everywhere. These functions format it for people: `¥1,234.50`
//! and the capital numerals (大写金额) required on paper by 《支付结算办法》.

// Amounts in fen are written yuan_fen (110_000_00 is ¥110,000.00): readable, deliberate.
#![allow(clippy::inconsistent_digit_grouping)]

use crate::{Error, Result};

/// The largest amount [`rmb_upper`] accepts: 9999亿9999万9999元9角9分.
pub const MAX_UPPER_FEN: i64 = 999_999_999_999_99;

/// Formats fen as `¥1,234.50` (thousands separators, always two decimals).
/// Negative amounts get a leading minus sign: `-¥12.00`.
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    // unsigned_abs: i64::MIN has no positive i64 counterpart.
    let abs = fen.unsigned_abs();
    let (yuan, cents) = (abs / 100, abs % 100);
    let digits = yuan.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}¥{grouped}.{cents:02}")
}

/// An amount as a news item writes it: 万元 from ¥10,000 up, to at most two decimals
/// (rounded half up, trailing zeros dropped: 11万元, 12.5万元, 1.23万元), else 元 (8000元,
/// 1409.5元). Integer arithmetic only.
pub fn format_news_amount(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let abs = fen.unsigned_abs();
    let (units, hundredths, unit) = if abs >= 1_0000_00 {
        // Hundredths of 万元 are 10,000 分.
        let h = (abs + 5_000) / 10_000;
        (h / 100, h % 100, "万元")
    } else {
        (abs / 100, abs % 100, "元")
    };
    let frac = match hundredths {
        0 => String::new(),
        h if h % 10 == 0 => format!(".{}", h / 10),
        h => format!(".{h:02}"),
    };
    format!("{sign}{units}{frac}{unit}")
}

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const PLACES: [&str; 4] = ["", "拾", "佰", "仟"];
const GROUPS: [&str; 3] = ["", "万", "亿"];

/// Writes fen in capital numerals per 《支付结算办法》: only 零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整;
/// 整 after 元 when there are no 角分; one 零 for an inner zero or run of zeros; 零 after 元
/// when 角 is 0 and 分 is not. Negative or larger than [`MAX_UPPER_FEN`] amounts are refused:
/// a capital amount on paper is never negative.
pub fn rmb_upper(fen: i64) -> Result<String> {
    if fen < 0 {
        return Err(Error::invalid(
            "amount",
            format!("金额不能为负数（{}），无法写成大写金额。", format_yuan(fen)),
        ));
    }
    if fen > MAX_UPPER_FEN {
        return Err(Error::invalid(
            "amount",
            format!("金额 {} 超出大写金额的范围。", format_yuan(fen)),
        ));
    }
    let yuan = fen / 100;
    let jiao = ((fen / 10) % 10) as usize;
    let fen_digit = (fen % 10) as usize;

    let mut out = String::new();
    if yuan > 0 {
        out.push_str(&integer_upper(yuan));
        out.push('元');
    }
    match (jiao, fen_digit) {
        (0, 0) if yuan == 0 => out.push_str("零元整"),
        (0, 0) => out.push('整'),
        (0, f) => {
            if yuan > 0 {
                out.push('零');
            }
            out.push(DIGITS[f]);
            out.push('分');
        }
        (j, f) => {
            out.push(DIGITS[j]);
            out.push('角');
            if f > 0 {
                out.push(DIGITS[f]);
                out.push('分');
            }
        }
    }
    Ok(out)
}

/// Capital numerals for a positive whole number below 10^12 (no 元).
fn integer_upper(n: i64) -> String {
    let digits: Vec<usize> = n.to_string().bytes().map(|b| (b - b'0') as usize).collect();
    let len = digits.len();
    let mut out = String::new();
    let mut zero_pending = false;
    let mut group_has_digit = false;
    for (i, &d) in digits.iter().enumerate() {
        let pos = len - 1 - i; // 0 = units
        if d == 0 {
            zero_pending = !out.is_empty();
        } else {
            if zero_pending {
                out.push('零');
                zero_pending = false;
            }
            out.push(DIGITS[d]);
            out.push_str(PLACES[pos % 4]);
            group_has_digit = true;
        }
        if pos.is_multiple_of(4) {
            if group_has_digit {
                out.push_str(GROUPS[pos / 4]);
            }
            group_has_digit = false;
        }
    }
    out
}

/// Reads an amount a person typed (or a spreadsheet cell's text) as fen.
///
/// Accepted: `30000`, `30000.5`, `30,000.00`, `¥30,000.00`, `3万`, `3.5万元`, full-width
/// digits, an optional 元/圆 or `人民币`/`RMB` around it, and capital numerals written exactly
/// as [`rmb_upper`] writes them (a trailing 整 may be left out): anything else in capitals
/// could be read two ways and is refused. Refused with a Chinese message: negative amounts,
/// more than two decimals (of 元), text that is not an amount, amounts beyond
/// [`MAX_UPPER_FEN`].
pub fn parse_amount(input: &str) -> Result<i64> {
    use unicode_normalization::UnicodeNormalization;
    let shown = input.trim();
    let bad = |why: &str| Error::invalid("amount", format!("“{shown}”{why}"));
    let mut s: String = shown.nfkc().filter(|c| !c.is_whitespace()).collect();
    if s.is_empty() {
        return Err(Error::invalid("amount", "金额不能为空。".to_string()));
    }
    for prefix in ["人民币", "RMB", "rmb", "¥", "￥", "CNY"] {
        if let Some(rest) = s.strip_prefix(prefix) {
            s = rest.to_string();
        }
    }
    if s.starts_with('-') || s.starts_with('−') || s.starts_with("负") {
        return Err(bad("是负数，金额不能为负数。"));
    }
    if s.starts_with('+') {
        s.remove(0);
    }
    if s.chars()
        .any(|c| "零壹贰叁肆伍陆柒捌玖拾佰仟角分".contains(c))
    {
        return parse_capitals(&s).ok_or_else(|| {
            bad("不是规范的大写金额（大写金额只接受规范写法，如“壹万陆仟肆佰零玖元零贰分”），请改用阿拉伯数字输入。")
        });
    }
    let mut s = s
        .strip_suffix("元整")
        .or_else(|| s.strip_suffix('元'))
        .or_else(|| s.strip_suffix('圆'))
        .unwrap_or(&s)
        .to_string();
    let wan = match s.strip_suffix('万') {
        Some(rest) => {
            s = rest.to_string();
            true
        }
        None => false,
    };
    let (int_part, frac_part) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), Some(f.to_string())),
        None => (s.clone(), None),
    };
    // Thousands separators: groups of three digits after the first.
    let groups: Vec<&str> = int_part.split(',').collect();
    let grouped_ok = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    let not_amount = || bad("不是有效的金额（例如 30000、30,000.00、3.5万）。");
    if !grouped_ok
        || digits.is_empty() && frac_part.as_deref().is_none_or(str::is_empty)
        || !digits.chars().all(|c| c.is_ascii_digit())
    {
        return Err(not_amount());
    }
    let frac = frac_part.unwrap_or_default();
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return Err(not_amount());
    }
    // Fen per unit and the decimals that unit allows.
    let (scale, max_decimals): (i128, usize) = if wan { (1_000_000, 6) } else { (100, 2) };
    if frac.len() > max_decimals {
        return Err(bad(if wan {
            "的小数位太多（以“万”为单位时最多六位小数，即精确到分）。"
        } else {
            "的小数位太多（最多两位小数，即精确到分）。"
        }));
    }
    let too_big = || bad("超出了可以记录的金额范围。");
    if digits.len() > 15 {
        return Err(too_big());
    }
    let whole: i128 = if digits.is_empty() {
        0
    } else {
        digits.parse::<i128>().map_err(|_| not_amount())?
    };
    let mut frac_fen: i128 = 0;
    let mut unit = scale;
    for c in frac.chars() {
        unit /= 10;
        frac_fen += i128::from(c.to_digit(10).unwrap_or(0)) * unit;
    }
    let fen = whole * scale + frac_fen;
    if fen > i128::from(MAX_UPPER_FEN) {
        return Err(too_big());
    }
    i64::try_from(fen).map_err(|_| too_big())
}

const CAPITALS: &str = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整";

/// Capital numerals, accepted only in the canonical form [`rmb_upper`] writes (整 optional).
fn parse_capitals(s: &str) -> Option<i64> {
    let s = s.replace('圆', "元");
    if !s.chars().all(|c| CAPITALS.contains(c)) {
        return None;
    }
    let (yuan_txt, rest) = match s.split_once('元') {
        Some((y, r)) => (y, r),
        None => ("", s.as_str()),
    };
    let yuan = if yuan_txt.is_empty() {
        0
    } else {
        capital_integer(yuan_txt)?
    };
    let rest = rest.trim_end_matches('整').trim_start_matches('零');
    let mut fen = 0i64;
    let mut chars = rest.chars().peekable();
    while let Some(d) = chars.next() {
        let v = DIGITS.iter().position(|x| *x == d)? as i64;
        match chars.next()? {
            '角' => fen += v * 10,
            '分' => fen += v,
            _ => return None,
        }
    }
    let total = yuan.checked_mul(100)?.checked_add(fen)?;
    let canonical = rmb_upper(total).ok()?;
    (canonical == s || canonical == format!("{s}整")).then_some(total)
}

/// A capital integer (no 元) → its value; the caller checks the form against [`rmb_upper`].
fn capital_integer(s: &str) -> Option<i64> {
    if let Some((hi, lo)) = s.rsplit_once('亿') {
        let hi = capital_integer(hi)?;
        let lo = if lo.is_empty() {
            0
        } else {
            capital_integer(lo)?
        };
        return hi.checked_mul(100_000_000)?.checked_add(lo);
    }
    if let Some((hi, lo)) = s.rsplit_once('万') {
        let hi = capital_section(hi)?;
        let lo = if lo.is_empty() {
            0
        } else {
            capital_section(lo)?
        };
        return Some(hi * 10_000 + lo);
    }
    capital_section(s)
}

/// Up to 9999 in capitals (仟佰拾, inner 零 allowed).
fn capital_section(s: &str) -> Option<i64> {
    let mut total = 0i64;
    let mut digit: Option<i64> = None;
    for c in s.chars() {
        if let Some(d) = DIGITS.iter().position(|x| *x == c) {
            if d == 0 {
                continue;
            }
            if digit.is_some() {
                return None;
            }
            digit = Some(d as i64);
        } else {
            let place = match c {
                '拾' => 10,
                '佰' => 100,
                '仟' => 1000,
                _ => return None,
            };
            total += digit.take()? * place;
        }
    }
    Some(total + digit.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(fen: i64, expected: &str) {
        assert_eq!(
            rmb_upper(fen).expect("amount in range"),
            expected,
            "rmb_upper({fen})"
        );
    }

    #[test]
    fn capital_numerals_follow_the_payment_rules() {
        let table: &[(i64, &str)] = &[
            // The examples from the design brief.
            (110_000_00, "壹拾壹万元整"),
            (1_409_50, "壹仟肆佰零玖元伍角"),
            (6_007_14, "陆仟零柒元壹角肆分"),
            (16_409_02, "壹万陆仟肆佰零玖元零贰分"),
            (325_04, "叁佰贰拾伍元零肆分"),
            (100_000_001_00, "壹亿零壹元整"),
            // Edge cases.
            (0, "零元整"),
            (5, "伍分"),
            (50, "伍角"),
            (55, "伍角伍分"),
            (10_00, "壹拾元整"),
            (10_05, "壹拾元零伍分"),
            (1_00, "壹元整"),
            (100_010_00, "壹拾万零壹拾元整"),
            (1_000_000_00, "壹佰万元整"),
            (100_000_000_00, "壹亿元整"),
            (1_010_000_000, "壹仟零壹拾万元整"),
            (1_010_000_001, "壹仟零壹拾万元零壹分"),
            // 零 between 元 and 角 is optional by the rules; we omit it.
            (1_000_000_010, "壹仟万元壹角"),
            (1_001_000_100, "壹仟零壹万零壹元整"),
            (100_000_000_000_00, "壹仟亿元整"),
            (100_100_000_000_00, "壹仟零壹亿元整"),
            (100_000_100_000_00, "壹仟亿零壹拾万元整"),
            (10_000_000_000_00, "壹佰亿元整"),
            (
                MAX_UPPER_FEN,
                "玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
            ),
            (1_001_01, "壹仟零壹元零壹分"),
            (20_30, "贰拾元叁角"),
        ];
        for &(fen, expected) in table {
            check(fen, expected);
        }
    }

    #[test]
    fn negative_and_huge_amounts_are_refused() {
        let e = rmb_upper(-1).expect_err("negative");
        assert_eq!(e.kind(), "invalid");
        assert!(e.to_string().contains("负数"), "{e}");
        assert!(rmb_upper(MAX_UPPER_FEN + 1).is_err());
        assert!(rmb_upper(i64::MIN).is_err());
    }

    #[test]
    fn yuan_formatting() {
        assert_eq!(format_yuan(0), "¥0.00");
        assert_eq!(format_yuan(5), "¥0.05");
        assert_eq!(format_yuan(123_450), "¥1,234.50");
        assert_eq!(format_yuan(110_000_00), "¥110,000.00");
        assert_eq!(format_yuan(100_000_001_00), "¥100,000,001.00");
        assert_eq!(format_yuan(-1200), "-¥12.00");
        assert_eq!(format_yuan(i64::MIN), "-¥92,233,720,368,547,758.08");
    }

    #[test]
    fn news_amounts() {
        for (fen, text) in [
            (110_000_00, "11万元"),
            (125_000_00, "12.5万元"),
            (12_345_67, "1.23万元"),
            (12_350_00, "1.24万元"),
            (10_000_00, "1万元"),
            (9_999_99, "9999.99元"),
            (8_000_00, "8000元"),
            (1_409_50, "1409.5元"),
            (0, "0元"),
        ] {
            assert_eq!(format_news_amount(fen), text, "{fen}");
        }
    }

    #[test]
    fn amounts_typed_every_way() {
        let table: &[(&str, i64)] = &[
            ("30000", 30_000_00),
            ("30000.5", 30_000_50),
            ("30000.05", 30_000_05),
            ("30,000.00", 30_000_00),
            ("¥30,000.00", 30_000_00),
            ("￥30,000.00", 30_000_00),
            ("1,234,567.89", 1_234_567_89),
            ("3万", 30_000_00),
            ("3.5万元", 35_000_00),
            ("0.0001万", 1_00),
            ("1.234567万", 12_345_67),
            ("３００００", 30_000_00),
            ("３．５万", 35_000_00),
            (" 2000元 ", 2_000_00),
            ("2000元整", 2_000_00),
            ("人民币5000元", 5_000_00),
            (".5", 50),
            ("0", 0),
            ("0.00", 0),
            ("+12", 12_00),
            ("壹拾壹万元整", 110_000_00),
            ("壹拾壹万元", 110_000_00),
            ("壹仟肆佰零玖元伍角", 1_409_50),
            ("陆仟零柒元壹角肆分", 6_007_14),
            ("壹万陆仟肆佰零玖元零贰分", 16_409_02),
            ("叁佰贰拾伍元零肆分", 325_04),
            ("壹亿零壹元整", 100_000_001_00),
            ("人民币壹拾壹万元整", 110_000_00),
            ("伍角", 50),
            ("零元整", 0),
            ("999,999,999,999.99", MAX_UPPER_FEN),
        ];
        for &(input, fen) in table {
            assert_eq!(
                parse_amount(input).ok(),
                Some(fen),
                "parse_amount({input:?})"
            );
        }
    }

    #[test]
    fn bad_amounts_are_refused_in_chinese() {
        let table: &[(&str, &str)] = &[
            ("-5", "负数"),
            ("－5", "负数"),
            ("-¥5.00", "负数"),
            ("1.234", "小数位"),
            ("0.1234567万", "小数位"),
            ("abc", "不是有效的金额"),
            ("", "不能为空"),
            ("   ", "不能为空"),
            ("3万5", "不是有效的金额"),
            ("30,00", "不是有效的金额"),
            ("1.2.3", "不是有效的金额"),
            ("12a", "不是有效的金额"),
            (",", "不是有效的金额"),
            (".", "不是有效的金额"),
            ("10000000000000", "超出"),
            ("99999999999999999999999", "超出"),
            // Capitals that are not the canonical form: refused, never guessed.
            ("拾壹万", "规范"),
            ("壹拾壹万", "规范"),
            ("壹万零零伍元", "规范"),
            ("壹仟肆佰玖元", "规范"),
            ("伍元伍", "规范"),
            ("叁万5千", "规范"),
        ];
        for &(input, why) in table {
            let e = parse_amount(input).expect_err(input);
            assert_eq!(e.kind(), "invalid", "{input}");
            assert!(e.to_string().contains(why), "{input}: {e}");
        }
    }

    #[test]
    fn figures_and_capitals_always_agree() {
        // Every boundary: each digit position alone, with inner zeros, at the top of the range.
        let mut amounts: Vec<i64> = vec![0, 1, 9, 10, 11, 99, 100, 101, 110, MAX_UPPER_FEN];
        let mut p = 1i64;
        while p <= MAX_UPPER_FEN {
            amounts.extend([p, p + 1, p * 9, p.saturating_mul(10) - 1, p + p / 10]);
            p *= 10;
        }
        for seed in 0..2000i64 {
            amounts.push((seed * 7_919_993_111_i64) % MAX_UPPER_FEN);
        }
        for fen in amounts
            .into_iter()
            .filter(|f| (0..=MAX_UPPER_FEN).contains(f))
        {
            let upper = rmb_upper(fen).expect("in range");
            assert_eq!(parse_amount(&upper).ok(), Some(fen), "{upper}");
            let figures = format_yuan(fen);
            assert_eq!(parse_amount(&figures).ok(), Some(fen), "{figures}");
        }
    }
}
