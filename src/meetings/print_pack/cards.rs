//! The drawn papers: name cards (桌签) and the platform seating chart (座次表), on the print
//! engine's absolute-position canvas.

use rusqlite::Connection;

use crate::error::{Error, Result};
use crate::meetings::agenda::{self, AgendaKind};
use crate::meetings::attendance::{self, AttendeeRole, Reply};
use crate::meetings::seating::{audience_note, audience_order, EvenRule};
use crate::meetings::{self as meetings};
use crate::print::{check_coverage, mm, Block, Canvas, Doc, FontRole, FontSet, PageSize, TextRun};

/// Space kept clear around the name on each half of a name card.
pub const CARD_MARGIN_MM: f32 = 18.0;
/// The largest size a name is printed at.
pub const NAME_MAX_SIZE: f32 = 120.0;
const UNIT_MAX_SIZE: f32 = 22.0;

/// How a line of text fits a box: its size and measured width.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardFit {
    pub size: f32,
    pub width: f32,
    pub max_width: f32,
}

/// The largest size up to `max_size` at which `text` fits within `max_width`.
pub fn fit_text(
    fonts: &FontSet,
    role: FontRole,
    text: &str,
    max_width: f32,
    max_size: f32,
) -> CardFit {
    let unit = fonts.text_width(role, 1.0, text);
    let mut size = if unit > 0.0 {
        (max_width / unit).min(max_size)
    } else {
        max_size
    };
    // Guard against rounding: step down until it really fits.
    while size > 0.5 && fonts.text_width(role, size, text) > max_width {
        size -= 0.25;
    }
    CardFit {
        size,
        width: fonts.text_width(role, size, text),
        max_width,
    }
}

fn check(fonts: &FontSet, label: &str, fields: &[(&str, &str)]) -> Result<()> {
    let mut doc = Doc::new(label, label);
    for (name, value) in fields {
        doc.field(*name, *value);
        doc.push(Block::para(*value));
    }
    match check_coverage(std::slice::from_ref(&doc), fonts)
        .into_iter()
        .next()
    {
        Some(p) => Err(p.into()),
        None => Ok(()),
    }
}

/// (name, unit) for each card: the platform first (its people as ranked; a platform person who
/// also comes with a unit keeps that unit's name), then every expected person of every invitee
/// not on leave; a unit with no names yet gets one card with no name and the unit's name
/// (`("", unit)`), set in the name's place.
fn card_people(
    conn: &Connection,
    meeting_id: i64,
    platform: &[String],
) -> Result<Vec<(String, String)>> {
    let mut attendees = Vec::new();
    for i in attendance::list(conn, meeting_id)? {
        if i.reply == Reply::Leave {
            continue;
        }
        let people = i.people();
        if people.is_empty() {
            attendees.push((String::new(), i.name.clone()));
        }
        for p in people {
            attendees.push((p, i.name.clone()));
        }
    }
    let mut out: Vec<(String, String)> = platform
        .iter()
        .map(|name| {
            let unit = attendees
                .iter()
                .find(|(p, _)| p == name)
                .map(|(_, u)| u.clone())
                .unwrap_or_default();
            (name.clone(), unit)
        })
        .collect();
    for (p, unit) in attendees {
        if p.is_empty() || !out.iter().any(|(n, _)| *n == p) {
            out.push((p, unit));
        }
    }
    Ok(out)
}

/// The sizes of a card set: one for every person's name, the largest at which the widest name
/// fits; one for every unit line; and one for the cards of units whose people are not named
/// yet, whose unit's name stands in the name's place (so a long unit name does not shrink the
/// people's names).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CardSizes {
    pub name: f32,
    pub unit: f32,
    pub unit_only: f32,
}

/// The one name size and unit size of a set of cards for `people` (name, unit).
pub fn card_sizes(fonts: &FontSet, people: &[(String, String)]) -> CardSizes {
    let (w, h) = (
        PageSize::A4_LANDSCAPE.width(),
        PageSize::A4_LANDSCAPE.height(),
    );
    let max_width = w - 2.0 * mm(CARD_MARGIN_MM);
    let name_max = NAME_MAX_SIZE.min(h / 2.0 * 0.55);
    let smallest = |role: FontRole, max: f32, texts: &mut dyn Iterator<Item = &String>| {
        texts
            .filter(|t| !t.is_empty())
            .map(|t| fit_text(fonts, role, t, max_width, max).size)
            .fold(max, f32::min)
    };
    let named = || people.iter().filter(|(n, _)| !n.is_empty());
    let mut unnamed = people.iter().filter(|(n, _)| n.is_empty()).map(|(_, u)| u);
    let name = smallest(FontRole::Heading1, name_max, &mut named().map(|(n, _)| n));
    CardSizes {
        name,
        unit: smallest(FontRole::Body, UNIT_MAX_SIZE, &mut named().map(|(_, u)| u)),
        unit_only: smallest(FontRole::Heading1, name, &mut unnamed),
    }
}

/// Draws one name on one half of a card, at the set's sizes. `upper` halves are rotated 180°
/// so the folded card reads upright from both sides.
fn draw_half(
    canvas: &mut Canvas<'_>,
    page: usize,
    (name, unit): (&str, &str),
    sizes: CardSizes,
    upper: bool,
) -> Result<()> {
    let fonts = canvas.fonts();
    let (w, h) = (
        PageSize::A4_LANDSCAPE.width(),
        PageSize::A4_LANDSCAPE.height(),
    );
    let half = h / 2.0;
    // In the lower half's own coordinates (0 at the page's bottom edge, `half` at the fold).
    // A unit whose people are not named yet: its name in the name's place.
    let (first, size) = if name.is_empty() {
        (unit, sizes.unit_only)
    } else {
        (name, sizes.name)
    };
    let name_base = half * 0.5 - size * 0.35;
    let mut runs = vec![(size, FontRole::Heading1, first, name_base)];
    if !name.is_empty() && !unit.is_empty() {
        runs.push((sizes.unit, FontRole::Body, unit, mm(10.0)));
    }
    for (size, role, text, base) in runs {
        let x = (w - fonts.text_width(role, size, text)) / 2.0;
        let mut run = TextRun::new(x, base, size, role, text);
        if upper {
            run.x = w - x;
            run.y = h - base;
            run.rotation = 180.0;
        }
        canvas.text(page, &run)?;
    }
    Ok(())
}

/// Name cards for `people` (name, unit): one A4 landscape sheet each, folded along the middle.
pub fn name_cards_for(
    people: &[(String, String)],
    title: &str,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    if people.is_empty() {
        return Err(Error::NothingToPrint(
            "没有需要制作桌签的参会人员。请先邀请参会单位或添加列席嘉宾。".into(),
        ));
    }
    for (name, unit) in people {
        check(
            fonts,
            &format!("桌签 {}", if name.is_empty() { unit } else { name }),
            &[("姓名", name), ("单位名称", unit)],
        )?;
    }
    let sizes = card_sizes(fonts, people);
    let mut canvas = Canvas::new(fonts, title);
    let (w, h) = (
        PageSize::A4_LANDSCAPE.width(),
        PageSize::A4_LANDSCAPE.height(),
    );
    for (name, unit) in people {
        canvas.set_label(&format!(
            "桌签 {}",
            if name.is_empty() { unit } else { name }
        ));
        let page = canvas.add_page(PageSize::A4_LANDSCAPE);
        draw_half(&mut canvas, page, (name, unit), sizes, false)?;
        draw_half(&mut canvas, page, (name, unit), sizes, true)?;
        // The fold, dashed.
        let mut x = 0.0;
        while x < w {
            canvas.line(page, (x, h / 2.0), ((x + 6.0).min(w), h / 2.0), 0.3);
            x += 12.0;
        }
    }
    Ok(canvas.finish())
}

/// 桌签 for the platform (`platform`, as [`platform_names`] gives it) and every attendee of the
/// meeting (not those on leave), one size for the whole set.
pub fn name_cards_pdf(
    conn: &Connection,
    meeting_id: i64,
    platform: &[String],
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    let m = meetings::get(conn, meeting_id)?;
    name_cards_for(
        &card_people(conn, meeting_id, platform)?,
        &format!("{}桌签", m.title),
        fonts,
    )
}

/// The people on the platform by default, highest first: the presenters of the agenda's
/// 领导讲话, 工作报告, 主持 and 总结 items (the name after the title, e.g. "街道党工委书记
/// 陈振华" → 陈振华), then guests (列席) and vice-chair units' attendees who are coming.
pub fn default_platform(conn: &Connection, meeting_id: i64) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |n: &str| {
        let n = n.trim();
        if !n.is_empty() && !out.iter().any(|o| o == n) {
            out.push(n.to_owned());
        }
    };
    let items = agenda::list(conn, meeting_id)?;
    for kind in [
        AgendaKind::Address,
        AgendaKind::Report,
        AgendaKind::Host,
        AgendaKind::Closing,
    ] {
        for i in items.iter().filter(|i| i.kind == kind) {
            if let Some(name) = i.presenter.split_whitespace().last() {
                add(name);
            }
        }
    }
    let vice: Vec<i64> = conn
        .prepare("SELECT id FROM units WHERE vice_chair = 1")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for i in attendance::list(conn, meeting_id)? {
        let on_platform =
            i.role == AttendeeRole::Guest || i.unit_id.is_some_and(|u| vice.contains(&u));
        if on_platform && i.reply != Reply::Leave {
            if let Some(p) = i.people().first() {
                add(p);
            }
        }
    }
    Ok(out)
}

/// The platform as printed on the 座次表 and the 桌签: the names `chosen` before printing
/// (trimmed, blanks dropped), or [`default_platform`] when none is.
pub fn platform_names(
    conn: &Connection,
    meeting_id: i64,
    chosen: &[String],
) -> Result<Vec<String>> {
    let names: Vec<String> = chosen
        .iter()
        .map(|n| n.trim().to_string())
        .filter(|n| !n.is_empty())
        .collect();
    if names.is_empty() {
        default_platform(conn, meeting_id)
    } else {
        Ok(names)
    }
}

/// 座次表: the platform drawn as a row of seats, as seen from the audience, ranked by the
/// order of `names` (highest first) under [`crate::meetings::seating`]'s rule.
pub fn seating_pdf(
    conn: &Connection,
    meeting_id: i64,
    names: &[String],
    rule: EvenRule,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    let m = meetings::get(conn, meeting_id)?;
    if names.is_empty() {
        return Err(Error::NothingToPrint(
            "还没有主席台就座人员：请在“打印”页的座次表中填写，或先在议程中填写主持人、报告人。"
                .into(),
        ));
    }
    let fields: Vec<(&str, &str)> = names.iter().map(|n| ("姓名", n.as_str())).collect();
    check(fonts, "座次表", &fields)?;
    check(fonts, "座次表", &[("会议名称", &m.title)])?;
    let mut canvas = Canvas::new(fonts, &format!("{}座次表", m.title));
    let page = canvas.add_page(PageSize::A4_LANDSCAPE);
    let (w, h) = (
        PageSize::A4_LANDSCAPE.width(),
        PageSize::A4_LANDSCAPE.height(),
    );
    let centred = |canvas: &mut Canvas<'_>, text: &str, y: f32, size: f32, role: FontRole| {
        let fit = fit_text(fonts, role, text, w - mm(40.0), size);
        canvas.text(
            page,
            &TextRun::new((w - fit.width) / 2.0, y, fit.size, role, text),
        )
    };
    centred(
        &mut canvas,
        "主席台座次表",
        h - mm(30.0),
        26.0,
        FontRole::Title,
    )?;
    centred(&mut canvas, &m.title, h - mm(42.0), 16.0, FontRole::Body)?;
    centred(
        &mut canvas,
        "主　席　台",
        h - mm(70.0),
        18.0,
        FontRole::Heading1,
    )?;
    let n = names.len();
    let usable = w - mm(30.0);
    // Precision loss is irrelevant for a seat count.
    #[allow(clippy::cast_precision_loss)]
    let seat_w = (usable / n as f32).min(mm(40.0));
    #[allow(clippy::cast_precision_loss)]
    let left = (w - seat_w * n as f32) / 2.0;
    let (box_y, box_h) = (h - mm(125.0), mm(40.0));
    for (slot, rank) in audience_order(n, rule).into_iter().enumerate() {
        #[allow(clippy::cast_precision_loss)]
        let x = left + seat_w * slot as f32;
        canvas.rect(page, x + 2.0, box_y, seat_w - 4.0, box_h, 0.8);
        let number = (rank + 1).to_string();
        let nf = fit_text(fonts, FontRole::Body, &number, seat_w - 8.0, 14.0);
        canvas.text(
            page,
            &TextRun::new(
                x + (seat_w - nf.width) / 2.0,
                box_y + box_h + 6.0,
                nf.size,
                FontRole::Body,
                &number,
            ),
        )?;
        let name = &names[rank];
        let fit = fit_text(fonts, FontRole::Heading1, name, seat_w - 10.0, 20.0);
        canvas.text(
            page,
            &TextRun::new(
                x + (seat_w - fit.width) / 2.0,
                box_y + box_h / 2.0 - fit.size * 0.35,
                fit.size,
                FontRole::Heading1,
                name,
            ),
        )?;
    }
    centred(
        &mut canvas,
        "台　　下",
        box_y - mm(25.0),
        18.0,
        FontRole::Heading1,
    )?;
    let note = audience_note(n, rule);
    centred(&mut canvas, &note, mm(25.0), 12.0, FontRole::Body)?;
    Ok(canvas.finish())
}
