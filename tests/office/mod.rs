//! Reading .docx files with a real word processor: LibreOffice (headless, installed by
//! scripts/setup-system.sh) converts them to PDF, to be read back with poppler.
//!
//! This machine has none of the 公文 fonts a .docx names (方正小标宋简体, 仿宋_GB2312, 黑体,
//! 楷体_GB2312, 宋体), and fontconfig's own fallback for them is Noto Sans CJK JP: Japanese
//! glyph shapes, in a sans face, for every role. So LibreOffice runs with a fontconfig file
//! that maps each 公文 name to the Simplified Chinese face the app's own PDF uses for that role
//! here, and the round trip is judged on the right glyphs and advances.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

/// The 公文 font names a .docx may carry, each with the installed face that stands in for it.
pub const STAND_INS: [(&str, &str); 12] = [
    ("方正小标宋简体", "Noto Serif CJK SC"),
    ("方正小标宋_GBK", "Noto Serif CJK SC"),
    ("仿宋_GB2312", "Noto Serif CJK SC"),
    ("仿宋", "Noto Serif CJK SC"),
    ("FangSong_GB2312", "Noto Serif CJK SC"),
    ("宋体", "Noto Serif CJK SC"),
    ("SimSun", "Noto Serif CJK SC"),
    ("楷体_GB2312", "Noto Serif CJK SC"),
    ("楷体", "Noto Serif CJK SC"),
    ("KaiTi_GB2312", "Noto Serif CJK SC"),
    ("黑体", "Noto Sans CJK SC"),
    ("SimHei", "Noto Sans CJK SC"),
];

/// A fontconfig file in `dir`: the system's configuration, plus a strong substitution of each
/// of [`STAND_INS`].
pub fn fonts_conf(dir: &Path) -> PathBuf {
    let mut xml = String::from(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig>\n\
         <include ignore_missing=\"yes\">/etc/fonts/fonts.conf</include>\n",
    );
    for (name, face) in STAND_INS {
        xml.push_str(&format!(
            "<match target=\"pattern\"><test name=\"family\"><string>{name}</string></test>\
             <edit name=\"family\" mode=\"assign\" binding=\"strong\"><string>{face}</string>\
             </edit></match>\n"
        ));
    }
    xml.push_str("</fontconfig>\n");
    let path = dir.join("fonts.conf");
    std::fs::write(&path, xml).unwrap();
    path
}

/// Converts .docx files to PDF with LibreOffice into `out`, with a private profile (so tests
/// running at once do not share one) and the 公文 fonts mapped by [`fonts_conf`].
pub fn libreoffice_pdf(files: &[&Path], out: &Path) {
    let profile = tempfile::tempdir().unwrap();
    let conf = fonts_conf(profile.path());
    let status = Command::new("soffice")
        .env("FONTCONFIG_FILE", &conf)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out)
        .args(files)
        .output()
        .unwrap_or_else(|e| panic!("soffice is needed (libreoffice-writer-nogui): {e}"));
    assert!(
        status.status.success(),
        "soffice failed: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}
