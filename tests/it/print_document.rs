//! The sample agreement rendered end to end and read back with poppler: text, fonts, pages.

use std::path::{Path, PathBuf};

use crate::poppler;
use poppler::{squeeze, tool};

use lianxi::print::{render, render_batch, sample, Block, Doc, FontSet, PageStyle};

fn write_sample(dir: &Path) -> PathBuf {
    let fonts = FontSet::bundled().expect("bundled font");
    let bytes = render(&sample::agreement(1), &fonts, &PageStyle::default()).expect("renders");
    assert!(bytes.starts_with(b"%PDF-"));
    let path = dir.join("agreement.pdf");
    std::fs::write(&path, bytes).expect("write pdf");
    path
}

#[test]
fn agreement_text_comes_back_from_the_pdf() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write_sample(dir.path());
    let pdf = pdf.to_str().expect("utf-8 path");
    let text = tool("pdftotext", &["-layout", pdf, "-"]);
    let flat = squeeze(&text);
    for needle in [
        "党建结对共建协议书",
        "八大关共建〔2026〕第001号",
        "甲方：中共八大关街道工作委员会",
        "乙方：青岛海洋科学研究院机关党委",
        "联系人：𠮷珺",
        "王浒",
        "李堃",
        "张喆",
        "13800138000",
        "0532-83861234",
        "一、共建原则",
        "二、共建内容",
        "（一）党建工作联抓",
        "（六）民生事业联办",
        "七、其他",
        "¥110,000.00（大写：壹拾壹万元整）",
        "2026年9月30日前拨付",
        "本协议一式两份",
        "甲方（盖章）：",
        "乙方（盖章）：",
        "负责人（签字）：",
        "就业创业服务",
        "年度工作总结",
        "—1—",
        "—2—",
    ] {
        assert!(flat.contains(needle), "{needle:?} missing from:\n{text}");
    }
    // The table header is repeated on the page where the table continues.
    assert!(
        flat.matches("主要内容").count() >= 2,
        "header not repeated:\n{text}"
    );
    let count = poppler::page_count(Path::new(pdf));
    assert!((3..=4).contains(&count), "{count} pages");
    // The signature block stays with the last clause.
    let last_page = tool(
        "pdftotext",
        &["-f", &count.to_string(), "-l", &count.to_string(), pdf, "-"],
    );
    let last_page = squeeze(&last_page);
    assert!(last_page.contains("本协议一式两份") && last_page.contains("乙方（盖章）"));
}

#[test]
fn every_font_is_an_embedded_subset() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write_sample(dir.path());
    let fonts = tool("pdffonts", &[pdf.to_str().expect("utf-8 path")]);
    let rows: Vec<&str> = fonts
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert!(!rows.is_empty(), "no fonts:\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding...] emb sub uni object ID: emb/sub/uni are the 6th..4th from last.
        let n = cols.len();
        assert!(n >= 7, "odd pdffonts row {row}");
        assert_eq!(
            &cols[n - 5..n - 3],
            ["yes", "yes"],
            "not an embedded subset: {row}"
        );
    }
    let size = std::fs::metadata(&pdf).expect("stat").len();
    assert!(size < 400 * 1024, "PDF is {size} bytes: fonts not subset?");
}

#[test]
fn batch_documents_each_start_on_a_new_page() {
    let fonts = FontSet::bundled().expect("bundled font");
    let mut a = Doc::new("测试 A", "A");
    a.push(Block::para("第一份文件。"));
    let mut b = Doc::new("测试 B", "B");
    b.push(Block::para("第二份文件。"));
    let bytes = render_batch(&[a, b], &fonts, &PageStyle::default()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("batch.pdf");
    std::fs::write(&path, bytes).expect("write");
    let p = path.to_str().expect("utf-8");
    let page2 = squeeze(&tool("pdftotext", &["-f", "2", "-l", "2", p, "-"]));
    assert!(
        page2.contains("第二份文件") && page2.contains("—1—"),
        "{page2}"
    );
}

#[test]
fn pages_render_to_png_for_inspection() {
    let dir = std::env::var_os("LIANXI_PRINT_PNG_DIR").map(PathBuf::from);
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = dir.unwrap_or_else(|| tmp.path().to_path_buf());
    std::fs::create_dir_all(&out).expect("out dir");
    let pdf = write_sample(&out);
    let prefix = out.join("page");
    tool(
        "pdftoppm",
        &[
            "-png",
            "-r",
            "60",
            pdf.to_str().expect("utf-8"),
            prefix.to_str().expect("utf-8"),
        ],
    );
    assert!(std::fs::read_dir(&out)
        .expect("read dir")
        .filter_map(|e| e.ok())
        .any(|e| e.file_name().to_string_lossy().ends_with(".png")));
}

#[test]
fn the_benchmark_agreement_fits_on_two_pages() {
    let fonts = FontSet::bundled().expect("bundled font");
    let bytes = render(
        &sample::two_page_agreement(1),
        &fonts,
        &PageStyle::default(),
    )
    .expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("two.pdf");
    std::fs::write(&path, bytes).expect("write");
    let info = tool("pdfinfo", &[path.to_str().expect("utf-8")]);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Pages:") && l.trim_end().ends_with(" 2")),
        "{info}"
    );
}

#[test]
fn system_fonts_per_role_are_embedded_as_subsets_with_fallback() {
    // Debian's fonts-noto-cjk, when installed: serif for title and body, sans for 一、.
    let choice = lianxi::print::FontChoice::detect(&[PathBuf::from("/usr/share/fonts")]);
    if choice == lianxi::print::FontChoice::bundled() {
        eprintln!("no system CJK fonts here; skipping");
        return;
    }
    // Found by family name: the Simplified Chinese face (2) of each collection, bold for 一、.
    let noto = |file: &str| lianxi::print::FontSource::File {
        path: PathBuf::from("/usr/share/fonts/opentype/noto").join(file),
        index: 2,
    };
    assert_eq!(choice.title, noto("NotoSerifCJK-Regular.ttc"));
    assert_eq!(choice.body, noto("NotoSerifCJK-Regular.ttc"));
    assert_eq!(choice.heading1, noto("NotoSansCJK-Bold.ttc"));
    let fonts = FontSet::shared(&choice).expect("system fonts parse");
    let bytes = render(&sample::agreement(2), &fonts, &PageStyle::default()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("system.pdf");
    std::fs::write(&path, bytes).expect("write");
    let p = path.to_str().expect("utf-8");
    let rows = poppler::embedded_fonts(&path);
    assert!(rows.len() >= 2, "expected several faces:\n{rows:#?}");
    assert!(squeeze(&tool("pdftotext", &[p, "-"])).contains("联系人：𠮷珺"));
}

#[test]
fn a_row_taller_than_a_page_is_cut_between_lines_and_nothing_is_lost() {
    use lianxi::print::{Align, Column, Table};
    let fonts = FontSet::bundled().expect("bundled font");
    let long: String = (0..200).map(|i| format!("第{i}条记录。")).collect();
    let mut doc = Doc::new("测试 长单元格", "长表格");
    doc.push(Block::Table(Table {
        columns: vec![
            Column::new(1.0, Align::Center),
            Column::new(5.0, Align::Left),
        ],
        header: Some(vec!["序号".into(), "内容".into()]),
        rows: vec![
            vec!["1".into(), long.clone()],
            vec!["2".into(), "末行".into()],
        ],
        borders: true,
        size: Some(16.0),
        joined: Vec::new(),
    }));
    let bytes = render(&doc, &fonts, &PageStyle::default()).expect("renders");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("tall.pdf");
    std::fs::write(&path, bytes).expect("write");
    let text = squeeze(&tool("pdftotext", &[path.to_str().expect("utf-8"), "-"]));
    assert!(text.contains("第0条记录") && text.contains("第199条记录") && text.contains("末行"));
    assert!(
        text.matches("内容").count() >= 2,
        "header repeated on page 2"
    );
}
