//! Checks, before anything is drawn, that every character of a document exists in a font,
//! and names the record and field of each one that does not.

use std::collections::BTreeSet;

use super::document::{Block, Doc};
use super::fonts::{is_invisible, FontRole, FontSet};
use crate::Error;

/// A character that no available font can print.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct GlyphProblem {
    /// The record, e.g. "协议 八大关共建〔2026〕第001号".
    pub record: String,
    /// The field it came from (e.g. "乙方名称"), else where it sits ("第3段").
    pub field: String,
    pub ch: char,
}

impl From<GlyphProblem> for Error {
    fn from(p: GlyphProblem) -> Error {
        Error::MissingGlyph {
            record: p.record,
            field: p.field,
            ch: p.ch,
        }
    }
}

/// Every character of `docs` that no font can print, each (record, field, char) once, in
/// document order.
pub fn check_coverage(docs: &[Doc], fonts: &FontSet) -> Vec<GlyphProblem> {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for doc in docs {
        let mut counter = Counter::default();
        let mut check = |role: FontRole, text: &str, place: &dyn Fn() -> String| {
            for ch in text.chars() {
                if is_invisible(ch) || fonts.covers(role, ch) {
                    continue;
                }
                let field = doc
                    .fields
                    .iter()
                    .find(|(_, value)| value.contains(ch))
                    .map_or_else(place, |(name, _)| name.clone());
                let p = GlyphProblem {
                    record: doc.label.clone(),
                    field,
                    ch,
                };
                if seen.insert(p.clone()) {
                    problems.push(p);
                }
            }
        };
        walk(&doc.blocks, &mut counter, &mut check);
    }
    problems
}

/// Numbers paragraphs and tables so a problem outside any named field can be located.
#[derive(Default)]
struct Counter {
    paragraphs: usize,
    tables: usize,
}

type Check<'a> = dyn FnMut(FontRole, &str, &dyn Fn() -> String) + 'a;

fn walk(blocks: &[Block], n: &mut Counter, check: &mut Check<'_>) {
    for block in blocks {
        match block {
            Block::Title(t) => check(FontRole::Title, t, &|| "标题".into()),
            Block::Heading1(t) | Block::Heading2(t) => {
                let role = if matches!(block, Block::Heading1(_)) {
                    FontRole::Heading1
                } else {
                    FontRole::Heading2
                };
                n.paragraphs += 1;
                let k = n.paragraphs;
                check(role, t, &|| format!("第{k}段（标题）"));
            }
            Block::Paragraph { text, .. } | Block::Line { text, .. } => {
                n.paragraphs += 1;
                let k = n.paragraphs;
                check(FontRole::Body, text, &|| format!("第{k}段"));
            }
            Block::Table(table) => {
                n.tables += 1;
                let t = n.tables;
                if let Some(header) = &table.header {
                    for (c, cell) in header.iter().enumerate() {
                        check(FontRole::Heading1, cell, &|| {
                            format!("表{t}表头第{}列", c + 1)
                        });
                    }
                }
                for (r, row) in table.rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        check(FontRole::Body, cell, &|| {
                            format!("表{t}第{}行第{}列", r + 1, c + 1)
                        });
                    }
                }
            }
            Block::Labelled { label, text } => {
                n.paragraphs += 1;
                let k = n.paragraphs;
                check(FontRole::Heading1, label, &|| format!("第{k}段"));
                check(FontRole::Body, text, &|| format!("第{k}段"));
            }
            Block::Colophon(lines) => {
                for (left, right) in lines {
                    check(FontRole::Body, left, &|| "版记".into());
                    check(FontRole::Body, right, &|| "版记".into());
                }
            }
            Block::Signature { signer, date } => {
                check(FontRole::Body, signer, &|| "落款".into());
                check(FontRole::Body, date, &|| "落款".into());
            }
            Block::KeepTogether(inner) => walk(inner, n, check),
            Block::PageBreak | Block::Spacer(_) => {}
        }
    }
}
