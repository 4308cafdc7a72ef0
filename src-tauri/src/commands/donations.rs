//! 捐赠: the list with its totals, add/edit, 到账登记, 撤回, the 大写金额 tool, the labels, the
//! certificate layout and printing (the core's `donations`).

use std::sync::Arc;

use lianxi::donations::import::{
    self as dimport, DonationFieldLabel, DonationImportOptions, DonationImportPlan,
    DonationImportResult,
};
use lianxi::donations::print::{
    certificate_layout, save_certificate_layout, write_paper, CertificateLayout, DonationPaper,
};
use lianxi::donations::{
    self, AmountInWords, Donation, DonationFilter, DonationInput, DonationLabels, DonationList,
    ReceiptInput,
};
use lianxi::import::Progress;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use super::files::{checked_path, Written};
use crate::error::ApiResult;
use crate::state::{with_conn, Store};

#[tauri::command]
pub fn donation_labels() -> DonationLabels {
    donations::labels()
}

#[tauri::command]
pub async fn donations_list(
    store: State<'_, Arc<Store>>,
    filter: DonationFilter,
) -> ApiResult<DonationList> {
    with_conn(&store, move |conn, _| donations::list(conn, &filter)).await
}

#[tauri::command]
pub async fn donation_add(
    store: State<'_, Arc<Store>>,
    input: DonationInput,
    receipt: Option<ReceiptInput>,
) -> ApiResult<Donation> {
    with_conn(&store, move |conn, _| {
        donations::add(conn, &input, receipt.as_ref())
    })
    .await
}

#[tauri::command]
pub async fn donation_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: DonationInput,
) -> ApiResult<Donation> {
    with_conn(&store, move |conn, _| donations::update(conn, id, &input)).await
}

#[tauri::command]
pub async fn donation_receive(
    store: State<'_, Arc<Store>>,
    id: i64,
    receipt: ReceiptInput,
) -> ApiResult<Donation> {
    with_conn(&store, move |conn, _| {
        donations::receive(conn, id, &receipt)
    })
    .await
}

#[tauri::command]
pub async fn donation_withdraw(
    store: State<'_, Arc<Store>>,
    id: i64,
    reason: String,
) -> ApiResult<Donation> {
    with_conn(&store, move |conn, _| {
        donations::withdraw(conn, id, &reason, lianxi::date::today())
    })
    .await
}

/// An amount typed in the dialog (or the 大写金额 tool) read by the core: fen, figures, 大写.
#[tauri::command]
pub fn amount_in_words(text: String) -> ApiResult<AmountInWords> {
    Ok(donations::amount_in_words(&text)?)
}

#[tauri::command]
pub async fn certificate_layout_get(store: State<'_, Arc<Store>>) -> ApiResult<CertificateLayout> {
    with_conn(&store, |conn, _| certificate_layout(conn)).await
}

#[tauri::command]
pub async fn certificate_layout_set(
    store: State<'_, Arc<Store>>,
    layout: CertificateLayout,
) -> ApiResult<CertificateLayout> {
    with_conn(&store, move |conn, _| {
        save_certificate_layout(conn, &layout)
    })
    .await
}

/// Writes the register, the letters or the certificates of `filter` to `path` and opens it.
#[tauri::command]
pub async fn donations_print(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    paper: DonationPaper,
    filter: DonationFilter,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["pdf"])?;
    let target = path.clone();
    let n = with_conn(&store, move |conn, _| {
        let fonts = lianxi::print::saved_fonts(conn)?;
        write_paper(conn, paper, &filter, lianxi::date::today(), &fonts, &target)
    })
    .await?;
    Ok(Written::opened(&app, &path, n))
}

/// Writes the register, the letters or the certificates of `filter` to `path` as a .docx and
/// opens it; nothing is marked as printed.
#[tauri::command]
pub async fn donations_export_word(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    paper: DonationPaper,
    filter: DonationFilter,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["docx"])?;
    let target = path.clone();
    let n = with_conn(&store, move |conn, _| {
        lianxi::docx::write_donation_docx(conn, paper, &filter, lianxi::date::today(), &target)
    })
    .await?;
    Ok(Written::opened(&app, &path, n))
}

/// Reads a donation list and returns the preview; nothing is written. 取消 (`import_cancel`)
/// stops it.
#[tauri::command]
pub async fn donation_import_preview(
    store: State<'_, Arc<Store>>,
    path: String,
    options: DonationImportOptions,
    on_progress: Channel<Progress>,
) -> ApiResult<DonationImportPlan> {
    super::import::preview(
        &store,
        &path,
        on_progress,
        move |conn, worker, path, progress| {
            dimport::plan_file(conn, worker, path, &options, progress)
        },
    )
    .await
}

/// Writes a previewed plan (every row is checked again): a backup, then one batch.
#[tauri::command]
pub async fn donation_import_commit(
    store: State<'_, Arc<Store>>,
    plan: DonationImportPlan,
) -> ApiResult<DonationImportResult> {
    with_conn(&store, move |conn, path| dimport::commit(conn, path, &plan)).await
}

/// 撤销本次导入: removes the batch's donations and their receipts.
#[tauri::command]
pub async fn donation_import_undo(store: State<'_, Arc<Store>>, batch_id: i64) -> ApiResult<u32> {
    with_conn(&store, move |conn, _| dimport::undo(conn, batch_id)).await
}

#[tauri::command]
pub fn donation_import_fields() -> Vec<DonationFieldLabel> {
    dimport::field_labels()
}
