//! What laid-out lines are judged by (a lone last character, a short word or a word broken
//! across lines), and the balanced lines of a title, which those judgements choose.

use super::{break_lines_with, is_lone, BreakRules, WrappedLine, EPS, SHORT_WORD};

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
/// read back from a PDF) fall inside a word of `text` as [`crate::print::words::word_spans`]
/// segments it (红十/字会, 海洋大/学, 伍/万元整).
pub fn breaks_inside_words(text: &str, lines: &[&str]) -> usize {
    let chars: Vec<char> = text.trim().chars().collect();
    let words = crate::print::words::word_spans(&chars);
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
