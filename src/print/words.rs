//! Where the words of a Chinese text are, so that a line breaks between words and not inside
//! one ("红十/字会", "海洋大/学" and "伍/万元整" are the breaks an office hands back).
//!
//! jieba's dictionary segments the text; a run of 大写 amount characters (伍万元整) is one
//! word whatever the dictionary says. The dictionary is loaded once per process, on first use.

use std::sync::OnceLock;

use jieba_rs::Jieba;

/// The characters of an amount in 大写 (壹万贰仟元整): a run of them is one word.
const CAPITAL_AMOUNT: &str = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整";

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// The words of `chars` as character ranges `(start, end)`, in order and covering every
/// character (a character the dictionary doesn't know is a word of its own).
pub fn word_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let text: String = chars.iter().collect();
    let mut spans = Vec::new();
    let mut at = 0;
    for word in jieba().cut(&text, true) {
        let n = word.word.chars().count();
        spans.push((at, at + n));
        at += n;
    }
    merge_capital_amounts(chars, spans)
}

/// Joins neighbouring words made only of 大写 amount characters (伍 + 万元 + 整 → 伍万元整).
fn merge_capital_amounts(chars: &[char], spans: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let capital = |(a, b): (usize, usize)| chars[a..b].iter().all(|c| CAPITAL_AMOUNT.contains(*c));
    let mut out: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if capital(*last) && capital(span) => last.1 = span.1,
            _ => out.push(span),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        word_spans(&chars)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn the_words_an_office_would_not_see_broken_are_words() {
        for (text, word) in [
            ("青岛市红十字会", "红十字会"),
            ("中国海洋大学", "海洋大学"),
            ("物业管理处", "物业管理"),
            ("职工疗养院", "疗养院"),
            ("党建工作", "党建"),
            ("人民币伍万元整", "伍万元整"),
            ("壹拾贰万叁仟肆佰元整", "壹拾贰万叁仟肆佰元整"),
        ] {
            let w = words(text);
            assert!(w.iter().any(|x| x == word), "{text}: {w:?}");
            assert_eq!(w.concat(), text);
        }
    }

    #[test]
    fn every_character_is_in_one_word() {
        let text = "a1，《联席会》2026年 ";
        assert_eq!(words(text).concat(), text);
    }
}
