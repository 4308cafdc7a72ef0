//! The fonts chosen per role in 设置, kept in the settings table, and the fonts this machine
//! offers for each role.

use std::path::PathBuf;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::fonts::{display_name, system_font_dirs, BUNDLED_NAME};
use super::{FontChoice, FontSet, FontSource};
use crate::{settings, Error, Result};

/// The settings key holding the [`FontChoice`] as JSON.
pub const FONT_CHOICE_SETTING: &str = "print_fonts";

/// The saved choice; the best fonts of this machine when nothing was saved yet.
pub fn saved_choice(conn: &Connection) -> Result<FontChoice> {
    match settings::get(conn, FONT_CHOICE_SETTING)? {
        Some(json) => serde_json::from_str(&json).map_err(|e| Error::Font {
            name: "打印字体设置".into(),
            message: format!("设置内容无法识别（{e}），请在“设置”中重新选择字体"),
        }),
        None => Ok(FontChoice::system_default()),
    }
}

/// Saves `choice` after checking that every font in it loads.
pub fn save_choice(conn: &Connection, choice: &FontChoice) -> Result<()> {
    FontSet::shared(choice)?;
    let json = serde_json::to_string(choice).map_err(|e| Error::Font {
        name: "打印字体设置".into(),
        message: e.to_string(),
    })?;
    settings::set(conn, FONT_CHOICE_SETTING, &json)
}

/// The parsed fonts of the saved choice (parsed once per process and choice).
pub fn saved_fonts(conn: &Connection) -> Result<std::sync::Arc<FontSet>> {
    FontSet::shared(&saved_choice(conn)?)
}

/// One font the user can pick for a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FontOption {
    /// What the user sees, e.g. "仿宋（simfang.ttf）".
    pub label: String,
    pub source: FontSource,
}

/// Known Chinese fonts: file name (relative to a font folder), face index, label.
const KNOWN: &[(&str, u32, &str)] = &[
    ("simfang.ttf", 0, "仿宋"),
    ("simsun.ttc", 0, "宋体"),
    ("simhei.ttf", 0, "黑体"),
    ("simkai.ttf", 0, "楷体"),
    ("STZHONGS.TTF", 0, "华文中宋"),
    ("STFANGSO.TTF", 0, "华文仿宋"),
    ("STKAITI.TTF", 0, "华文楷体"),
    ("opentype/noto/NotoSerifCJK-Regular.ttc", 2, "思源宋体"),
    ("opentype/noto/NotoSerifCJK-Bold.ttc", 2, "思源宋体 粗"),
    ("opentype/noto/NotoSansCJK-Regular.ttc", 2, "思源黑体"),
    ("opentype/noto/NotoSansCJK-Bold.ttc", 2, "思源黑体 粗"),
];

/// The bundled font plus every known Chinese font found on this machine.
pub fn font_options() -> Vec<FontOption> {
    options_in(&system_font_dirs())
}

/// Like [`font_options`], looking only in `dirs` (testable).
pub fn options_in(dirs: &[PathBuf]) -> Vec<FontOption> {
    let mut out = vec![FontOption {
        label: BUNDLED_NAME.to_string(),
        source: FontSource::Bundled,
    }];
    for (file, index, label) in KNOWN {
        if let Some(path) = dirs.iter().map(|d| d.join(file)).find(|p| p.is_file()) {
            out.push(FontOption {
                label: format!("{label}（{}）", display_name(&path)),
                source: FontSource::File {
                    path,
                    index: *index,
                },
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choice_round_trips_and_bad_fonts_are_refused() {
        let dir = tempfile::tempdir().expect("tempdir");
        let conn = crate::db::open(&dir.path().join("t.sqlite3")).expect("open");
        let bundled = FontChoice::bundled();
        save_choice(&conn, &bundled).expect("save");
        assert_eq!(saved_choice(&conn).expect("read"), bundled);

        let bogus = dir.path().join("simkai.ttf");
        std::fs::write(&bogus, b"not a font").expect("write");
        let bad = FontChoice {
            heading2: FontSource::File {
                path: bogus,
                index: 0,
            },
            ..FontChoice::bundled()
        };
        let e = save_choice(&conn, &bad).expect_err("refused");
        assert_eq!(e.kind(), "font");
        assert_eq!(saved_choice(&conn).expect("unchanged"), bundled);
    }

    #[test]
    fn options_list_bundled_first_and_found_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("simhei.ttf"), b"x").expect("write");
        let opts = options_in(&[dir.path().to_path_buf()]);
        assert_eq!(opts[0].source, FontSource::Bundled);
        assert_eq!(opts.len(), 2);
        assert!(opts[1].label.starts_with("黑体"), "{}", opts[1].label);
    }
}
