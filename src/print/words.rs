//! Where the words of a Chinese text are, so that a line breaks between words and not inside
//! one ("红十/字会", "海洋大/学" and "伍/万元整" are the breaks an office hands back).
//!
//! jieba's dictionary segments the text; a run of 大写 amount characters (伍万元整) is one
//! word whatever the dictionary says. The dictionary is loaded once per process, on first use.
//!
//! The dictionary doesn't know the street's own place names (八大关, 太平角, 市南), so it
//! splits them ("青岛八大/关支行"). The database's names are its [`Vocabulary`]: the place
//! names of the street, its district and its communities are words, and a unit's or a
//! community's whole name begins and ends a word (nothing of the text around it joins a word
//! of it). [`crate::print::saved_fonts`], which every print job of a database calls first,
//! sets the vocabulary for the jobs on its thread.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::OnceLock;

use jieba_rs::Jieba;
use rusqlite::Connection;

use crate::Result;

/// The characters of an amount in 大写 (壹万贰仟元整): a run of them is one word.
const CAPITAL_AMOUNT: &str = "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整";

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(Jieba::new)
}

/// The names of one database that the dictionary doesn't know.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    /// Place names kept whole (八大关, 太平角, 市南区, 市南), longest first.
    words: Vec<Vec<char>>,
    /// Whole names whose two ends are word boundaries (中国银行股份有限公司青岛八大关支行).
    names: Vec<Vec<char>>,
    /// The names by their first character (a roster has thousands; a text tries only those
    /// that start where it is).
    names_by_first: HashMap<char, Vec<usize>>,
}

/// What a place's name ends with: without it, the rest is the place (八大关街道办事处 → 八大关).
const PLACE_SUFFIXES: [&str; 10] = [
    "街道办事处",
    "街道工作委员会",
    "街道党工委",
    "社区居民委员会",
    "社区居委会",
    "社区党委",
    "社区",
    "街道",
    "居委会",
    "区",
];

/// The place names in `name`: the name without its suffix, and a district ("青岛市市南区…" →
/// 市南区, 市南) wherever one is named.
fn places_in(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    let name = name.trim().trim_start_matches("中共");
    for suffix in PLACE_SUFFIXES {
        if let Some(stem) = name.strip_suffix(suffix) {
            out.push(stem.to_owned());
            break;
        }
    }
    // 市南区 in 青岛市市南区香港西路: the two or three characters between 市 and 区.
    let chars: Vec<char> = name.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c != '区' {
            continue;
        }
        for len in [2, 3] {
            if i > len && chars[i - len - 1] == '市' {
                let stem: String = chars[i - len..i].iter().collect();
                if !stem.contains('市') {
                    out.push(format!("{stem}区"));
                    out.push(stem);
                }
                break;
            }
        }
    }
    out
}

impl Vocabulary {
    /// From the places named (the street's names and address, the communities) and the whole
    /// names printed (units, communities).
    pub fn new<'a>(
        places: impl IntoIterator<Item = &'a str>,
        names: impl IntoIterator<Item = &'a str>,
    ) -> Vocabulary {
        let mut words: Vec<Vec<char>> = places
            .into_iter()
            .flat_map(places_in)
            .map(|w| w.chars().collect::<Vec<char>>())
            .filter(|w| w.len() >= 2)
            .collect();
        words.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        words.dedup();
        let mut names: Vec<Vec<char>> = names
            .into_iter()
            .map(|n| n.trim().chars().collect::<Vec<char>>())
            .filter(|n| n.len() >= 2)
            .collect();
        names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
        names.dedup();
        let mut names_by_first: HashMap<char, Vec<usize>> = HashMap::new();
        for (i, n) in names.iter().enumerate() {
            if let Some(&c) = n.first() {
                names_by_first.entry(c).or_default().push(i);
            }
        }
        Vocabulary {
            words,
            names,
            names_by_first,
        }
    }

    /// The names of the database: its street's, its communities' and its units'.
    pub fn of(conn: &Connection) -> Result<Vocabulary> {
        let column_of = |sql: &str| -> Result<Vec<String>> {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<String>>>()?)
        };
        let street = column_of(
            "SELECT name FROM street_profile UNION ALL SELECT short_name FROM street_profile \
             UNION ALL SELECT party_org FROM street_profile \
             UNION ALL SELECT address FROM street_profile",
        )?;
        let communities = column_of("SELECT name FROM communities")?;
        let units = column_of("SELECT name FROM units")?;
        Ok(Vocabulary::new(
            street.iter().chain(&communities).map(String::as_str),
            communities.iter().chain(&units).map(String::as_str),
        ))
    }

    /// The word boundaries of `chars` as this vocabulary moves them: `cuts` (the dictionary's,
    /// ascending, from 0 to `chars.len()`) without those inside a place name, with its ends and
    /// the ends of a whole name.
    fn adjust(&self, chars: &[char], cuts: &mut Vec<usize>) {
        let mut kept: Vec<(usize, usize)> = Vec::new();
        let mut ends: Vec<usize> = Vec::new();
        // Longest first: a longer place keeps its own ends (市南区 before 市南).
        for w in &self.words {
            for (a, b) in occurrences(chars, w) {
                if !kept.iter().any(|&(x, y)| a < y && x < b) {
                    kept.push((a, b));
                }
            }
        }
        for (i, c) in chars.iter().enumerate() {
            for &k in self.names_by_first.get(c).into_iter().flatten() {
                let n = &self.names[k];
                if chars[i..].starts_with(n) {
                    ends.push(i);
                    ends.push(i + n.len());
                }
            }
        }
        for &(a, b) in &kept {
            ends.push(a);
            ends.push(b);
        }
        cuts.extend(ends);
        cuts.sort_unstable();
        cuts.dedup();
        cuts.retain(|&c| !kept.iter().any(|&(a, b)| a < c && c < b));
    }
}

/// Where `word` (not empty) stands in `chars`, as `(start, end)`.
fn occurrences<'a>(
    chars: &'a [char],
    word: &'a [char],
) -> impl Iterator<Item = (usize, usize)> + 'a {
    chars
        .windows(word.len())
        .enumerate()
        .filter(move |(_, w)| *w == word)
        .map(move |(i, _)| (i, i + word.len()))
}

thread_local! {
    /// The vocabulary of the print jobs on this thread (see [`use_vocabulary`]).
    static VOCABULARY: RefCell<Rc<Vocabulary>> = RefCell::new(Rc::new(Vocabulary::default()));
}

/// Makes `vocabulary` the one the print jobs on this thread segment their text with, until the
/// next call.
pub fn use_vocabulary(vocabulary: Vocabulary) {
    VOCABULARY.with(|v| *v.borrow_mut() = Rc::new(vocabulary));
}

/// The words of `chars` as character ranges `(start, end)`, in order and covering every
/// character (a character the dictionary doesn't know is a word of its own), with this
/// thread's [`Vocabulary`].
pub fn word_spans(chars: &[char]) -> Vec<(usize, usize)> {
    let vocabulary = VOCABULARY.with(|v| Rc::clone(&v.borrow()));
    word_spans_with(chars, &vocabulary)
}

/// [`word_spans`] with the names of `vocabulary`.
pub fn word_spans_with(chars: &[char], vocabulary: &Vocabulary) -> Vec<(usize, usize)> {
    let text: String = chars.iter().collect();
    let mut cuts = vec![0];
    let mut at = 0;
    for word in jieba().cut(&text, true) {
        at += word.word.chars().count();
        cuts.push(at);
    }
    vocabulary.adjust(chars, &mut cuts);
    let spans = cuts.windows(2).map(|w| (w[0], w[1])).collect();
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

    fn words_with(text: &str, v: &Vocabulary) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        word_spans_with(&chars, v)
            .into_iter()
            .map(|(a, b)| chars[a..b].iter().collect())
            .collect()
    }

    #[test]
    fn the_street_s_places_are_words_and_names_end_words() {
        let v = Vocabulary::new(
            [
                "八大关街道办事处",
                "中共八大关街道工作委员会",
                "青岛市市南区香港西路1号",
                "太平角社区",
            ],
            ["太平角社区", "中国银行股份有限公司青岛八大关支行"],
        );
        for (text, word) in [
            ("中国银行股份有限公司青岛八大关支行", "八大关"),
            ("青岛市市南区卫生健康局", "市南区"),
            ("市南", "市南"),
            ("太平角职工疗养院", "太平角"),
        ] {
            let w = words_with(text, &v);
            assert!(w.iter().any(|x| x == word), "{text}: {w:?}");
            assert_eq!(w.concat(), text);
        }
        // Without the vocabulary the dictionary splits the place (太平/角).
        let plain = words("太平角职工疗养院");
        assert!(!plain.iter().any(|x| x == "太平角"), "{plain:?}");
        // A whole name's ends are boundaries: nothing of 参加 joins its last word.
        let w = words_with("中国银行股份有限公司青岛八大关支行参加", &v);
        assert_eq!(w.last().map(String::as_str), Some("参加"), "{w:?}");
        // This thread's vocabulary is the one word_spans uses.
        use_vocabulary(v.clone());
        assert!(words("太平角社区党委").iter().any(|x| x == "太平角"));
        use_vocabulary(Vocabulary::default());
    }

    #[test]
    fn every_character_is_in_one_word() {
        let text = "a1，《联席会》2026年 ";
        assert_eq!(words(text).concat(), text);
    }
}
