//! The fonts chosen per role in 设置, kept in the settings table, and the fonts this machine
//! offers for each role.

use std::path::PathBuf;

use rusqlite::Connection;
use serde::Serialize;
use ts_rs::TS;

use super::font_catalog;
use super::fonts::{display_name, BUNDLED_NAME};
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

/// The parsed fonts of the saved choice (parsed once per process and choice). Every print job
/// of a database starts here, so this also makes the database's names (its street's places,
/// its communities and units) the words this thread's line breaking keeps whole
/// ([`super::words::use_vocabulary`]).
pub fn saved_fonts(conn: &Connection) -> Result<std::sync::Arc<FontSet>> {
    super::words::use_vocabulary(super::words::Vocabulary::of(conn)?);
    FontSet::shared(&saved_choice(conn)?)
}

/// One font the user can pick for a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FontOption {
    /// What the user sees, e.g. "仿宋（simfang.ttf）".
    pub label: String,
    pub source: FontSource,
}

/// The bundled font plus every Chinese font found on this machine.
pub fn font_options() -> Vec<FontOption> {
    options_from(font_catalog::system_faces())
}

/// Like [`font_options`], looking only in `dirs` (testable).
pub fn options_in(dirs: &[PathBuf]) -> Vec<FontOption> {
    options_from(&font_catalog::scan(dirs))
}

fn options_from(faces: &[font_catalog::FoundFace]) -> Vec<FontOption> {
    let mut out = vec![FontOption {
        label: BUNDLED_NAME.to_string(),
        source: FontSource::Bundled,
    }];
    out.extend(font_catalog::chinese_faces(faces).map(|face| {
        let bold = if face.weight >= 600 { " 粗" } else { "" };
        FontOption {
            label: format!("{}{bold}（{}）", face.family, display_name(&face.path)),
            source: face.source(),
        }
    }));
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
    fn options_list_bundled_first_then_readable_fonts_only() {
        let dir = tempfile::tempdir().expect("tempdir");
        // A damaged file is not offered; a real font named like Windows' 黑体 is.
        std::fs::write(dir.path().join("simkai.ttf"), b"x").expect("write");
        std::fs::write(
            dir.path().join("simhei.ttf"),
            include_bytes!("../../assets/fonts/LXGWWenKai-Regular.ttf"),
        )
        .expect("write");
        let opts = options_in(&[dir.path().to_path_buf()]);
        assert_eq!(opts[0].source, FontSource::Bundled);
        assert_eq!(opts.len(), 2, "{opts:?}");
        assert!(
            opts[1].label.ends_with("（simhei.ttf）"),
            "{}",
            opts[1].label
        );
    }
}
