//! The Chinese fonts of this machine, found by the family names inside the font files, and
//! the families each print role prefers, under every spelling they come in.
//!
//! Offices install the 公文 fonts under many names: 方正小标宋简体 is `FZXBSJW.TTF` with the
//! family FZXiaoBiaoSong-B05S, 仿宋_GB2312 is FangSong_GB2312, a downloaded copy may be
//! called `仿宋_GB2312.ttf`. A face matches a family by any of its family names (every
//! language the font carries), its PostScript name, or its file name.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::fonts::FontRole;
use super::FontSource;

/// A font family a role can use: the name Word and WPS know it by (`None` for families a
/// Word file never names, such as Noto), and every spelling of it, compared after
/// [`normalise`].
pub(crate) struct Family {
    pub(crate) word_name: Option<&'static str>,
    names: &'static [&'static str],
}

const fn family(word_name: &'static str, names: &'static [&'static str]) -> Family {
    Family {
        word_name: Some(word_name),
        names,
    }
}

/// A 方正 (Founder) family under the names its fonts come in: the 简体 (GB2312) face is
/// `<name>简体`, PostScript `<ps>S`, file `<file>JW`; the GBK face `<name>_GBK`, `<ps>`,
/// `<file>K`; Word names the 简体 face. Further spellings follow.
macro_rules! founder {
    ($name:literal, $ps:literal, $file:literal $(, $also:literal)*) => {
        family(
            concat!($name, "简体"),
            &[
                concat!($name, "简体"),
                concat!($ps, "S"),
                concat!($file, "JW"),
                concat!($name, "_GBK"),
                $ps,
                concat!($file, "K")
                $(, $also)*
            ],
        )
    };
}

const XIAOBIAOSONG: Family = founder!(
    "方正小标宋",
    "FZXiaoBiaoSong-B05",
    "FZXBS",
    "小标宋",
    "方正小标宋"
);
const ZHONGSONG: Family = family("华文中宋", &["华文中宋", "STZhongsong", "STZHONGS"]);
const SONG: Family = family("宋体", &["宋体", "SimSun", "simsun"]);
const FANGSONG_GB2312: Family = family(
    "仿宋_GB2312",
    &["仿宋_GB2312", "FangSong_GB2312", "仿宋GB2312", "FS_GB2312"],
);
const FZ_FANGSONG: Family = founder!("方正仿宋", "FZFangSong-Z02", "FZFS");
const FANGSONG: Family = family("仿宋", &["仿宋", "FangSong", "simfang"]);
const ST_FANGSONG: Family = family("华文仿宋", &["华文仿宋", "STFangsong", "STFANGSO"]);
const HEI: Family = family("黑体", &["黑体", "SimHei", "simhei"]);
const FZ_HEI: Family = founder!("方正黑体", "FZHei-B01", "FZHT");
const KAITI_GB2312: Family = family(
    "楷体_GB2312",
    &["楷体_GB2312", "KaiTi_GB2312", "楷体GB2312", "KT_GB2312"],
);
const FZ_KAI: Family = founder!("方正楷体", "FZKai-Z03", "FZKT");
const KAITI: Family = family("楷体", &["楷体", "KaiTi", "simkai"]);
const ST_KAITI: Family = family("华文楷体", &["华文楷体", "STKaiti", "STKAITI"]);
const NOTO_SERIF: Family = Family {
    word_name: None,
    names: &[
        "Noto Serif CJK SC",
        "Source Han Serif SC",
        "Source Han Serif CN",
        "思源宋体",
    ],
};
const NOTO_SANS: Family = Family {
    word_name: None,
    names: &[
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Source Han Sans CN",
        "思源黑体",
    ],
};
// What Kylin and UOS often ship besides Noto.
const UMING: Family = Family {
    word_name: None,
    names: &["AR PL UMing CN", "AR PL UMing", "文鼎PL细上海宋"],
};
const UKAI: Family = Family {
    word_name: None,
    names: &["AR PL UKai CN", "AR PL UKai", "文鼎PL中楷"],
};
const WQY_HEI: Family = Family {
    word_name: None,
    names: &[
        "WenQuanYi Zen Hei",
        "文泉驿正黑",
        "WenQuanYi Micro Hei",
        "文泉驿微米黑",
    ],
};

/// The families of a role, best first: the 公文 font, its 方正 and Windows stand-ins, then the
/// open fonts of Linux desktops. Nothing found means the bundled font.
pub(crate) fn role_families(role: FontRole) -> &'static [Family] {
    match role {
        FontRole::Title => &[XIAOBIAOSONG, ZHONGSONG, SONG, NOTO_SERIF, UMING],
        FontRole::Body => &[
            FANGSONG_GB2312,
            FZ_FANGSONG,
            FANGSONG,
            ST_FANGSONG,
            NOTO_SERIF,
            UMING,
        ],
        FontRole::Heading1 => &[HEI, FZ_HEI, NOTO_SANS, WQY_HEI],
        FontRole::Heading2 => &[KAITI_GB2312, FZ_KAI, KAITI, ST_KAITI, UKAI],
    }
}

/// The weight a role wants when a family comes in several (headings in bold where there is
/// one, everything else regular).
fn role_weight(role: FontRole) -> u16 {
    match role {
        FontRole::Heading1 => 700,
        _ => 400,
    }
}

/// Lower case without spaces, hyphens and underscores: "FangSong_GB2312" and
/// "fangsong gb2312" compare equal.
fn normalise(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// One face found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct FoundFace {
    pub(crate) path: PathBuf,
    pub(crate) index: u32,
    /// The family as a Chinese user knows it: the Chinese name when the font has one.
    pub(crate) family: String,
    pub(crate) weight: u16,
    /// Family names (all languages) and the PostScript name, normalised.
    names: Vec<String>,
    /// Whether the font names itself in Chinese.
    chinese: bool,
}

impl FoundFace {
    fn stem(&self) -> String {
        self.path
            .file_stem()
            .map(|s| normalise(&s.to_string_lossy()))
            .unwrap_or_default()
    }

    /// 0 when a family name inside the font matches, 1 when only the file name does, `None`
    /// when the face is not of `family`.
    fn matches(&self, family: &Family) -> Option<u8> {
        let wanted: Vec<String> = family.names.iter().map(|n| normalise(n)).collect();
        if self.names.iter().any(|n| wanted.contains(n)) {
            Some(0)
        } else if wanted.contains(&self.stem()) {
            Some(1)
        } else {
            None
        }
    }

    /// Whether the face belongs in the list of fonts offered for printing.
    fn is_chinese(&self) -> bool {
        self.chinese
            || FontRole::ALL
                .iter()
                .flat_map(|r| role_families(*r))
                .any(|f| self.matches(f).is_some())
    }

    pub(crate) fn source(&self) -> FontSource {
        FontSource::File {
            path: self.path.clone(),
            index: self.index,
        }
    }
}

/// Every face under `dirs` (recursively; files that are not fonts are skipped), sorted by
/// path and face index so that the same folders always give the same choice.
pub(crate) fn scan(dirs: &[PathBuf]) -> Vec<FoundFace> {
    let mut db = fontdb::Database::new();
    for dir in dirs {
        if dir.is_dir() {
            db.load_fonts_dir(dir);
        }
    }
    let mut out: Vec<FoundFace> = db.faces().filter_map(found_face).collect();
    out.sort_by(|a, b| (&a.path, a.index).cmp(&(&b.path, b.index)));
    out.dedup_by(|a, b| a.path == b.path && a.index == b.index);
    out
}

/// The faces of one font file (empty when it is not a readable font).
fn scan_file(path: &Path) -> Vec<FoundFace> {
    let mut db = fontdb::Database::new();
    if db.load_font_file(path).is_err() {
        return Vec::new();
    }
    db.faces().filter_map(found_face).collect()
}

fn found_face(info: &fontdb::FaceInfo) -> Option<FoundFace> {
    let path = match &info.source {
        fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => path.clone(),
        fontdb::Source::Binary(_) => return None,
    };
    let chinese_name = info
        .families
        .iter()
        .find(|(name, lang)| is_chinese_language(*lang) && name.chars().any(is_han))
        .map(|(name, _)| name.clone());
    let mut names: Vec<String> = info.families.iter().map(|(n, _)| normalise(n)).collect();
    names.push(normalise(&info.post_script_name));
    let family = chinese_name
        .clone()
        .or_else(|| info.families.first().map(|(n, _)| n.clone()))
        .unwrap_or_else(|| info.post_script_name.clone());
    Some(FoundFace {
        path,
        index: info.index,
        family,
        weight: info.weight.0,
        names,
        chinese: chinese_name.is_some(),
    })
}

fn is_chinese_language(lang: fontdb::Language) -> bool {
    use fontdb::Language as L;
    matches!(
        lang,
        L::Chinese_PeoplesRepublicOfChina
            | L::Chinese_Singapore
            | L::Chinese_Taiwan
            | L::Chinese_HongKongSAR
            | L::Chinese_MacaoSAR
    )
}

fn is_han(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}')
}

/// The best face for `role` among `faces`: the first of the role's families that is present,
/// a match by family name before a match by file name, then the weight nearest the role's.
pub(crate) fn best_for(role: FontRole, faces: &[FoundFace]) -> Option<&FoundFace> {
    let weight = role_weight(role);
    role_families(role).iter().find_map(|family| {
        faces
            .iter()
            .filter_map(|f| f.matches(family).map(|q| (q, f)))
            .min_by_key(|(q, f)| (*q, f.weight.abs_diff(weight)))
            .map(|(_, f)| f)
    })
}

/// The Chinese faces among `faces`, in the order of [`scan`].
pub(crate) fn chinese_faces(faces: &[FoundFace]) -> impl Iterator<Item = &FoundFace> {
    faces.iter().filter(|f| f.is_chinese())
}

/// The fonts under the system's font folders, scanned once per process.
pub(crate) fn system_faces() -> &'static [FoundFace] {
    static FACES: OnceLock<Vec<FoundFace>> = OnceLock::new();
    FACES.get_or_init(|| scan(&system_font_dirs()))
}

/// The name a Word file should give the font of `source`, when it is one Word and WPS know:
/// the family of the face in the file, else (a file that cannot be read here) its file name.
pub(crate) fn word_name(source: &FontSource) -> Option<&'static str> {
    let FontSource::File { path, index } = source else {
        return None;
    };
    let face = scan_file(path)
        .into_iter()
        .find(|f| f.index == *index)
        .unwrap_or_else(|| FoundFace {
            path: path.clone(),
            index: *index,
            family: String::new(),
            weight: 400,
            names: Vec::new(),
            chinese: false,
        });
    FontRole::ALL
        .iter()
        .flat_map(|r| role_families(*r))
        .filter_map(|family| Some((face.matches(family)?, family.word_name?)))
        .min_by_key(|(q, _)| *q)
        .map(|(_, name)| name)
}

/// Folders where Windows and Linux keep fonts, for everyone and for this user.
pub(crate) fn system_font_dirs() -> Vec<PathBuf> {
    let var = |name: &str| std::env::var_os(name).map(PathBuf::from);
    font_dirs(
        var("WINDIR"),
        var("LOCALAPPDATA"),
        var("XDG_DATA_HOME"),
        var("HOME"),
    )
}

/// [`system_font_dirs`] from the variables it reads (testable).
fn font_dirs(
    windir: Option<PathBuf>,
    local_app_data: Option<PathBuf>,
    xdg_data_home: Option<PathBuf>,
    home: Option<PathBuf>,
) -> Vec<PathBuf> {
    let mut dirs = Vec::new();
    if cfg!(windows) {
        dirs.push(
            windir
                .unwrap_or_else(|| PathBuf::from(r"C:\Windows"))
                .join("Fonts"),
        );
        // Fonts a user installs without administrator rights (Windows 10 1809 and later).
        if let Some(local) = local_app_data {
            dirs.push(local.join("Microsoft").join("Windows").join("Fonts"));
        }
    } else {
        dirs.push(PathBuf::from("/usr/share/fonts"));
        dirs.push(PathBuf::from("/usr/local/share/fonts"));
        match (xdg_data_home, &home) {
            (Some(data), _) => dirs.push(data.join("fonts")),
            (None, Some(home)) => dirs.push(home.join(".local/share/fonts")),
            (None, None) => {}
        }
        if let Some(home) = home {
            dirs.push(home.join(".fonts"));
        }
    }
    dirs
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_founder_family_comes_under_its_simplified_and_gbk_names() {
        assert_eq!(FZ_FANGSONG.word_name, Some("方正仿宋简体"));
        assert_eq!(
            FZ_FANGSONG.names,
            [
                "方正仿宋简体",
                "FZFangSong-Z02S",
                "FZFSJW",
                "方正仿宋_GBK",
                "FZFangSong-Z02",
                "FZFSK"
            ]
        );
        assert_eq!(XIAOBIAOSONG.names[6..], ["小标宋", "方正小标宋"]);
    }

    #[test]
    fn spellings_compare_equal_after_normalising() {
        assert_eq!(normalise("FangSong_GB2312"), normalise("fangsong gb2312"));
        assert_eq!(normalise("FZXiaoBiaoSong-B05S"), "fzxiaobiaosongb05s");
        assert_ne!(normalise("仿宋"), normalise("仿宋_GB2312"));
    }

    #[test]
    fn every_role_has_a_family_word_knows_first() {
        for role in FontRole::ALL {
            assert!(role_families(role)[0].word_name.is_some());
        }
    }

    #[test]
    fn font_folders_include_the_users_own() {
        let dirs = font_dirs(
            Some(PathBuf::from("/win")),
            Some(PathBuf::from("/local")),
            None,
            Some(PathBuf::from("/home/u")),
        );
        if cfg!(windows) {
            assert_eq!(
                dirs,
                [
                    PathBuf::from("/win").join("Fonts"),
                    PathBuf::from("/local/Microsoft/Windows/Fonts")
                ]
            );
        } else {
            assert!(dirs.contains(&PathBuf::from("/usr/share/fonts")));
            assert!(dirs.contains(&PathBuf::from("/home/u/.local/share/fonts")));
            assert!(dirs.contains(&PathBuf::from("/home/u/.fonts")));
        }
    }
}
