//! The text preview of a template while it is edited: the template filled in with the sample
//! agreement's values, as the printed agreement reads (the same values, the same area
//! numbering and the same blank date as [`super::render::build_doc`]), plus the problems
//! found on the way (unknown or unclosed placeholders, a missing title…), each named by where
//! it is. The editor shows this; it keeps no copy of these rules.

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::render::{cn_ordinal, sample_agreement, values, BLANK_DATE};
use super::templates::{TemplateBody, PLACEHOLDERS};
use crate::Result;

/// What a run of preview text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TemplateSpanKind {
    /// The template's own words.
    Text,
    /// A placeholder filled in with the sample's value.
    Value,
    /// A placeholder the app does not know, or an unclosed `{{`, shown as typed.
    Unknown,
}

/// A run of preview text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TemplateSpan {
    pub text: String,
    pub kind: TemplateSpanKind,
}

/// What a preview paragraph is, for its style on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TemplateBlockKind {
    Title,
    Number,
    Party,
    Para,
    Heading,
    Signature,
}

/// One paragraph of the preview.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TemplateBlock {
    pub kind: TemplateBlockKind,
    pub spans: Vec<TemplateSpan>,
}

/// A problem of the template, e.g. `{ where: "“三、甲方职责”第 1 条", message: "…" }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TemplateProblem {
    #[serde(rename = "where")]
    #[ts(rename = "where")]
    pub place: String,
    pub message: String,
}

/// The preview of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TemplatePreview {
    pub blocks: Vec<TemplateBlock>,
    pub problems: Vec<TemplateProblem>,
}

/// The signature table of every agreement as text (the PDF prints it in two columns).
const SIGNATURE_LINES: [&str; 2] = [
    "甲方（盖章）：　　　　　　　　乙方（盖章）：",
    "负责人（签字）：　　　　　　负责人（签字）：",
];

/// `body` previewed with the sample agreement a printed preview uses.
pub fn preview_text(conn: &Connection, body: TemplateBody) -> Result<TemplatePreview> {
    let sample = sample_agreement(conn, body)?;
    Ok(preview_with(&sample.template, &values(&sample)))
}

struct Previewer<'a> {
    values: &'a [(&'static str, String)],
    blocks: Vec<TemplateBlock>,
    problems: Vec<TemplateProblem>,
}

impl Previewer<'_> {
    fn problem(&mut self, place: &str, message: String) {
        self.problems.push(TemplateProblem {
            place: place.to_string(),
            message,
        });
    }

    fn fill(&mut self, text: &str, place: &str) -> Vec<TemplateSpan> {
        let mut spans = Vec::new();
        let span = |text: &str, kind| TemplateSpan {
            text: text.to_string(),
            kind,
        };
        let mut rest = text;
        while let Some(start) = rest.find("{{") {
            if start > 0 {
                spans.push(span(&rest[..start], TemplateSpanKind::Text));
            }
            let after = &rest[start + 2..];
            let Some(end) = after.find("}}") else {
                let broken = &rest[start..];
                spans.push(span(broken, TemplateSpanKind::Unknown));
                let head: String = broken.chars().take(12).collect();
                self.problem(place, format!("“{head}”缺少结尾的 }}}}"));
                return spans;
            };
            let name = after[..end].trim();
            if PLACEHOLDERS.contains(&name) {
                let value = self
                    .values
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| v.as_str())
                    .unwrap_or_default();
                spans.push(span(value, TemplateSpanKind::Value));
            } else {
                spans.push(span(&format!("{{{{{name}}}}}"), TemplateSpanKind::Unknown));
                self.problem(place, format!("无法识别的占位符“{{{{{name}}}}}”"));
            }
            rest = &after[end + 2..];
        }
        if !rest.is_empty() {
            spans.push(span(rest, TemplateSpanKind::Text));
        }
        spans
    }

    fn push(&mut self, kind: TemplateBlockKind, text: &str, place: &str) {
        if !text.trim().is_empty() {
            let spans = self.fill(text, place);
            self.blocks.push(TemplateBlock { kind, spans });
        }
    }
}

/// `body` previewed with `values` (placeholder name → value).
pub fn preview_with(body: &TemplateBody, values: &[(&'static str, String)]) -> TemplatePreview {
    let mut p = Previewer {
        values,
        blocks: Vec::new(),
        problems: Vec::new(),
    };
    p.push(TemplateBlockKind::Title, &body.title, "协议标题");
    if body.title.trim().is_empty() {
        p.problem("协议标题", "请填写协议标题".into());
    }
    p.push(TemplateBlockKind::Number, &body.number_line, "编号行");
    for (i, line) in body.parties.iter().enumerate() {
        p.push(
            TemplateBlockKind::Party,
            line,
            &format!("甲乙方信息第 {} 行", i + 1),
        );
    }
    p.push(TemplateBlockKind::Para, &body.preamble, "开头语");
    if body.sections.is_empty() {
        p.problem("条款", "协议至少要有一个条款部分".into());
    }
    for (si, s) in body.sections.iter().enumerate() {
        let heading = s.heading.trim();
        let name = if heading.is_empty() {
            format!("第 {} 部分", si + 1)
        } else {
            format!("“{heading}”")
        };
        if heading.is_empty() {
            p.problem(&name, "请填写这一部分的标题（如“一、共建原则”）".into());
        }
        p.push(
            TemplateBlockKind::Heading,
            &s.heading,
            &format!("{name}的标题"),
        );
        for (ci, clause) in s.clauses.iter().enumerate() {
            let place = format!("{name}第 {} 条", ci + 1);
            if clause.trim() == "{{共建内容}}" {
                if body.areas.is_empty() {
                    p.problem(&place, "默认共建内容为空".into());
                }
                for (ai, area) in body.areas.iter().enumerate() {
                    p.blocks.push(TemplateBlock {
                        kind: TemplateBlockKind::Para,
                        spans: vec![TemplateSpan {
                            text: format!("（{}）{area}", cn_ordinal(ai + 1)),
                            kind: TemplateSpanKind::Value,
                        }],
                    });
                }
            } else {
                p.push(TemplateBlockKind::Para, clause, &place);
            }
        }
    }
    p.push(TemplateBlockKind::Para, &body.closing, "结尾条款");
    let date = if body.signature_date.trim().is_empty() {
        format!("日期：{BLANK_DATE}")
    } else {
        body.signature_date.clone()
    };
    let date_spans = p.fill(&date, "签署日期行");
    for line in SIGNATURE_LINES {
        p.blocks.push(TemplateBlock {
            kind: TemplateBlockKind::Signature,
            spans: vec![TemplateSpan {
                text: line.into(),
                kind: TemplateSpanKind::Text,
            }],
        });
    }
    p.blocks.push(TemplateBlock {
        kind: TemplateBlockKind::Signature,
        spans: date_spans,
    });
    TemplatePreview {
        blocks: p.blocks,
        problems: p.problems,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::agreements::templates::Section;

    fn values() -> Vec<(&'static str, String)> {
        vec![
            ("甲方名称", "示例社区党委".into()),
            ("乙方名称", "示例单位党支部".into()),
            ("份数", "两".into()),
            ("签订日期", "2026年1月1日".into()),
        ]
    }

    fn body() -> TemplateBody {
        TemplateBody {
            title: "党建结对共建协议书".into(),
            number_line: String::new(),
            parties: vec!["甲方：{{甲方名称}}".into(), "乙方：{{乙方名称}}".into()],
            preamble: String::new(),
            areas: vec!["党建工作联抓".into(), "区域发展联促".into()],
            sections: vec![
                Section {
                    heading: "一、共建内容".into(),
                    clauses: vec![
                        "双方围绕以下方面开展结对共建：".into(),
                        "{{共建内容}}".into(),
                    ],
                },
                Section {
                    heading: "二、其他".into(),
                    clauses: vec!["本协议一式{{份数}}份。".into()],
                },
            ],
            closing: String::new(),
            signature_date: "日期：{{签订日期}}".into(),
        }
    }

    fn text(b: &TemplateBlock) -> String {
        b.spans.iter().map(|s| s.text.as_str()).collect()
    }

    #[test]
    fn fills_placeholders_and_lists_the_areas_one_per_paragraph() {
        let p = preview_with(&body(), &values());
        assert_eq!(p.problems, vec![]);
        let all: Vec<String> = p.blocks.iter().map(text).collect();
        for want in [
            "甲方：示例社区党委",
            "（一）党建工作联抓",
            "（二）区域发展联促",
            "本协议一式两份。",
            "日期：2026年1月1日",
        ] {
            assert!(all.iter().any(|t| t == want), "{want} in {all:?}");
        }
        assert!(!all.concat().contains("{{"));
    }

    #[test]
    fn names_where_an_unknown_or_unclosed_placeholder_is() {
        let mut b = body();
        b.sections[1]
            .clauses
            .extend(["由{{甲方书记}}负责".to_string(), "未闭合{{乙方".to_string()]);
        let p = preview_with(&b, &values());
        let got: Vec<(&str, &str)> = p
            .problems
            .iter()
            .map(|x| (x.place.as_str(), x.message.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                ("“二、其他”第 2 条", "无法识别的占位符“{{甲方书记}}”"),
                ("“二、其他”第 3 条", "“{{乙方”缺少结尾的 }}"),
            ]
        );
        let unknown: Vec<&str> = p
            .blocks
            .iter()
            .flat_map(|b| &b.spans)
            .filter(|s| s.kind == TemplateSpanKind::Unknown)
            .map(|s| s.text.as_str())
            .collect();
        assert_eq!(unknown, vec!["{{甲方书记}}", "{{乙方"]);
    }

    #[test]
    fn reports_a_missing_title_heading_and_empty_areas() {
        let b = TemplateBody {
            title: " ".into(),
            areas: vec![],
            sections: vec![Section {
                heading: String::new(),
                clauses: vec!["{{共建内容}}".into()],
            }],
            ..body()
        };
        let p = preview_with(&b, &values());
        let places: Vec<&str> = p.problems.iter().map(|x| x.place.as_str()).collect();
        assert_eq!(places, vec!["协议标题", "第 1 部分", "第 1 部分第 1 条"]);
    }

    /// The preview prints what the PDF prints: the same blank date, and area numbers past
    /// twenty as the PDF writes them (the old screen copy wrote 二十三 where the PDF has 23).
    #[test]
    fn reads_as_the_printed_agreement() {
        let p = preview_with(
            &TemplateBody {
                signature_date: String::new(),
                ..body()
            },
            &values(),
        );
        let last = p.blocks.last().map(text).unwrap_or_default();
        assert_eq!(last, format!("日期：{BLANK_DATE}"));
        let many = TemplateBody {
            areas: (1..=23).map(|i| format!("第{i}项")).collect(),
            ..body()
        };
        let all: Vec<String> = preview_with(&many, &values())
            .blocks
            .iter()
            .map(text)
            .collect();
        assert!(
            all.contains(&format!("（{}）第23项", cn_ordinal(23))),
            "{all:?}"
        );
        assert!(all.contains(&"（十一）第11项".to_string()), "{all:?}");
    }

    #[test]
    fn the_sample_agreement_fills_every_placeholder_of_the_default_template() {
        let dir = tempfile::tempdir().unwrap();
        let conn = crate::db::open(&dir.path().join("t.sqlite3")).unwrap();
        let body = TemplateBody::builtin_default().unwrap();
        let p = preview_text(&conn, body).unwrap();
        assert_eq!(p.problems, vec![]);
        assert!(p
            .blocks
            .iter()
            .flat_map(|b| &b.spans)
            .filter(|s| s.kind == TemplateSpanKind::Value)
            .all(|s| !s.text.is_empty()));
    }
}
