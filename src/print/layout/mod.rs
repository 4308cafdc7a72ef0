//! Line breaking for Chinese text: a break may fall between any two CJK characters, Latin
//! words and numbers stay whole, and 避头尾 holds (no line starts with closing punctuation,
//! no line ends with opening punctuation) by pulling characters down to the next line.
//!
//! `balance` holds the checks on laid-out lines and the balanced lines of titles.

mod balance;
#[cfg(test)]
mod tests;

pub use balance::{balance_lines, breaks_inside_words, has_orphan, splits_short_word};

use super::fonts::{is_invisible, FontRole, FontSet};

/// Characters that must not begin a line (closing punctuation, pauses, ellipsis, dash).
pub const NO_LINE_START: &str = "，。、；：？！）》」』”’…—〕】〉｝］〗〙·‥–～%‰℃,.;:?!)]}>";
/// Characters that must not end a line (opening brackets and quotes, currency signs).
pub const NO_LINE_END: &str = "（《「『“‘〔【〈｛［〖〘([{<¥￥$";

/// Whether `ch` may not start a line.
pub fn is_no_line_start(ch: char) -> bool {
    NO_LINE_START.contains(ch)
}

/// Whether `ch` may not end a line.
pub fn is_no_line_end(ch: char) -> bool {
    NO_LINE_END.contains(ch)
}

/// Slack allowed when comparing widths, in points (float rounding).
pub(crate) const EPS: f32 = 0.01;

/// One laid-out line of a paragraph.
#[derive(Debug, Clone, PartialEq)]
pub struct WrappedLine {
    /// The characters on the line, without the spaces dropped at the break.
    pub text: String,
    /// Natural width in points (before justification).
    pub width: f32,
    /// The width available to this line (the first line's is reduced by the indent).
    pub available: f32,
    /// Whether the line should be stretched to `available` (every line but the last).
    pub justify: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum AtomKind {
    Space,
    Word,
    Char,
}

#[derive(Debug, Clone, Copy)]
struct Atom {
    start: usize,
    end: usize,
    width: f32,
    kind: AtomKind,
}

/// Latin letters and digits (anything alphanumeric that is not a CJK ideograph or kana).
fn is_word_char(ch: char) -> bool {
    ch.is_alphanumeric() && !is_cjk(ch)
}

/// Ideographs, kana, Hangul and full-width forms: each may be broken around.
pub(crate) fn is_cjk(ch: char) -> bool {
    matches!(ch as u32,
        0x2E80..=0x2FFF | 0x3000..=0x303F | 0x3040..=0x30FF | 0x3100..=0x31FF
        | 0x3200..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F
        | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

/// U+2060 WORD JOINER: no line break between the characters on either side (never drawn).
pub const WORD_JOINER: char = '\u{2060}';

/// Punctuation that joins a word when it has word characters on both sides: 1,234.50,
/// 2026-09-21, www.example.cn.
fn is_word_joiner(ch: char) -> bool {
    matches!(
        ch,
        '.' | ',' | ':' | '/' | '-' | '_' | '@' | '\'' | '+' | '&' | '#'
    )
}

fn tokenize(chars: &[char], width_of: &dyn Fn(char) -> f32) -> Vec<Atom> {
    let mut atoms = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let start = i;
        let kind = if c == ' ' || c == '\t' {
            while i < chars.len() && (chars[i] == ' ' || chars[i] == '\t') {
                i += 1;
            }
            AtomKind::Space
        } else if is_word_char(c) {
            while i < chars.len() {
                let d = chars[i];
                let joins = is_word_joiner(d)
                    && chars.get(i + 1).is_some_and(|&n| is_word_char(n))
                    && i > start;
                if is_word_char(d) || joins {
                    i += 1;
                } else {
                    break;
                }
            }
            // A trailing percent sign belongs to its number.
            if i < chars.len() && matches!(chars[i], '%' | '‰') {
                i += 1;
            }
            AtomKind::Word
        } else {
            i += 1;
            // A word joiner glues the next character on: a person's name is never broken.
            while i + 1 < chars.len() && chars[i] == WORD_JOINER {
                i += 2;
            }
            AtomKind::Char
        };
        let width = chars[start..i].iter().map(|&c| width_of(c)).sum();
        atoms.push(Atom {
            start,
            end: i,
            width,
            kind,
        });
    }
    atoms
}

/// Breaks `text` into lines no wider than `width` points, the first line `first_indent`
/// points narrower. `width_of` gives each character's advance in points.
pub fn break_lines(
    text: &str,
    width: f32,
    first_indent: f32,
    width_of: &dyn Fn(char) -> f32,
) -> Vec<WrappedLine> {
    break_lines_with(text, width, first_indent, width_of, BreakRules::default())
}

/// Words of at most this many letters or ideographs (names, short titles such as 党委书记)
/// are kept whole by [`BreakRules::keep_words`].
pub const SHORT_WORD: usize = 4;

/// Rules on top of the width and 避头尾, for short texts such as table cells.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BreakRules {
    /// Do not break inside a run of at most [`SHORT_WORD`] letters or ideographs (a name,
    /// 党委书记, 优势互补), nor inside a word of a longer run (红十字会, 海洋大学, 伍万元整: see
    /// [`super::words`]), when the line has another legal break.
    pub keep_words: bool,
    /// Do not break inside an entry that fits on a line when the line has another legal
    /// break: a part between spaces or after a list separator (、，；), such as the title in
    /// "王小明 街道党工委副书记" or each name in "张三、欧阳娜娜". For names and titles, not
    /// prose.
    pub keep_entries: bool,
    /// Never leave one character alone on the last line: the last break moves back (one
    /// character, or more where 避头尾 asks) when the last line then still fits.
    pub no_orphan: bool,
}

/// Separators after which an entry of a list may end (see [`BreakRules::keep_entries`]).
pub const LIST_SEPARATORS: [char; 5] = ['、', '，', '；', ',', ';'];

/// Like [`break_lines`], with `rules` on top.
pub fn break_lines_with(
    text: &str,
    width: f32,
    first_indent: f32,
    width_of: &dyn Fn(char) -> f32,
    rules: BreakRules,
) -> Vec<WrappedLine> {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut atoms = tokenize(&chars, width_of);
    let avoid = inside_words(&chars, width, width_of, rules);
    let avoided = |atoms: &[Atom], b: usize| avoid.get(atoms[b].start).copied().unwrap_or(false);
    // Each line as (first atom, end atom, available width, justify).
    let mut spans: Vec<(usize, usize, f32, bool)> = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        if !spans.is_empty() {
            while i < atoms.len() && atoms[i].kind == AtomKind::Space {
                i += 1;
            }
            if i == atoms.len() {
                break;
            }
        }
        let avail = if spans.is_empty() {
            (width - first_indent).max(0.0)
        } else {
            width
        };
        // Greedy: take atoms while they fit (spaces never make a line overflow).
        let mut used = 0.0;
        let mut k = i;
        while k < atoms.len() {
            let a = atoms[k];
            if a.kind != AtomKind::Space && used + a.width > avail + EPS {
                break;
            }
            used += a.width;
            k += 1;
        }
        if k == atoms.len() {
            spans.push((i, atoms.len(), avail, false));
            break;
        }
        if k == i {
            // A single word wider than the line: split it between characters.
            if split_atom(&mut atoms, k, avail, &chars, width_of) {
                continue;
            }
            // A single character wider than the line: it gets a line of its own.
            spans.push((k, k + 1, avail, true));
            i = k + 1;
            continue;
        }
        let allowed = |b: usize| break_allowed(&chars, &atoms, i, b);
        let legal = (i + 1..=k)
            .rev()
            .find(|&b| allowed(b) && !avoided(&atoms, b))
            .or_else(|| (i + 1..=k).rev().find(|&b| allowed(b)));
        let b = match legal {
            Some(b) => b,
            None => {
                // No legal break (e.g. "¥" before a number too long for what is left):
                // split the word that overflows, else break where the line is full.
                if atoms[k].kind == AtomKind::Word
                    && split_atom(&mut atoms, k, avail - used, &chars, width_of)
                {
                    continue;
                }
                k
            }
        };
        spans.push((i, b, avail, true));
        i = b;
    }
    if rules.no_orphan {
        adopt_orphan(&chars, &atoms, &mut spans, &avoided);
    }
    spans
        .into_iter()
        .map(|(from, to, avail, justify)| make_line(&chars, &atoms[from..to], avail, justify))
        .collect()
}

/// For each char index `j`, whether a break before `chars[j]` falls inside a word or an
/// entry that `rules` keep whole (empty when they keep nothing).
fn inside_words(
    chars: &[char],
    width: f32,
    width_of: &dyn Fn(char) -> f32,
    rules: BreakRules,
) -> Vec<bool> {
    if !rules.keep_words && !rules.keep_entries {
        return Vec::new();
    }
    let mut avoid = vec![false; chars.len() + 1];
    let mut mark = |from: usize, to: usize| {
        for a in avoid.iter_mut().take(to).skip(from + 1) {
            *a = true;
        }
    };
    if rules.keep_entries {
        // Entries that fit on a line; a separator stays with the entry before it.
        let mut start = 0;
        for j in 0..=chars.len() {
            let space = j < chars.len() && chars[j].is_whitespace();
            let sep = j < chars.len() && LIST_SEPARATORS.contains(&chars[j]);
            if j == chars.len() || space || sep {
                let end = if sep { j + 1 } else { j };
                let w: f32 = chars[start..end].iter().map(|&c| width_of(c)).sum();
                if end > start && w <= width + EPS {
                    mark(start, end);
                }
                start = j + 1;
            }
        }
    }
    if rules.keep_words {
        let mut start = 0;
        for j in 0..=chars.len() {
            if j == chars.len() || !chars[j].is_alphanumeric() {
                if j > start && j - start <= SHORT_WORD {
                    mark(start, j);
                } else if j > start {
                    // A longer run (a unit's name, an amount in 大写): kept whole word by word.
                    for (a, b) in super::words::word_spans(&chars[start..j]) {
                        let w: f32 = chars[start + a..start + b]
                            .iter()
                            .map(|&c| width_of(c))
                            .sum();
                        if b - a > 1 && w <= width + EPS {
                            mark(start + a, start + b);
                        }
                    }
                }
                start = j + 1;
            }
        }
    }
    avoid
}

/// The characters of the atoms `from..to`, without leading and trailing spaces.
fn span_chars<'c>(chars: &'c [char], atoms: &[Atom], from: usize, to: usize) -> &'c [char] {
    let content = &atoms[from..to];
    match (
        content.iter().position(|a| a.kind != AtomKind::Space),
        content.iter().rposition(|a| a.kind != AtomKind::Space),
    ) {
        (Some(f), Some(l)) => &chars[content[f].start..content[l].end],
        _ => &[],
    }
}

/// Whether a (last) line is a lone character: one letter or ideograph at most, with only
/// punctuation beside it (记, 言）).
fn is_lone(line: &[char]) -> bool {
    !line.is_empty() && line.iter().filter(|c| c.is_alphanumeric()).count() <= 1
}

/// When the last line is a lone character, moves the break before it back so that the
/// last line has company, keeping 避头尾 and the width (and, when it can, whole words).
fn adopt_orphan(
    chars: &[char],
    atoms: &[Atom],
    spans: &mut [(usize, usize, f32, bool)],
    avoided: &dyn Fn(&[Atom], usize) -> bool,
) {
    let n = spans.len();
    if n < 2 {
        return;
    }
    let (p_from, p_to, _, _) = spans[n - 2];
    let (l_from, l_to, l_avail, _) = spans[n - 1];
    if !is_lone(span_chars(chars, atoms, l_from, l_to)) {
        return;
    }
    // Whether breaking before atom `b` instead leaves two lines that are neither empty nor
    // lone, a last line that fits, and 避头尾 intact.
    let fits = |b: usize| {
        let before = span_chars(chars, atoms, p_from, b);
        let first = (b..l_to).find(|&x| atoms[x].kind != AtomKind::Space);
        let last = (b..l_to).rfind(|&x| atoms[x].kind != AtomKind::Space);
        let width: f32 = match (first, last) {
            (Some(f), Some(l)) => atoms[f..=l].iter().map(|a| a.width).sum(),
            _ => return false,
        };
        !before.is_empty()
            && !is_lone(before)
            && !is_lone(span_chars(chars, atoms, b, l_to))
            && width <= l_avail + EPS
            && break_allowed(chars, atoms, p_from, b)
    };
    let candidates = || (p_from + 1..p_to).rev().filter(|&b| fits(b));
    let b = candidates()
        .find(|&b| !avoided(atoms, b))
        .or_else(|| candidates().next());
    if let Some(b) = b {
        let start = (b..l_to)
            .find(|&x| atoms[x].kind != AtomKind::Space)
            .unwrap_or(b);
        spans[n - 2].1 = b;
        spans[n - 1].0 = start;
    }
}

/// Whether a line may end before atom `b` (the line started at atom `line_start`).
fn break_allowed(chars: &[char], atoms: &[Atom], line_start: usize, b: usize) -> bool {
    let before = atoms[line_start..b]
        .iter()
        .rev()
        .find(|a| a.kind != AtomKind::Space);
    let after = atoms[b..].iter().find(|a| a.kind != AtomKind::Space);
    let (Some(before), Some(after)) = (before, after) else {
        return false;
    };
    !is_no_line_end(chars[before.end - 1]) && !is_no_line_start(chars[after.start])
}

/// Splits atom `at` so its first part fits in `room` points (at least one character).
/// Returns false when the atom is a single character already.
fn split_atom(
    atoms: &mut Vec<Atom>,
    at: usize,
    room: f32,
    chars: &[char],
    width_of: &dyn Fn(char) -> f32,
) -> bool {
    let a = atoms[at];
    if a.end - a.start < 2 {
        return false;
    }
    let mut w = 0.0;
    let mut cut = a.start;
    while cut < a.end - 1 {
        let cw = width_of(chars[cut]);
        if w + cw > room + EPS {
            break;
        }
        w += cw;
        cut += 1;
    }
    if cut == a.start {
        cut = a.start + 1;
        w = width_of(chars[a.start]);
    }
    atoms[at] = Atom {
        end: cut,
        width: w,
        ..a
    };
    atoms.insert(
        at + 1,
        Atom {
            start: cut,
            end: a.end,
            width: a.width - w,
            kind: a.kind,
        },
    );
    true
}

fn make_line(chars: &[char], atoms: &[Atom], avail: f32, justify: bool) -> WrappedLine {
    let content_end = atoms
        .iter()
        .rposition(|a| a.kind != AtomKind::Space)
        .map_or(0, |p| p + 1);
    let atoms = &atoms[..content_end];
    let text = match (atoms.first(), atoms.last()) {
        (Some(f), Some(l)) => chars[f.start..l.end].iter().collect(),
        _ => String::new(),
    };
    WrappedLine {
        text,
        width: atoms.iter().map(|a| a.width).sum(),
        available: avail,
        justify,
    }
}

/// Wraps `text` set in `role` at `size` pt into lines of `width` points, the first one
/// indented by `first_indent` points.
pub fn wrap_text(
    fonts: &FontSet,
    role: FontRole,
    size: f32,
    text: &str,
    width: f32,
    first_indent: f32,
) -> Vec<WrappedLine> {
    break_lines(text, width, first_indent, &|c| {
        fonts.char_width(role, size, c)
    })
}

/// Extra space per character gap that stretches `line` to its available width, or 0 when
/// the line is not justified or would look torn apart (more than one em per gap).
pub fn justify_spacing(line: &WrappedLine, size: f32) -> f32 {
    // Characters never drawn (a word joiner) take no gap.
    let drawn = line.text.chars().filter(|c| !is_invisible(*c)).count();
    let gaps = drawn.saturating_sub(1);
    if !line.justify || gaps == 0 {
        return 0.0;
    }
    let extra = (line.available - line.width) / gaps as f32;
    if extra <= 0.0 || extra > size {
        0.0
    } else {
        extra
    }
}

#[cfg(test)]
mod joiner_tests {
    use super::*;

    #[test]
    fn a_word_joiner_keeps_characters_on_one_line() {
        let text = "甲乙丙丁戊己庚孙\u{2060}思\u{2060}远辛";
        let lines = break_lines(text, 90.0, 0.0, &|c| {
            if c == WORD_JOINER {
                0.0
            } else {
                10.0
            }
        });
        let texts: Vec<String> = lines
            .iter()
            .map(|l| l.text.replace(WORD_JOINER, ""))
            .collect();
        assert_eq!(texts, vec!["甲乙丙丁戊己庚", "孙思远辛"]);
    }
}
