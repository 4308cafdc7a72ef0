//! 共建协议: templates with placeholders, agreements between two parties (the street, a
//! community or a member unit), their numbering, status and printing.
//!
//! Typical use: [`ensure_default_templates`], then [`create`] or [`pair_many`], then
//! [`render_agreements`] (one PDF) or [`write_agreement_files`] (one PDF per agreement), and
//! later [`mark_signed`] and [`archive`].

mod drafts;
pub mod number;
mod pairing;
pub mod preview;
mod render;
mod store;
pub mod templates;

pub use drafts::{delete_draft, update_draft, void, DraftEdit, PartyDetails};
pub use pairing::{
    check_pairs, party_fix, party_place, street_with_units_joined_since, PairWarning,
};
pub use render::{
    agreement_docs, build_doc, cn_count, copies_kept, file_stem, preview_template,
    render_agreement, render_agreements, sample_agreement, save_name, values,
    write_agreement_files, write_agreements_pdf, ProgressFn,
};
pub use store::{
    archive, batch, create, default_term, get, list, mark_printed, mark_signed, pair_many,
    require_selection, scan_path, signing_date, Agreement, AgreementOptions, AgreementStatus,
    DefaultTerm, PairSpec, Party, PartyKind, PartyRef,
};
pub use templates::{
    ensure_default_templates, AgreementTemplate, Section, TemplateBody, TemplateInput, PLACEHOLDERS,
};

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::error::Result;

/// The demo street's agreements for 2026: each community with one of its units, the street
/// with every unit that joined in 2025 or later; a few printed and one signed. Runs inside
/// the demo loader's transaction.
pub fn load_demo(conn: &Connection) -> Result<usize> {
    ensure_default_templates(conn)?;
    let mut pairs = Vec::new();
    for c in crate::org::communities(conn)? {
        let unit: Option<i64> = conn
            .query_row(
                "SELECT id FROM units WHERE community_id = ?1 AND status = 'active'
                 ORDER BY vice_chair DESC, id LIMIT 1",
                [c.id],
                |r| r.get(0),
            )
            .ok();
        if let Some(unit) = unit {
            pairs.push(PairSpec {
                party_a: PartyRef::community(c.id),
                party_b: PartyRef::unit(unit),
            });
        }
    }
    let newcomers = street_with_units_joined_since(conn, 2025)?;
    let options = AgreementOptions {
        year: Some(2026),
        term_start: NaiveDate::from_ymd_opt(2026, 1, 1),
        term_end: NaiveDate::from_ymd_opt(2026, 12, 31),
        // 共建项目 from each unit's claims in the three lists (loaded first).
        ..AgreementOptions::default()
    };
    let mut made = pair_many(conn, &pairs, &options)?;
    // New members sign the 共驻共建责任书 with the street.
    let duty = templates::list(conn)?
        .into_iter()
        .find(|t| t.builtin && t.name != templates::DEFAULT_TEMPLATE_NAME)
        .map(|t| t.id);
    let duty_options = AgreementOptions {
        template_id: duty,
        ..options
    };
    made.extend(pair_many(conn, &newcomers, &duty_options)?);
    let printed: Vec<i64> = made.iter().take(3).map(|a| a.id).collect();
    mark_printed(conn, &printed)?;
    if let (Some(first), Some(date)) = (made.first(), NaiveDate::from_ymd_opt(2026, 3, 18)) {
        // No scan in the demo: the signing date alone.
        mark_signed(conn, first.id, date, None, std::path::Path::new("."))?;
    }
    Ok(made.len())
}
