//! Characters no font has are reported by record and field before anything is printed.

use lianxi::print::{check_coverage, render, Block, Doc, FontRole, FontSet, PageStyle};

fn agreement_with_party_b(name: &str) -> Doc {
    let mut doc = Doc::new("协议 八大关共建〔2026〕第001号", "党建结对共建协议书");
    doc.field("乙方名称", name);
    doc.push(Block::Title("党建结对共建协议书".into()));
    doc.push(Block::para(format!("乙方：{name}")));
    doc
}

#[test]
fn rare_name_characters_are_covered_by_the_bundled_font() {
    let fonts = FontSet::bundled().expect("bundled font");
    for ch in "浒珺堃喆垚𠮷".chars() {
        assert!(fonts.covers(FontRole::Body, ch), "{ch}");
    }
    let doc = agreement_with_party_b("𠮷祥物业");
    assert!(check_coverage(std::slice::from_ref(&doc), &fonts).is_empty());
    render(&doc, &fonts, &PageStyle::default()).expect("renders");
}

#[test]
fn a_character_no_font_has_names_record_field_and_character() {
    let fonts = FontSet::bundled().expect("bundled font");
    let doc = agreement_with_party_b("测\u{E000}物业");
    let err = render(&doc, &fonts, &PageStyle::default()).expect_err("must refuse");
    assert_eq!(err.kind(), "missing_glyph");
    let msg = err.to_string();
    assert!(
        msg.starts_with("协议 八大关共建〔2026〕第001号 乙方名称 中的“\u{E000}”字没有可用字体"),
        "{msg}"
    );
    assert!(msg.contains("U+E000"), "{msg}");

    // The check collects every problem, each once, with a location when no field matches.
    let mut doc = agreement_with_party_b("测\u{E000}物业");
    doc.push(Block::para("正文里也有\u{E001}和\u{E001}。"));
    let problems = check_coverage(&[doc], &fonts);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert_eq!(problems[0].field, "乙方名称");
    assert_eq!(problems[1].ch, '\u{E001}');
    assert_eq!(problems[1].field, "第2段");
}
