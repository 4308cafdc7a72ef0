//! Line breaking for Chinese text: a break may fall between any two CJK characters, Latin
//! words and numbers stay whole, and 避头尾 holds (no line starts with closing punctuation,
//! no line ends with opening punctuation) by pulling characters down to the next line.

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

/// Whether `lines` leave a lone character on the last line: one letter or ideograph at
/// most, with only punctuation beside it (记, 言）).
pub fn has_orphan(lines: &[WrappedLine]) -> bool {
    lines.len() > 1
        && lines.last().is_some_and(|l| {
            let chars: Vec<char> = l.text.chars().collect();
            is_lone(&chars)
        })
}

/// Whether the lines of `text` (as broken by [`break_lines_with`]) break a run of at most
/// [`SHORT_WORD`] letters or ideographs, e.g. 党委/书记 or 欧阳/娜娜.
pub fn splits_short_word(text: &str, lines: &[WrappedLine]) -> bool {
    let chars: Vec<char> = text.trim().chars().collect();
    let alnum = |j: usize| chars.get(j).is_some_and(|c| c.is_alphanumeric());
    break_positions(text, &line_texts(lines))
        .into_iter()
        .filter(|&pos| pos > 0 && alnum(pos - 1) && alnum(pos))
        .any(|pos| {
            let left = (0..pos).rev().take_while(|&j| alnum(j)).count();
            let right = (pos..chars.len()).take_while(|&j| alnum(j)).count();
            left + right <= SHORT_WORD
        })
}

fn line_texts(lines: &[WrappedLine]) -> Vec<&str> {
    lines.iter().map(|l| l.text.as_str()).collect()
}

/// Where `lines` (the texts of `text`'s lines) break inside the text, as char indices into the
/// trimmed text: where the next line's first character is. A break at a blank (dropped at the
/// break) is between words and not listed.
fn break_positions(text: &str, lines: &[&str]) -> Vec<usize> {
    let chars: Vec<char> = text.trim().chars().collect();
    let mut out = Vec::new();
    let mut pos = 0;
    for (n, line) in lines.iter().enumerate() {
        let start = pos;
        while pos < chars.len() && chars[pos].is_whitespace() {
            pos += 1;
        }
        if n > 0 && pos == start && pos < chars.len() {
            out.push(pos);
        }
        pos += line.chars().count();
    }
    out
}

/// How many of the breaks between `lines` (the texts of `text`'s lines, as laid out or as
/// read back from a PDF) fall inside a word of `text` as [`super::words::word_spans`]
/// segments it (红十/字会, 海洋大/学, 伍/万元整).
pub fn breaks_inside_words(text: &str, lines: &[&str]) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let words = super::words::word_spans(&chars);
    break_positions(text, lines)
        .into_iter()
        .filter(|&p| words.iter().any(|&(a, b)| a < p && p < b))
        .count()
}

/// The lines of a title (GB/T 9704: 回行时要做到词意完整，排列对称，长短适宜): as few as fit
/// `width`, breaking inside no word where the greedy lines did not have to, no character left
/// alone, and as even as can be: the narrowest measure that still gives that many lines.
pub fn balance_lines(text: &str, width: f32, width_of: &dyn Fn(char) -> f32) -> Vec<WrappedLine> {
    let rules = BreakRules {
        keep_words: true,
        keep_entries: false,
        no_orphan: true,
    };
    let at = |w: f32| break_lines_with(text, w, 0.0, width_of, rules);
    let widest = at(width);
    let n = widest.len();
    if n < 2 {
        return widest;
    }
    let inside_of = |lines: &[WrappedLine]| breaks_inside_words(text, &line_texts(lines));
    let inside = inside_of(&widest);
    let good = |lines: &[WrappedLine]| {
        lines.len() == n
            && !has_orphan(lines)
            && inside_of(lines) <= inside
            && lines.iter().all(|l| l.width <= width + EPS)
    };
    // The narrowest good measure, to a hundredth of a point. Below width / n nothing fits.
    let (mut lo, mut hi) = (width / n as f32 - EPS, width);
    while hi - lo > 0.01 {
        let mid = (lo + hi) / 2.0;
        if good(&at(mid)) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    let mut lines = at(hi);
    if !good(&lines) {
        lines = widest;
    }
    for l in &mut lines {
        l.available = width;
        l.justify = false;
    }
    lines
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
mod tests {
    use super::*;

    /// CJK one em (10 pt), everything else half.
    fn w(c: char) -> f32 {
        if is_cjk(c) {
            10.0
        } else {
            5.0
        }
    }

    fn texts(text: &str, width: f32, indent: f32) -> Vec<String> {
        break_lines(text, width, indent, &w)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn breaks_between_cjk_characters() {
        assert_eq!(
            texts("一二三四五六七", 30.0, 0.0),
            ["一二三", "四五六", "七"]
        );
        assert_eq!(
            texts("一二三四五六七", 30.0, 10.0),
            ["一二", "三四五", "六七"]
        );
    }

    #[test]
    fn closing_punctuation_pulls_the_previous_character_down() {
        // "三" would end line 1 and "，" start line 2: pull "三" down with it.
        assert_eq!(texts("一二三，四五", 30.0, 0.0), ["一二", "三，四", "五"]);
        // Doubled dashes and ellipses never start a line.
        assert_eq!(texts("一二三——四", 30.0, 0.0), ["一二", "三——四"]);
    }

    #[test]
    fn opening_punctuation_never_ends_a_line() {
        assert_eq!(texts("一二（三）四", 30.0, 0.0), ["一二", "（三）", "四"]);
        assert_eq!(texts("一二“三”", 30.0, 0.0), ["一二", "“三”"]);
    }

    #[test]
    fn latin_words_and_numbers_stay_whole() {
        // "13800000000" is 55 pt: it moves to its own line, then is split only if wider.
        let lines = texts("电话13800000000转", 60.0, 0.0);
        assert_eq!(lines, ["电话", "13800000000", "转"]);
        assert_eq!(
            texts("金额¥1,234.50元", 50.0, 0.0),
            ["金额", "¥1,234.50", "元"]
        );
        assert_eq!(
            texts("hello world again", 30.0, 0.0),
            ["hello", "world", "again"]
        );
        // Wider than a whole line: split between characters, nothing lost.
        assert_eq!(texts("abcdefgh", 20.0, 0.0), ["abcd", "efgh"]);
    }

    #[test]
    fn lines_are_justified_except_the_last() {
        let lines = break_lines("一二三，四五", 30.0, 0.0, &w);
        assert!(lines[0].justify && !lines[2].justify);
        let s = justify_spacing(&lines[0], 10.0);
        assert!((s - 10.0).abs() < 0.01, "{s}");
        assert_eq!(justify_spacing(&lines[2], 10.0), 0.0);
    }

    fn with(text: &str, width: f32, rules: BreakRules) -> Vec<String> {
        break_lines_with(text, width, 0.0, &w, rules)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    const WORDS: BreakRules = BreakRules {
        keep_words: true,
        keep_entries: false,
        no_orphan: false,
    };
    const ENTRIES: BreakRules = BreakRules {
        keep_words: true,
        keep_entries: true,
        no_orphan: false,
    };
    const NO_ORPHAN: BreakRules = BreakRules {
        keep_words: false,
        keep_entries: false,
        no_orphan: true,
    };

    #[test]
    fn the_street_s_own_place_names_stay_whole() {
        use crate::print::words::{use_vocabulary, Vocabulary};
        // 10 pt a character: four to a line. The dictionary splits 太平/角 and the line breaks
        // there; with the street's communities the place is one word.
        use_vocabulary(Vocabulary::default());
        assert_eq!(
            with("青岛太平角职工疗养院", 40.0, WORDS),
            ["青岛太平", "角职工", "疗养院"]
        );
        use_vocabulary(Vocabulary::new(["太平角社区"], ["太平角社区"]));
        let lines = with("青岛太平角职工疗养院", 40.0, WORDS);
        assert_eq!(lines, ["青岛", "太平角", "职工", "疗养院"]);
        assert_eq!(
            breaks_inside_words("青岛太平角职工疗养院", &["青岛太平", "角职工", "疗养院"]),
            1,
            "the checker knows the place too"
        );
        use_vocabulary(Vocabulary::default());
    }

    #[test]
    fn short_words_stay_whole_when_the_line_has_another_break() {
        // Greedy fills the line and leaves 记 alone; keeping 党委书记 breaks at the space.
        assert_eq!(texts("王小明 党委书记", 65.0, 0.0), ["王小明 党委书", "记"]);
        assert_eq!(with("王小明 党委书记", 65.0, WORDS), ["王小明", "党委书记"]);
        // A name of four characters in a list, kept after its separator.
        assert_eq!(texts("张三、欧阳娜娜", 50.0, 0.0), ["张三、欧阳", "娜娜"]);
        assert_eq!(with("张三、欧阳娜娜", 50.0, WORDS), ["张三、", "欧阳娜娜"]);
        // Longer runs break between their words (石油化/工 is no break an office takes).
        assert_eq!(
            with("中国石油化工股份有限公司", 50.0, WORDS),
            ["中国", "石油化工", "股份", "有限公司"]
        );
        // Without another legal break the word is broken after all.
        assert_eq!(with("党委书记", 30.0, WORDS), ["党委书", "记"]);
    }

    #[test]
    fn entries_that_fit_a_line_stay_whole() {
        // 街道党工委副书记 (8 characters) is no short word, but an entry that fits.
        assert_eq!(
            with("王小明 街道党工委副书记", 80.0, WORDS),
            ["王小明 街道", "党工委副书记"]
        );
        assert_eq!(
            with("王小明 街道党工委副书记", 80.0, ENTRIES),
            ["王小明", "街道党工委副书记"]
        );
        // The separator stays with its entry.
        assert_eq!(
            with("党工委副书记、办事处副主任", 80.0, WORDS),
            ["党工委副书记、", "办事处副主任"]
        );
        assert_eq!(
            with("党工委副书记、办事处副主任", 80.0, ENTRIES),
            ["党工委副书记、", "办事处副主任"]
        );
    }

    #[test]
    fn no_orphan_moves_the_last_break_back() {
        assert_eq!(
            texts("一二三四五六七", 30.0, 0.0),
            ["一二三", "四五六", "七"]
        );
        assert_eq!(
            with("一二三四五六七", 30.0, NO_ORPHAN),
            ["一二三", "四五", "六七"]
        );
        assert_eq!(with("党委书记", 30.0, NO_ORPHAN), ["党委", "书记"]);
        // 避头尾 holds: "，" cannot start the line, so 七 and "，" move down together.
        assert_eq!(
            texts("一二三四五六七，八", 40.0, 0.0),
            ["一二三四", "五六七，", "八"]
        );
        assert_eq!(
            with("一二三四五六七，八", 40.0, NO_ORPHAN),
            ["一二三四", "五六", "七，八"]
        );
        // A character with its closing bracket is still alone.
        assert_eq!(
            texts("代表十家单位发言）", 40.0, 0.0),
            ["代表十家", "单位发", "言）"]
        );
        assert_eq!(
            with("代表十家单位发言）", 40.0, NO_ORPHAN),
            ["代表十家", "单位", "发言）"]
        );
        // Too narrow for two characters: nothing to do, nothing lost.
        assert_eq!(with("一二三", 10.0, NO_ORPHAN), ["一", "二", "三"]);
        // Nothing moves when the last line has company.
        assert_eq!(with("一二三四五六", 30.0, NO_ORPHAN), ["一二三", "四五六"]);
    }

    #[test]
    fn orphans_and_split_short_words_are_found() {
        let lines = |t: &str, width: f32| break_lines(t, width, 0.0, &w);
        assert!(has_orphan(&lines("党委书记", 30.0)));
        assert!(has_orphan(&lines("代表家单位发言）", 60.0)));
        assert!(!has_orphan(&lines("党委书记", 40.0)));
        assert!(!has_orphan(&lines("记", 40.0)));
        assert!(splits_short_word("党委书记", &lines("党委书记", 20.0)));
        assert!(splits_short_word(
            "张三、欧阳娜娜",
            &lines("张三、欧阳娜娜", 50.0)
        ));
        let kept = break_lines_with("张三、欧阳娜娜", 50.0, 0.0, &w, WORDS);
        assert!(!splits_short_word("张三、欧阳娜娜", &kept));
        assert!(!splits_short_word(
            "王小明 党委书记",
            &lines("王小明 党委书记", 40.0)
        ));
        assert!(!splits_short_word(
            "中国石油化工股份有限公司",
            &lines("中国石油化工股份有限公司", 50.0)
        ));
    }

    #[test]
    fn titles_balance_their_lines_and_keep_words_whole() {
        // 26 ems to a line: the greedy break leaves "开" alone; balanced, the two lines are
        // as even as the words allow and no word is cut.
        let title = "金沙街道2026年度共建联席会议暨优秀共建单位表彰大会召开";
        let greedy = texts(title, 260.0, 0.0);
        assert_eq!(greedy.last().map(String::as_str), Some("开"));
        let lines: Vec<String> = balance_lines(title, 260.0, &w)
            .into_iter()
            .map(|l| l.text)
            .collect();
        assert_eq!(lines.len(), 2, "{lines:?}");
        let (a, b) = (lines[0].chars().count(), lines[1].chars().count());
        assert!(a.abs_diff(b) <= 4, "{lines:?}");
        assert_eq!(lines.concat(), title);
        // One line stays one line.
        assert_eq!(balance_lines("签到表", 260.0, &w).len(), 1);
    }

    #[test]
    fn breaks_inside_words_are_counted() {
        let text = "青岛市红十字会";
        assert_eq!(breaks_inside_words(text, &["青岛市红十", "字会"]), 1);
        assert_eq!(breaks_inside_words(text, &["青岛市", "红十字会"]), 0);
        assert_eq!(breaks_inside_words(text, &[text]), 0);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(texts("", 30.0, 0.0).is_empty());
        assert!(texts("   ", 30.0, 0.0).is_empty());
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
