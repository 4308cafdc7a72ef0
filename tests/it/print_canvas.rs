//! The absolute-position canvas: a folded name card on A4 landscape, the back half rotated
//! 180°, the name shrunk to fit the card width.

use std::process::Command;

use lianxi::print::{mm, Canvas, FontRole, FontSet, PageSize, TextRun};

#[test]
fn name_card_with_rotated_back_and_shrink_to_fit() {
    let fonts = FontSet::bundled().expect("bundled font");
    let mut canvas = Canvas::new(&fonts, "桌签");
    let page = canvas.add_page(PageSize::A4_LANDSCAPE);
    let (w, h) = (
        PageSize::A4_LANDSCAPE.width(),
        PageSize::A4_LANDSCAPE.height(),
    );
    let name = "青岛海洋科学研究院机关党委𠮷珺";
    let max = w - 2.0 * mm(15.0);
    // Shrink from 72 pt until the name fits the card.
    let mut size = 72.0;
    while canvas.measure(FontRole::Heading1, size, name) > max && size > 8.0 {
        size -= 1.0;
    }
    let width = canvas.measure(FontRole::Heading1, size, name);
    assert!(width <= max && size < 72.0, "{size} {width}");
    let x = (w - width) / 2.0;
    // Front half (lower), upright.
    canvas
        .text(
            page,
            &TextRun::new(x, h / 4.0 - size * 0.38, size, FontRole::Heading1, name),
        )
        .expect("front");
    // Back half (upper), upside down: rotate 180° around the end of the baseline.
    let mut back = TextRun::new(
        x + width,
        3.0 * h / 4.0 + size * 0.38,
        size,
        FontRole::Heading1,
        name,
    );
    back.rotation = 180.0;
    canvas.text(page, &back).expect("back");
    canvas.line(page, (0.0, h / 2.0), (w, h / 2.0), 0.5);
    let bytes = canvas.finish();

    let dir = std::env::var_os("LIANXI_PRINT_PNG_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    std::fs::create_dir_all(&dir).expect("dir");
    let path = dir.join("name_card.pdf");
    std::fs::write(&path, bytes).expect("write");
    let out = Command::new("pdftotext")
        .args([path.to_str().expect("utf-8"), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(text.matches("𠮷珺").count(), 2, "{text}");
    let info = Command::new("pdfinfo")
        .arg(&path)
        .output()
        .expect("pdfinfo");
    assert!(String::from_utf8_lossy(&info.stdout).contains("841.89 x 595.276"));
}

#[test]
fn drawing_a_character_no_font_has_is_an_error() {
    let fonts = FontSet::bundled().expect("bundled font");
    let mut canvas = Canvas::new(&fonts, "桌签");
    canvas.set_label("桌签 第3张");
    let page = canvas.add_page(PageSize::A4);
    let err = canvas
        .text(
            page,
            &TextRun::new(10.0, 10.0, 12.0, FontRole::Body, "王\u{E000}"),
        )
        .expect_err("missing glyph");
    assert_eq!(err.kind(), "missing_glyph");
    assert!(err.to_string().starts_with("桌签 第3张"), "{err}");
}

/// Blanks to be filled in by hand ("日期：　　年　　月　　日") keep their full width in the
/// PDF: they are pen moves, not glyphs whose width a viewer could read differently.
#[test]
fn ideographic_blanks_keep_their_width() {
    let fonts = FontSet::bundled().expect("bundled font");
    let mut canvas = Canvas::new(&fonts, "空白");
    let page = canvas.add_page(PageSize::A4);
    let size = 16.0;
    canvas
        .text(
            page,
            &TextRun::new(100.0, 400.0, size, FontRole::Body, "日期：　　年　　月"),
        )
        .expect("text");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("blanks.pdf");
    std::fs::write(&path, canvas.finish()).expect("write");
    let out = Command::new("pdftotext")
        .args(["-bbox", path.to_str().expect("utf-8"), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let html = String::from_utf8_lossy(&out.stdout);
    // Each word line looks like: <word xMin="…" yMin="…" xMax="…" yMax="…">年</word>
    let x_min = |word: &str| -> f32 {
        let line = html
            .lines()
            .find(|l| l.ends_with(&format!(">{word}</word>")))
            .unwrap_or_else(|| panic!("{word} not found in {html}"));
        let start = line.find("xMin=\"").expect("xMin") + 6;
        let end = start + line[start..].find('"').expect("quote");
        line[start..end].parse().expect("number")
    };
    let (date, year, month) = (x_min("日期："), x_min("年"), x_min("月"));
    // 日期： is three em, then two em of blank before 年; 年 is one em, then two em before 月.
    assert!((year - date - 5.0 * size).abs() < 1.0, "{date} {year}");
    assert!((month - year - 3.0 * size).abs() < 1.0, "{year} {month}");
}
