//! 共建协议: templates, agreements, batch pairing, signing with a scan, and printing (one PDF
//! or one file per agreement) with progress and cancel.

use std::sync::Arc;

use lianxi::agreements::preview::TemplatePreview;
use lianxi::agreements::{
    self, number, templates, Agreement, AgreementOptions, AgreementTemplate, DraftEdit, PairSpec,
    PairWarning, TemplateInput,
};
use lianxi::meetings::{self, Meeting};
use lianxi::paths::DataDir;
use serde::Serialize;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use super::files::{checked_dir, checked_path, print_progress, PrintProgress, Written};
use crate::error::ApiResult;
use crate::state::{with_conn, Store};

/// The kinds of scan a signed agreement may carry.
const SCAN_EXTENSIONS: [&str; 4] = ["pdf", "jpg", "jpeg", "png"];

/// A placeholder and the value a sample agreement gives it (for the template preview).
#[derive(Debug, Clone, Serialize)]
pub struct PlaceholderValue {
    pub name: String,
    pub value: String,
}

// ---- templates ----

#[tauri::command]
pub async fn agreement_templates_list(
    store: State<'_, Arc<Store>>,
) -> ApiResult<Vec<AgreementTemplate>> {
    with_conn(&store, |conn, _| templates::list(conn)).await
}

#[tauri::command]
pub async fn agreement_template_create(
    store: State<'_, Arc<Store>>,
    input: TemplateInput,
) -> ApiResult<AgreementTemplate> {
    with_conn(&store, move |conn, _| templates::create(conn, &input)).await
}

#[tauri::command]
pub async fn agreement_template_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: TemplateInput,
) -> ApiResult<AgreementTemplate> {
    with_conn(&store, move |conn, _| templates::update(conn, id, &input)).await
}

#[tauri::command]
pub async fn agreement_template_delete(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| templates::delete(conn, id)).await
}

/// Checks a template as saving would, without saving it.
#[tauri::command]
pub async fn agreement_template_validate(
    store: State<'_, Arc<Store>>,
    input: TemplateInput,
) -> ApiResult<()> {
    with_conn(&store, move |_, _| templates::validate(&input).map(|_| ())).await
}

/// Every placeholder with the value a sample agreement gives it, in the order of
/// `PLACEHOLDERS` (the palette and the text preview).
#[tauri::command]
pub async fn agreement_placeholder_samples(
    store: State<'_, Arc<Store>>,
    input: TemplateInput,
) -> ApiResult<Vec<PlaceholderValue>> {
    with_conn(&store, move |conn, _| {
        let a = agreements::sample_agreement(conn, input.body)?;
        Ok(agreements::values(&a)
            .into_iter()
            .map(|(name, value)| PlaceholderValue {
                name: name.to_string(),
                value,
            })
            .collect())
    })
    .await
}

/// The template as the printed agreement reads, filled in with the sample parties, with its
/// problems (the editor's live preview; the core renders it).
#[tauri::command]
pub async fn agreement_template_preview_text(
    store: State<'_, Arc<Store>>,
    input: TemplateInput,
) -> ApiResult<TemplatePreview> {
    with_conn(&store, move |conn, _| {
        agreements::preview::preview_text(conn, input.body)
    })
    .await
}

/// The template filled in with sample parties as a PDF in `<data>/previews/`, opened.
#[tauri::command]
pub async fn agreement_template_preview_pdf(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    input: TemplateInput,
) -> ApiResult<Written> {
    let path = with_conn(&store, move |conn, db_path| {
        let input = templates::validate(&input)?;
        let fonts = lianxi::print::saved_fonts(conn)?;
        let bytes = agreements::preview_template(conn, input.body, &fonts)?;
        let dir = DataDir::of_db(db_path).previews();
        std::fs::create_dir_all(&dir).map_err(|e| lianxi::Error::io(&dir, e))?;
        let path = dir.join("协议模板预览.pdf");
        std::fs::write(&path, bytes).map_err(|e| lianxi::Error::io(&path, e))?;
        Ok(path)
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}

// ---- agreements ----

#[tauri::command]
pub async fn agreements_list(
    store: State<'_, Arc<Store>>,
    meeting_id: Option<i64>,
) -> ApiResult<Vec<Agreement>> {
    with_conn(&store, move |conn, _| agreements::list(conn, meeting_id)).await
}

#[tauri::command]
pub async fn agreement_get(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Agreement> {
    with_conn(&store, move |conn, _| agreements::get(conn, id)).await
}

#[tauri::command]
pub async fn agreement_create(
    store: State<'_, Arc<Store>>,
    pair: PairSpec,
    options: AgreementOptions,
) -> ApiResult<Agreement> {
    with_conn(&store, move |conn, _| {
        agreements::create(conn, &pair, &options)
    })
    .await
}

/// 批量结对: all the agreements in one transaction, or none.
#[tauri::command]
pub async fn agreements_pair_many(
    store: State<'_, Arc<Store>>,
    pairs: Vec<PairSpec>,
    options: AgreementOptions,
) -> ApiResult<Vec<Agreement>> {
    with_conn(&store, move |conn, _| {
        agreements::pair_many(conn, &pairs, &options)
    })
    .await
}

/// The pairs “the street with every unit that joined in `from_year` or later”.
#[tauri::command]
pub async fn agreements_street_pairs_since(
    store: State<'_, Arc<Store>>,
    from_year: i32,
) -> ApiResult<Vec<PairSpec>> {
    with_conn(&store, move |conn, _| {
        agreements::street_with_units_joined_since(conn, from_year)
    })
    .await
}

/// Meetings an agreement can belong to (for the pairing screen and the list filter).
#[tauri::command]
pub async fn agreements_meeting_choices(store: State<'_, Arc<Store>>) -> ApiResult<Vec<Meeting>> {
    with_conn(&store, |conn, _| meetings::list(conn)).await
}

/// 标记已签署: the date, and a copy of the scan (pdf/jpg/png) kept in the data folder.
#[tauri::command]
pub async fn agreement_mark_signed(
    store: State<'_, Arc<Store>>,
    id: i64,
    date: String,
    scan: Option<String>,
) -> ApiResult<Agreement> {
    let date = agreements::signing_date(&date)?;
    let scan = match scan.as_deref().filter(|s| !s.trim().is_empty()) {
        Some(s) => Some(checked_path(s, &SCAN_EXTENSIONS)?),
        None => None,
    };
    with_conn(&store, move |conn, db_path| {
        agreements::mark_signed(
            conn,
            id,
            date,
            scan.as_deref(),
            DataDir::of_db(db_path).root(),
        )
    })
    .await
}

#[tauri::command]
pub async fn agreement_archive(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Agreement> {
    with_conn(&store, move |conn, _| agreements::archive(conn, id)).await
}

/// Opens the stored scan of a signed agreement with the system viewer.
#[tauri::command]
pub async fn agreement_open_scan(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    id: i64,
) -> ApiResult<Written> {
    let path = with_conn(&store, move |conn, db_path| {
        agreements::scan_path(conn, id, &DataDir::of_db(db_path))
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}

#[tauri::command]
pub async fn agreement_number_prefix(store: State<'_, Arc<Store>>) -> ApiResult<String> {
    with_conn(&store, |conn, _| number::prefix(conn)).await
}

/// Checks pairs before they are made: what each lacks and where to fill it in.
#[tauri::command]
pub async fn agreements_check_pairs(
    store: State<'_, Arc<Store>>,
    pairs: Vec<PairSpec>,
    options: AgreementOptions,
) -> ApiResult<Vec<Vec<PairWarning>>> {
    with_conn(&store, move |conn, _| {
        agreements::check_pairs(conn, &pairs, &options)
    })
    .await
}

/// Changes a 草拟 agreement.
#[tauri::command]
pub async fn agreement_update_draft(
    store: State<'_, Arc<Store>>,
    id: i64,
    edit: DraftEdit,
) -> ApiResult<Agreement> {
    with_conn(&store, move |conn, _| {
        agreements::update_draft(conn, id, &edit)
    })
    .await
}

/// Deletes a 草拟 agreement (it has no number yet).
#[tauri::command]
pub async fn agreement_delete(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| agreements::delete_draft(conn, id)).await
}

/// 作废: the agreement keeps its number and is left out of batches.
#[tauri::command]
pub async fn agreement_void(
    store: State<'_, Arc<Store>>,
    id: i64,
    reason: String,
) -> ApiResult<Agreement> {
    with_conn(&store, move |conn, _| {
        agreements::void(conn, id, lianxi::date::today(), &reason)
    })
    .await
}

// ---- printing ----

/// The name the save dialog offers for the chosen agreements as one `.{ext}` file.
#[tauri::command]
pub async fn agreements_file_name(
    store: State<'_, Arc<Store>>,
    ids: Vec<i64>,
    ext: String,
) -> ApiResult<String> {
    with_conn(&store, move |conn, _| {
        agreements::save_name(conn, &ids, &ext)
    })
    .await
}

/// Prints agreements (each in its number of copies, each copy from a new page) into one PDF,
/// marks the 草拟 ones 已打印, and opens the file.
#[tauri::command]
pub async fn agreements_print_pdf(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    ids: Vec<i64>,
    path: String,
    on_progress: Channel<PrintProgress>,
) -> ApiResult<Written> {
    agreements::require_selection(&ids)?;
    let path = checked_path(&path, &["pdf"])?;
    let mut progress = print_progress(&store, on_progress);
    let target = path.clone();
    let count = ids.len();
    with_conn(&store, move |conn, _| {
        let fonts = lianxi::print::saved_fonts(conn)?;
        agreements::write_agreements_pdf(conn, &ids, &fonts, &target, &mut progress)
    })
    .await?;
    Ok(Written::opened(&app, &path, count))
}

/// Prints one PDF per agreement into `dir`, marks the 草拟 ones 已打印, and opens the folder.
#[tauri::command]
pub async fn agreements_print_dir(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    ids: Vec<i64>,
    dir: String,
    on_progress: Channel<PrintProgress>,
) -> ApiResult<Written> {
    agreements::require_selection(&ids)?;
    let dir = checked_dir(&dir)?;
    let mut progress = print_progress(&store, on_progress);
    let target = dir.clone();
    let files = with_conn(&store, move |conn, _| {
        let fonts = lianxi::print::saved_fonts(conn)?;
        agreements::write_agreement_files(conn, &ids, &fonts, &target, &mut progress)
    })
    .await?;
    Ok(Written::opened(&app, &dir, files.len()))
}

/// Exports agreements (every copy, each from a new page with its own page numbers) into one
/// .docx and opens it. Nothing is numbered or marked: that happens when they are printed.
#[tauri::command]
pub async fn agreements_export_word(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    ids: Vec<i64>,
    path: String,
) -> ApiResult<Written> {
    agreements::require_selection(&ids)?;
    let path = checked_path(&path, &["docx"])?;
    let target = path.clone();
    let count = ids.len();
    with_conn(&store, move |conn, _| {
        lianxi::docx::write_agreements_docx(conn, &ids, &target)
    })
    .await?;
    Ok(Written::opened(&app, &path, count))
}
