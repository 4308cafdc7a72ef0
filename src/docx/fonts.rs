//! The font names written into a .docx. A Word file names fonts rather than embedding them:
//! it is opened on the recipient's machine, which has the 公文 fonts. So each role gets the
//! 公文 font name (方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312), unless the font chosen for
//! that role in 设置 is itself one Word and WPS know (仿宋_GB2312, 方正仿宋简体, 仿宋, 宋体,
//! 华文…, found by the family name inside the file): then that name.

use crate::print::{FontChoice, FontRole, FontSource};

/// The font names of a .docx, per role.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WordFonts {
    pub title: String,
    pub body: String,
    pub heading1: String,
    pub heading2: String,
    /// Latin text and digits.
    pub latin: String,
    /// Page numbers (4号宋体).
    pub page_number: String,
}

impl WordFonts {
    /// The 公文 fonts (GB/T 9704 as offices set it up in Word and WPS).
    pub fn standard() -> Self {
        WordFonts {
            title: "方正小标宋简体".into(),
            body: "仿宋_GB2312".into(),
            heading1: "黑体".into(),
            heading2: "楷体_GB2312".into(),
            latin: "Times New Roman".into(),
            page_number: "宋体".into(),
        }
    }

    /// The names for the fonts chosen in 设置: a font Word knows keeps its name, anything
    /// else (the bundled font, 思源) maps to the role's 公文 font.
    pub fn from_choice(choice: &FontChoice) -> Self {
        let standard = WordFonts::standard();
        let pick = |source: &FontSource, fallback: String| {
            crate::print::word_font_name(source).map_or(fallback, str::to_string)
        };
        WordFonts {
            title: pick(&choice.title, standard.title),
            body: pick(&choice.body, standard.body),
            heading1: pick(&choice.heading1, standard.heading1),
            heading2: pick(&choice.heading2, standard.heading2),
            ..standard
        }
    }

    /// The East Asian font of `role`.
    pub fn role(&self, role: FontRole) -> &str {
        match role {
            FontRole::Title => &self.title,
            FontRole::Body => &self.body,
            FontRole::Heading1 => &self.heading1,
            FontRole::Heading2 => &self.heading2,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_fonts_keep_their_names_and_others_map_to_the_official_fonts() {
        let file = |p: &str| FontSource::File {
            path: p.into(),
            index: 0,
        };
        let choice = FontChoice {
            title: FontSource::Bundled,
            body: file("/mnt/c/Windows/Fonts/SIMFANG.TTF"),
            heading1: file("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
            heading2: file("C:/Windows/Fonts/simkai.ttf"),
        };
        let w = WordFonts::from_choice(&choice);
        assert_eq!(w.title, "方正小标宋简体");
        assert_eq!(w.body, "仿宋");
        assert_eq!(w.heading1, "黑体");
        assert_eq!(w.heading2, "楷体");
        assert_eq!(w.latin, "Times New Roman");
    }
}
