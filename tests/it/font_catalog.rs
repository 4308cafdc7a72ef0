//! The 公文 fonts are found by the family names inside the files, under every spelling they
//! come in, and become each role's first choice, in the PDF and in the names a .docx gives.
//! The font folder is laid out here with copies of the bundled open font whose name table is
//! rewritten to say what an office's fonts say.

use std::path::{Path, PathBuf};

use lianxi::docx::WordFonts;
use lianxi::print::{font_settings, sample, FontChoice, FontSet, FontSource, PageStyle};

const BUNDLED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/fonts/LXGWWenKai-Regular.ttf"
);
const ZH_CN: u16 = 0x0804;
const EN_US: u16 = 0x0409;

fn be16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_be_bytes());
}

/// A `name` table (format 0, Windows platform, UTF-16BE) with the family in each language
/// given, the subfamily, the full name and the PostScript name.
fn name_table(families: &[(&str, u16)], postscript: &str) -> Vec<u8> {
    let mut records: Vec<(u16, u16, Vec<u8>)> = Vec::new();
    let utf16 = |s: &str| {
        s.encode_utf16()
            .flat_map(u16::to_be_bytes)
            .collect::<Vec<u8>>()
    };
    for (family, lang) in families {
        records.push((*lang, 1, utf16(family)));
        records.push((*lang, 2, utf16("Regular")));
        records.push((*lang, 4, utf16(family)));
    }
    records.push((EN_US, 6, utf16(postscript)));
    records.sort_by_key(|(lang, id, _)| (*lang, *id));
    let count = u16::try_from(records.len()).expect("few records");
    let mut table = Vec::new();
    be16(&mut table, 0);
    be16(&mut table, count);
    be16(&mut table, 6 + 12 * count);
    let mut strings = Vec::new();
    for (lang, id, bytes) in &records {
        for v in [3, 1, *lang, *id] {
            be16(&mut table, v);
        }
        be16(&mut table, u16::try_from(bytes.len()).expect("short"));
        be16(&mut table, u16::try_from(strings.len()).expect("short"));
        strings.extend_from_slice(bytes);
    }
    table.extend(strings);
    table
}

/// The bundled font with its `name` table replaced: the new table goes at the end of the file
/// and the table directory points at it.
fn renamed_font(families: &[(&str, u16)], postscript: &str) -> Vec<u8> {
    let mut font = std::fs::read(BUNDLED).expect("bundled font");
    let tables = usize::from(u16::from_be_bytes([font[4], font[5]]));
    let entry = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&at| &font[at..at + 4] == b"name")
        .expect("a name table");
    while !font.len().is_multiple_of(4) {
        font.push(0);
    }
    let table = name_table(families, postscript);
    let offset = u32::try_from(font.len()).expect("small font");
    let length = u32::try_from(table.len()).expect("small table");
    font[entry + 8..entry + 12].copy_from_slice(&offset.to_be_bytes());
    font[entry + 12..entry + 16].copy_from_slice(&length.to_be_bytes());
    font.extend(table);
    font
}

fn write(dir: &Path, rel: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    std::fs::write(&path, bytes).expect("write font");
    path
}

fn file(path: &Path) -> FontSource {
    FontSource::File {
        path: path.to_path_buf(),
        index: 0,
    }
}

/// An office PC's fonts: the 公文 fonts under their real family names in files whose names
/// say nothing, the Windows stand-ins by file name only, and a damaged file.
struct OfficeFonts {
    _dir: tempfile::TempDir,
    root: PathBuf,
    xiaobiaosong: PathBuf,
    fangsong_gb2312: PathBuf,
    kaiti_gb2312: PathBuf,
    simhei: PathBuf,
}

fn office_fonts() -> OfficeFonts {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("Fonts");
    let xiaobiaosong = write(
        &root,
        "FZXBSJW.TTF",
        &renamed_font(
            &[("FZXiaoBiaoSong-B05S", EN_US), ("方正小标宋简体", ZH_CN)],
            "FZXBSJW--GB1-0",
        ),
    );
    let fangsong_gb2312 = write(
        &root,
        "gb/a1.ttf",
        &renamed_font(
            &[("FangSong_GB2312", EN_US), ("仿宋_GB2312", ZH_CN)],
            "FangSong_GB2312",
        ),
    );
    let kaiti_gb2312 = write(
        &root,
        "gb/a2.TTF",
        &renamed_font(&[("KaiTi_GB2312", EN_US)], "KaiTi_GB2312"),
    );
    let plain = std::fs::read(BUNDLED).expect("bundled font");
    // Windows' own 仿宋 and 黑体, known here only by their file names.
    write(&root, "simfang.ttf", &plain);
    let simhei = write(&root, "SIMHEI.TTF", &plain);
    // A damaged font and a file that is no font at all are never chosen.
    write(&root, "simkai.ttf", b"not a font");
    write(&root, "readme.txt", b"fonts");
    OfficeFonts {
        _dir: dir,
        root,
        xiaobiaosong,
        fangsong_gb2312,
        kaiti_gb2312,
        simhei,
    }
}

#[test]
fn the_official_fonts_are_found_by_family_name_and_come_first() {
    let fonts = office_fonts();
    let choice = FontChoice::detect(std::slice::from_ref(&fonts.root));
    assert_eq!(choice.title, file(&fonts.xiaobiaosong));
    assert_eq!(
        choice.body,
        file(&fonts.fangsong_gb2312),
        "仿宋_GB2312 before 仿宋"
    );
    assert_eq!(choice.heading1, file(&fonts.simhei));
    assert_eq!(choice.heading2, file(&fonts.kaiti_gb2312));

    // Without the GB2312 fonts the Windows stand-in takes the body, found by its file name.
    std::fs::remove_file(&fonts.fangsong_gb2312).expect("remove");
    let choice = FontChoice::detect(std::slice::from_ref(&fonts.root));
    assert_eq!(choice.body, file(&fonts.root.join("simfang.ttf")));
    // Nothing 楷-like left once the KaiTi copy goes: the damaged simkai.ttf is not taken.
    std::fs::remove_file(&fonts.kaiti_gb2312).expect("remove");
    let choice = FontChoice::detect(std::slice::from_ref(&fonts.root));
    assert_eq!(choice.heading2, FontSource::Bundled);
}

#[test]
fn the_settings_list_names_each_font_as_the_office_knows_it() {
    let fonts = office_fonts();
    let labels: Vec<String> = font_settings::options_in(std::slice::from_ref(&fonts.root))
        .into_iter()
        .map(|o| o.label)
        .collect();
    assert_eq!(labels[0], "霞鹜文楷（内置）");
    for expected in [
        "方正小标宋简体（FZXBSJW.TTF）",
        "仿宋_GB2312（a1.ttf）",
        "KaiTi_GB2312（a2.TTF）",
    ] {
        assert!(
            labels.iter().any(|l| l == expected),
            "{expected} in {labels:?}"
        );
    }
    assert!(!labels.iter().any(|l| l.contains("simkai")), "{labels:?}");
}

#[test]
fn word_files_name_the_fonts_the_pdf_uses() {
    let fonts = office_fonts();
    let choice = FontChoice::detect(std::slice::from_ref(&fonts.root));
    let word = WordFonts::from_choice(&choice);
    assert_eq!(word.title, "方正小标宋简体");
    assert_eq!(word.body, "仿宋_GB2312");
    assert_eq!(word.heading1, "黑体");
    assert_eq!(word.heading2, "楷体_GB2312");
    // A face that is none of the 公文 families keeps the official name of its role.
    let bundled_copy = WordFonts::from_choice(&FontChoice {
        body: file(Path::new(BUNDLED)),
        ..FontChoice::bundled()
    });
    assert_eq!(bundled_copy.body, "仿宋_GB2312");
}

#[test]
fn a_pdf_printed_with_the_official_fonts_embeds_them_as_subsets() {
    let fonts = office_fonts();
    let choice = FontChoice::detect(std::slice::from_ref(&fonts.root));
    let set = FontSet::load(&choice).expect("the laid-out fonts parse");
    let pdf =
        lianxi::print::render(&sample::agreement(1), &set, &PageStyle::default()).expect("renders");
    let path = fonts.root.join("out.pdf");
    std::fs::write(&path, pdf).expect("write");
    let rows = crate::poppler::embedded_fonts(&path);
    assert!(rows.len() >= 3, "title, body and heading faces:\n{rows:#?}");
}
