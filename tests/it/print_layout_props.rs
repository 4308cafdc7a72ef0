//! Property-style test of line breaking: ~1,000 random paragraphs of CJK, Latin words,
//! numbers, spaces and punctuation at random widths must obey 避头尾, never overflow and
//! never lose a character.

use lianxi::print::layout::{is_no_line_end, is_no_line_start};
use lianxi::print::{wrap_text, FontRole, FontSet};

/// A tiny deterministic generator (xorshift64*), so failures are reproducible.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const HAN: &str = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经党建联席会街道社区单位共驻协议甲乙双方浒珺堃喆垚𠮷";
const WORDS: [&str; 10] = [
    "ABC",
    "2026",
    "13800138000",
    "hello",
    "PDF",
    "1,234.50",
    "GB/T",
    "9704",
    "www.example.cn",
    "35%",
];
const CLOSERS: [&str; 14] = [
    "，", "。", "、", "；", "：", "？", "！", "）", "》", "」", "』", "”", "……", "——",
];
const OPENERS: [&str; 6] = ["（", "《", "「", "『", "“", "‘"];

fn paragraph(rng: &mut Rng) -> String {
    let han: Vec<char> = HAN.chars().collect();
    let mut s = String::new();
    let len = 1 + rng.below(120);
    for _ in 0..len {
        match rng.below(20) {
            0 | 1 => s.push_str(rng.pick::<&str>(&WORDS)),
            2 | 3 => s.push_str(rng.pick::<&str>(&CLOSERS)),
            4 => s.push_str(rng.pick::<&str>(&OPENERS)),
            5 => s.push(' '),
            _ => {}
        }
        // Every token is followed by an ideograph: punctuation never runs more than two long.
        s.push(*rng.pick(&han));
    }
    s
}

#[test]
fn random_paragraphs_obey_line_breaking_rules() {
    let fonts = FontSet::bundled().expect("bundled font");
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let size = 16.0;
    let mut lines_checked = 0;
    for case in 0..1000 {
        let text = paragraph(&mut rng);
        let width = size * (8.0 + rng.below(23) as f32) + rng.below(16) as f32;
        let indent = if rng.below(2) == 0 { 2.0 * size } else { 0.0 };
        let lines = wrap_text(&fonts, FontRole::Body, size, &text, width, indent);
        let ctx = || format!("case {case}, width {width}, indent {indent}: {text:?}\n{lines:#?}");
        let last = lines.len().saturating_sub(1);
        for (i, line) in lines.iter().enumerate() {
            assert!(!line.text.is_empty(), "empty line; {}", ctx());
            assert!(
                line.width <= line.available + 0.01,
                "line {i} overflows; {}",
                ctx()
            );
            let measured = fonts.text_width(FontRole::Body, size, &line.text);
            assert!(
                (measured - line.width).abs() < 0.05,
                "width mismatch; {}",
                ctx()
            );
            if i > 0 {
                let first = line.text.chars().next().unwrap_or(' ');
                assert!(
                    !is_no_line_start(first),
                    "line {i} starts with {first}; {}",
                    ctx()
                );
            }
            if i < last {
                let end = line.text.chars().last().unwrap_or(' ');
                assert!(!is_no_line_end(end), "line {i} ends with {end}; {}", ctx());
            }
            lines_checked += 1;
        }
        let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        let joined: String = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(strip(&joined), strip(&text), "characters lost; {}", ctx());
    }
    assert!(lines_checked > 3000, "only {lines_checked} lines");
}
