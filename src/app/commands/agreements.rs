//! 共建协议: templates, agreements, batch pairing, signing with a scan, and printing (one PDF
//! or one file per agreement) with progress and cancel.

use crate::agreements::preview::TemplatePreview;
use crate::agreements::{
    self, number, templates, Agreement, AgreementOptions, AgreementTemplate, DefaultTerm,
    DraftEdit, PairSpec, PairWarning, TemplateInput,
};
use crate::meetings::{self, Meeting};
use crate::paths::DataDir;
use serde::Serialize;

use super::files::Written;

/// The kinds of scan a signed agreement may carry.
const SCAN_EXTENSIONS: [&str; 4] = ["pdf", "jpg", "jpeg", "png"];

/// A placeholder and the value a sample agreement gives it (for the template preview).
#[derive(Debug, Clone, Serialize)]
pub struct PlaceholderValue {
    pub name: String,
    pub value: String,
}

// ---- templates ----

// ---- agreements ----

// ---- printing ----

use crate::app::ProgressTo;

crate::app_commands! {
    pub fn agreement_templates_list(ctx) -> Vec<AgreementTemplate> {
        ctx.with_conn(|conn, _| templates::list(conn))
    }

    pub fn agreement_template_create(ctx, input: TemplateInput) -> AgreementTemplate {
        ctx.with_conn(move |conn, _| templates::create(conn, &input))
    }

    pub fn agreement_template_update(
        ctx,
        id: i64,
        input: TemplateInput,
    ) -> AgreementTemplate {
        ctx.with_conn(move |conn, _| templates::update(conn, id, &input))
    }

    pub fn agreement_template_delete(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| templates::delete(conn, id))
    }

    /// Checks a template as saving would, without saving it.
    pub fn agreement_template_validate(ctx, input: TemplateInput) -> () {
        ctx.with_conn(move |_, _| templates::validate(&input).map(|_| ()))
    }

    /// The term agreements made for `meeting_id` get by default: from the signing day (the
    /// meeting's date, else today) to the end of that year.
    pub fn agreement_default_term(ctx, meeting_id: Option<i64>) -> DefaultTerm {
        ctx.with_conn(move |conn, _| agreements::default_term(conn, meeting_id))
    }

    /// Who keeps the copies of an agreement printed `copies` times (双方各执一份…), as the
    /// closing clause's {{各执}} says it.
    pub fn agreement_copies_kept(ctx, copies: u32) -> String {
        ctx.with_conn(move |_, _| Ok(agreements::copies_kept(copies)))
    }

    /// Every placeholder with the value a sample agreement gives it, in the order of
    /// `PLACEHOLDERS` (the palette and the text preview).
    pub fn agreement_placeholder_samples(
        ctx,
        input: TemplateInput,
    ) -> Vec<PlaceholderValue> {
        ctx.with_conn(move |conn, _| {
            let a = agreements::sample_agreement(conn, input.body)?;
            Ok(agreements::values(&a)
                .into_iter()
                .map(|(name, value)| PlaceholderValue {
                    name: name.to_string(),
                    value,
                })
                .collect())
        })
    }

    /// The template as the printed agreement reads, filled in with the sample parties, with its
    /// problems (the editor's live preview; the core renders it).
    pub fn agreement_template_preview_text(
        ctx,
        input: TemplateInput,
    ) -> TemplatePreview {
        ctx.with_conn(move |conn, _| agreements::preview::preview_text(conn, input.body))
    }

    /// The template filled in with sample parties as a PDF in `<data>/previews/`, opened.
    pub fn agreement_template_preview_pdf(ctx, input: TemplateInput) -> Written {
        let path = ctx.with_conn(move |conn, db_path| {
            let input = templates::validate(&input)?;
            let fonts = crate::print::saved_fonts(conn)?;
            let bytes = agreements::preview_template(conn, input.body, &fonts)?;
            let dir = DataDir::of_db(db_path).previews();
            std::fs::create_dir_all(&dir).map_err(|e| crate::Error::io(&dir, e))?;
            let path = dir.join("协议模板预览.pdf");
            std::fs::write(&path, bytes).map_err(|e| crate::Error::io(&path, e))?;
            Ok(path)
        })?;
        Ok(ctx.written(&path, 1))
    }

    pub fn agreements_list(ctx, meeting_id: Option<i64>) -> Vec<Agreement> {
        ctx.with_conn(move |conn, _| agreements::list(conn, meeting_id))
    }

    pub fn agreement_get(ctx, id: i64) -> Agreement {
        ctx.with_conn(move |conn, _| agreements::get(conn, id))
    }

    pub fn agreement_create(
        ctx,
        pair: PairSpec,
        options: AgreementOptions,
    ) -> Agreement {
        ctx.with_conn(move |conn, _| agreements::create(conn, &pair, &options))
    }

    /// 批量结对: all the agreements in one transaction, or none.
    pub fn agreements_pair_many(
        ctx,
        pairs: Vec<PairSpec>,
        options: AgreementOptions,
    ) -> Vec<Agreement> {
        ctx.with_conn(move |conn, _| agreements::pair_many(conn, &pairs, &options))
    }

    /// The pairs “the street with every unit that joined in `from_year` or later”.
    pub fn agreements_street_pairs_since(ctx, from_year: i32) -> Vec<PairSpec> {
        ctx.with_conn(move |conn, _| agreements::street_with_units_joined_since(conn, from_year))
    }

    /// Meetings an agreement can belong to (for the pairing screen and the list filter).
    pub fn agreements_meeting_choices(ctx) -> Vec<Meeting> {
        ctx.with_conn(|conn, _| meetings::list(conn))
    }

    /// 标记已签署: the date, and a copy of the scan (pdf/jpg/png) kept in the data folder.
    pub fn agreement_mark_signed(
        ctx,
        id: i64,
        date: String,
        scan: Option<String>,
    ) -> Agreement {
        let date = agreements::signing_date(&date)?;
        let scan = match scan.as_deref().filter(|s| !s.trim().is_empty()) {
            Some(s) => Some(ctx.input(s, &SCAN_EXTENSIONS)?),
            None => None,
        };
        ctx.with_conn(move |conn, db_path| {
            agreements::mark_signed(
                conn,
                id,
                date,
                scan.as_deref(),
                DataDir::of_db(db_path).root(),
            )
        })
    }

    pub fn agreement_archive(ctx, id: i64) -> Agreement {
        ctx.with_conn(move |conn, _| agreements::archive(conn, id))
    }

    /// Opens the stored scan of a signed agreement with the system viewer.
    pub fn agreement_open_scan(ctx, id: i64) -> Written {
        let path = ctx.with_conn(move |conn, db_path| {
            agreements::scan_path(conn, id, &DataDir::of_db(db_path))
        })?;
        Ok(ctx.written(&path, 1))
    }

    pub fn agreement_number_prefix(ctx) -> String {
        ctx.with_conn(|conn, _| number::prefix(conn))
    }

    /// Checks pairs before they are made: what each lacks and where to fill it in.
    pub fn agreements_check_pairs(
        ctx,
        pairs: Vec<PairSpec>,
        options: AgreementOptions,
    ) -> Vec<Vec<PairWarning>> {
        ctx.with_conn(move |conn, _| agreements::check_pairs(conn, &pairs, &options))
    }

    /// Changes a 草拟 agreement.
    pub fn agreement_update_draft(ctx, id: i64, edit: DraftEdit) -> Agreement {
        ctx.with_conn(move |conn, _| agreements::update_draft(conn, id, &edit))
    }

    /// Deletes a 草拟 agreement (it has no number yet).
    pub fn agreement_delete(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| agreements::delete_draft(conn, id))
    }

    /// 作废: the agreement keeps its number and is left out of batches.
    pub fn agreement_void(ctx, id: i64, reason: String) -> Agreement {
        ctx.with_conn(move |conn, _| agreements::void(conn, id, crate::date::today(), &reason))
    }

    /// The name the save dialog offers for the chosen agreements as one `.{ext}` file.
    pub fn agreements_file_name(ctx, ids: Vec<i64>, ext: String) -> String {
        ctx.with_conn(move |conn, _| agreements::save_name(conn, &ids, &ext))
    }

    /// Prints agreements (each in its number of copies, each copy from a new page) into one PDF,
    /// marks the 草拟 ones 已打印, and opens the file.
    pub fn agreements_print_pdf(
        ctx,
        ids: Vec<i64>,
        path: String,
        on_progress: ProgressTo,
    ) -> Written {
        agreements::require_selection(&ids)?;
        let path = ctx.output(&path, &["pdf"])?;
        let mut progress = ctx.print_progress(on_progress);
        let target = path.clone();
        let count = ids.len();
        ctx.with_conn(move |conn, _| {
            let fonts = crate::print::saved_fonts(conn)?;
            agreements::write_agreements_pdf(conn, &ids, &fonts, &target, &mut progress)
        })?;
        Ok(ctx.written(&path, count))
    }

    /// Prints one PDF per agreement into `dir`, marks the 草拟 ones 已打印, and opens the folder.
    pub fn agreements_print_dir(
        ctx,
        ids: Vec<i64>,
        dir: String,
        on_progress: ProgressTo,
    ) -> Written {
        agreements::require_selection(&ids)?;
        let dir = ctx.output_dir(&dir)?;
        let mut progress = ctx.print_progress(on_progress);
        let target = dir.clone();
        let files = ctx.with_conn(move |conn, _| {
            let fonts = crate::print::saved_fonts(conn)?;
            agreements::write_agreement_files(conn, &ids, &fonts, &target, &mut progress)
        })?;
        Ok(ctx.written(&dir, files.len()))
    }

    /// Exports agreements (every copy, each from a new page with its own page numbers) into one
    /// .docx and opens it. Nothing is numbered or marked: that happens when they are printed.
    pub fn agreements_export_word(ctx, ids: Vec<i64>, path: String) -> Written {
        agreements::require_selection(&ids)?;
        let path = ctx.output(&path, &["docx"])?;
        let target = path.clone();
        let count = ids.len();
        ctx.with_conn(move |conn, _| crate::docx::write_agreements_docx(conn, &ids, &target))?;
        Ok(ctx.written(&path, count))
    }
}
