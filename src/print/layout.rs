//! Line breaking for Chinese text: a break may fall between any two CJK characters, Latin
//! words and numbers stay whole, and 避头尾 holds (no line starts with closing punctuation,
//! no line ends with opening punctuation) by pulling characters down to the next line.

use super::fonts::{FontRole, FontSet};

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
    let chars: Vec<char> = text.trim().chars().collect();
    let mut atoms = tokenize(&chars, width_of);
    let mut lines = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        if !lines.is_empty() {
            while i < atoms.len() && atoms[i].kind == AtomKind::Space {
                i += 1;
            }
            if i == atoms.len() {
                break;
            }
        }
        let avail = if lines.is_empty() {
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
            lines.push(make_line(&chars, &atoms[i..], avail, false));
            break;
        }
        if k == i {
            // A single word wider than the line: split it between characters.
            if split_atom(&mut atoms, k, avail, &chars, width_of) {
                continue;
            }
            // A single character wider than the line: it gets a line of its own.
            lines.push(make_line(&chars, &atoms[k..=k], avail, true));
            i = k + 1;
            continue;
        }
        let legal = (i + 1..=k)
            .rev()
            .find(|&b| break_allowed(&chars, &atoms, i, b));
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
        lines.push(make_line(&chars, &atoms[i..b], avail, true));
        i = b;
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
    let gaps = line.text.chars().count().saturating_sub(1);
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

    #[test]
    fn empty_text_has_no_lines() {
        assert!(texts("", 30.0, 0.0).is_empty());
        assert!(texts("   ", 30.0, 0.0).is_empty());
    }
}
