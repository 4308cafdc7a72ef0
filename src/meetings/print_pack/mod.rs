//! The print pack for the day: agenda (会议议程), attendee list (参会单位名单), sign-in sheet
//! (签到表), speaking order (发言顺序), invitations (邀请函), name cards (桌签) and the
//! platform seating chart (座次表). Each function returns PDF bytes; every character is checked
//! against the fonts before anything is drawn.

mod cards;
mod lists;
mod pack;

pub use cards::{
    card_sizes, default_platform, fit_text, name_cards_for, name_cards_pdf, platform_names,
    seating_pdf, CardFit, CardSizes, CARD_MARGIN_MM, NAME_MAX_SIZE,
};
pub use lists::{
    agenda_doc, agenda_pdf, attendees_doc, attendees_pdf, invitation_docs, invitations_pdf,
    set_sheet_codes, sheet_codes, signin_doc, signin_pdf, signin_record_doc, speakers_doc,
    speakers_pdf, GroupBy,
};
pub use pack::{
    documents, render_document, write_document, write_pack, Document, DocumentInfo, PackOptions,
    PackOutcome, PackProgressFn,
};

use chrono::NaiveTime;

use super::Meeting;
use crate::date::cn_date;

/// `9:05` (no leading zero, as printed).
pub(crate) fn hm(t: NaiveTime) -> String {
    t.format("%-H:%M").to_string()
}

/// "2026年9月25日 14:30　海棠街道党群服务中心" — what is known of when and where.
pub(crate) fn when_where(m: &Meeting) -> String {
    let mut parts = Vec::new();
    if let Some(d) = m.date {
        parts.push(cn_date(d));
    }
    if let Some(t) = m.start_time {
        parts.push(hm(t));
    }
    let mut s = parts.join(" ");
    if !m.venue.is_empty() {
        if !s.is_empty() {
            s.push('\u{3000}');
        }
        s.push_str(&m.venue);
    }
    s
}
