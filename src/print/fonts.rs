//! Fonts for printing: the bundled open-licence CJK font (always available), system fonts
//! chosen per role (仿宋 body, 黑体 headings, 楷体 sub-headings, 宋体 titles), glyph lookup with
//! fallback to the bundled font, and advance widths for layout.
//!
//! Parsing a CJK font takes a noticeable time, so a [`FontSet`] is parsed once and shared
//! behind an `Arc` ([`FontSet::shared`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use serde::{Deserialize, Serialize};

use super::font_catalog;
use crate::{Error, Result};

/// The bundled fallback: LXGW WenKai (霞鹜文楷), SIL OFL 1.1; see `assets/fonts/README.md`.
static BUNDLED_FONT: &[u8] = include_bytes!("../../assets/fonts/LXGWWenKai-Regular.ttf");
pub(crate) const BUNDLED_NAME: &str = "霞鹜文楷（内置）";

/// What a piece of text is, typographically; each role may use its own font.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FontRole {
    /// The document title (小标宋/宋体 style).
    Title,
    /// Body text, tables, page numbers (仿宋).
    Body,
    /// First-level headings 一、 (黑体).
    Heading1,
    /// Second-level headings （一） (楷体).
    Heading2,
}

impl FontRole {
    pub(crate) const ALL: [FontRole; 4] = [
        FontRole::Title,
        FontRole::Body,
        FontRole::Heading1,
        FontRole::Heading2,
    ];

    fn index(self) -> usize {
        match self {
            FontRole::Title => 0,
            FontRole::Body => 1,
            FontRole::Heading1 => 2,
            FontRole::Heading2 => 3,
        }
    }
}

/// Where a role's font comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FontSource {
    /// The font shipped inside the program.
    Bundled,
    /// A font file on disk; `index` selects the face of a .ttc collection (0 for a .ttf).
    File { path: PathBuf, index: u32 },
}

/// The font for each role; a plain value the settings screen can edit and store.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
pub struct FontChoice {
    pub title: FontSource,
    pub body: FontSource,
    pub heading1: FontSource,
    pub heading2: FontSource,
}

impl Default for FontChoice {
    fn default() -> Self {
        Self::bundled()
    }
}

impl FontChoice {
    /// Every role in the bundled font: identical output on every machine.
    pub fn bundled() -> Self {
        FontChoice {
            title: FontSource::Bundled,
            body: FontSource::Bundled,
            heading1: FontSource::Bundled,
            heading2: FontSource::Bundled,
        }
    }

    /// The best fonts found on this machine for each role: the 公文 fonts (方正小标宋简体,
    /// 仿宋_GB2312, 黑体, 楷体_GB2312) under any of their names, then their Windows and 方正
    /// stand-ins, then the Noto CJK SC faces of Linux desktops; the bundled font where nothing
    /// suitable exists.
    pub fn system_default() -> Self {
        Self::choose(font_catalog::system_faces())
    }

    /// Like [`FontChoice::system_default`], looking only in `dirs` (testable).
    pub fn detect(dirs: &[PathBuf]) -> Self {
        Self::choose(&font_catalog::scan(dirs))
    }

    fn choose(faces: &[font_catalog::FoundFace]) -> Self {
        let pick = |role| {
            font_catalog::best_for(role, faces)
                .map(font_catalog::FoundFace::source)
                .unwrap_or(FontSource::Bundled)
        };
        FontChoice {
            title: pick(FontRole::Title),
            body: pick(FontRole::Body),
            heading1: pick(FontRole::Heading1),
            heading2: pick(FontRole::Heading2),
        }
    }

    fn source(&self, role: FontRole) -> &FontSource {
        match role {
            FontRole::Title => &self.title,
            FontRole::Body => &self.body,
            FontRole::Heading1 => &self.heading1,
            FontRole::Heading2 => &self.heading2,
        }
    }
}

/// One parsed font face.
pub(crate) struct Face {
    pub(crate) name: String,
    pub(crate) font: printpdf::ParsedFont,
    units_per_em: f32,
}

impl Face {
    fn parse(name: String, bytes: &[u8], index: u32) -> Result<Face> {
        let mut warnings = Vec::new();
        let font = printpdf::ParsedFont::from_bytes(bytes, index as usize, &mut warnings)
            .ok_or_else(|| Error::Font {
                name: name.clone(),
                message: "不是可识别的 TrueType/OpenType 字体文件（或字体序号不存在）".into(),
            })?;
        let units_per_em = f32::from(font.font_metrics.units_per_em);
        if units_per_em <= 0.0 || font.cmap_subtable.is_none() {
            return Err(Error::Font {
                name,
                message: "字体缺少字符映射表或度量信息".into(),
            });
        }
        Ok(Face {
            name,
            font,
            units_per_em,
        })
    }

    fn glyph(&self, ch: char) -> Option<u16> {
        self.font
            .lookup_glyph_index(u32::from(ch))
            .filter(|&gid| gid != 0)
    }
}

/// Index of a face inside a [`FontSet`].
pub(crate) type FaceId = usize;

/// The faces for every role plus the bundled fallback, parsed once and reused across
/// documents. Face 0 is always the bundled font.
pub struct FontSet {
    faces: Vec<Face>,
    roles: [FaceId; 4],
    choice: FontChoice,
}

impl std::fmt::Debug for FontSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let names: Vec<&str> = self.faces.iter().map(|f| f.name.as_str()).collect();
        f.debug_struct("FontSet")
            .field("faces", &names)
            .field("roles", &self.roles)
            .finish()
    }
}

impl FontSet {
    /// Parses the fonts of `choice` (each distinct file once) plus the bundled font.
    pub fn load(choice: &FontChoice) -> Result<FontSet> {
        let mut faces = vec![Face::parse(BUNDLED_NAME.into(), BUNDLED_FONT, 0)?];
        let mut by_source: HashMap<FontSource, FaceId> = HashMap::new();
        by_source.insert(FontSource::Bundled, 0);
        let mut roles = [0; 4];
        for role in FontRole::ALL {
            let source = choice.source(role);
            let id = match by_source.get(source) {
                Some(&id) => id,
                None => {
                    let FontSource::File { path, index } = source else {
                        unreachable!("the bundled source is pre-registered")
                    };
                    let bytes = std::fs::read(path).map_err(|e| Error::Font {
                        name: display_name(path),
                        message: e.to_string(),
                    })?;
                    faces.push(Face::parse(display_name(path), &bytes, *index)?);
                    by_source.insert(source.clone(), faces.len() - 1);
                    faces.len() - 1
                }
            };
            roles[role.index()] = id;
        }
        Ok(FontSet {
            faces,
            roles,
            choice: choice.clone(),
        })
    }

    /// The process-wide parsed font set for `choice`, parsed on first use.
    pub fn shared(choice: &FontChoice) -> Result<Arc<FontSet>> {
        static CACHE: OnceLock<Mutex<Vec<Arc<FontSet>>>> = OnceLock::new();
        let cache = CACHE.get_or_init(|| Mutex::new(Vec::new()));
        // A poisoned lock only means another thread panicked while parsing; the list is
        // still consistent (we only push complete sets).
        let mut sets = cache.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(set) = sets.iter().find(|s| &s.choice == choice) {
            return Ok(Arc::clone(set));
        }
        let set = Arc::new(FontSet::load(choice)?);
        sets.push(Arc::clone(&set));
        Ok(set)
    }

    /// The bundled-only font set, shared by the whole process.
    pub fn bundled() -> Result<Arc<FontSet>> {
        Self::shared(&FontChoice::bundled())
    }

    /// The choice this set was loaded from.
    pub fn choice(&self) -> &FontChoice {
        &self.choice
    }

    /// The face that prints `ch` in `role`: the role's font, else the bundled font;
    /// `None` when neither has the character.
    pub(crate) fn face_for(&self, role: FontRole, ch: char) -> Option<FaceId> {
        let id = self.roles[role.index()];
        if self.faces[id].glyph(ch).is_some() {
            Some(id)
        } else if id != 0 && self.faces[0].glyph(ch).is_some() {
            Some(0)
        } else {
            None
        }
    }

    /// Whether `ch` can be printed in `role` (possibly through the fallback).
    pub fn covers(&self, role: FontRole, ch: char) -> bool {
        is_invisible(ch) || self.face_for(role, ch).is_some()
    }

    /// Advance of `ch` in `face` as a fraction of the em.
    pub(crate) fn advance_em(&self, face: FaceId, ch: char) -> f32 {
        let f = &self.faces[face];
        match f.glyph(ch) {
            Some(gid) => f32::from(f.font.get_horizontal_advance(gid)) / f.units_per_em,
            None => 0.0,
        }
    }

    /// Width in points of `text` in `role` at `size` pt; characters no font has count as
    /// one em so callers can still lay out before reporting them.
    pub fn text_width(&self, role: FontRole, size: f32, text: &str) -> f32 {
        text.chars().map(|c| self.char_width(role, size, c)).sum()
    }

    /// Width in points of one character.
    pub fn char_width(&self, role: FontRole, size: f32, ch: char) -> f32 {
        if is_invisible(ch) {
            return 0.0;
        }
        match self.face_for(role, ch) {
            Some(face) => self.advance_em(face, ch) * size,
            None => size,
        }
    }

    pub(crate) fn face(&self, id: FaceId) -> &Face {
        &self.faces[id]
    }

    pub(crate) fn face_count(&self) -> usize {
        self.faces.len()
    }
}

/// Control and formatting characters that are never drawn (line feeds, zero-width marks).
pub(crate) fn is_invisible(ch: char) -> bool {
    ch.is_control() || matches!(ch, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}')
}

pub(crate) fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_font_covers_rare_name_characters() {
        let fonts = FontSet::bundled().expect("bundled font parses");
        for ch in "浒珺堃喆垚𠮷贰叁陆〔〕—…“”（）《》，。、；：？！¥0123456789ABCxyz".chars()
        {
            assert!(fonts.covers(FontRole::Body, ch), "bundled font lacks {ch}");
        }
        assert!(!fonts.covers(FontRole::Body, '\u{E000}'));
        // A CJK ideograph is one em wide.
        let w = fonts.char_width(FontRole::Body, 16.0, '中');
        assert!((w - 16.0).abs() < 0.01, "{w}");
        assert!(fonts.text_width(FontRole::Body, 16.0, "ab") < 32.0);
    }

    #[test]
    fn shared_sets_are_parsed_once() {
        let a = FontSet::bundled().expect("bundled");
        let b = FontSet::shared(&FontChoice::bundled()).expect("bundled");
        assert!(Arc::ptr_eq(&a, &b));
    }

    #[test]
    fn detection_falls_back_to_bundled_and_bad_files_are_typed_errors() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(
            FontChoice::detect(&[dir.path().to_path_buf()]),
            FontChoice::bundled()
        );
        // A damaged file named like Windows' 仿宋 is never chosen ...
        let bogus = dir.path().join("simfang.ttf");
        std::fs::write(&bogus, b"not a font").expect("write");
        assert_eq!(
            FontChoice::detect(&[dir.path().to_path_buf()]),
            FontChoice::bundled()
        );
        // ... and one saved earlier, damaged since, is a typed error naming the file.
        let choice = FontChoice {
            body: FontSource::File {
                path: bogus,
                index: 0,
            },
            ..FontChoice::bundled()
        };
        let e = FontSet::load(&choice).expect_err("bogus font");
        assert_eq!(e.kind(), "font");
        assert!(e.to_string().contains("simfang.ttf"), "{e}");
    }
}
