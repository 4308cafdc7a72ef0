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
}
