//! 三张清单: needs, resources and projects with their claims, progress notes and results; the
//! categories; the overview of a year (the core's `lists`). Each command is glue.

use std::sync::Arc;

use lianxi::import::Progress;
use lianxi::lists::import::{
    self as limport, ClaimantMapping, ListFieldLabel, ListImportOptions, ListImportPlan,
    ListImportResult,
};
use lianxi::lists::print::ListsDocument;
use lianxi::lists::{
    self, ClaimInput, ListKind, ListLabels, ListsOverview, Need, NeedFilter, NeedInput, Project,
    ProjectFilter, ProjectInput, Resource, ResourceFilter, ResourceInput, ResultInput,
};
use lianxi::paths::DataDir;
use tauri::ipc::Channel;
use tauri::{AppHandle, State};

use super::files::{checked_path, Written};
use crate::error::ApiResult;
use crate::state::{with_conn, Store};

/// The choices the screens offer (statuses, resource types, categories, import columns).
#[tauri::command]
pub async fn lists_labels(store: State<'_, Arc<Store>>) -> ApiResult<ListLabels> {
    with_conn(&store, |conn, _| lists::labels(conn)).await
}

#[tauri::command]
pub async fn lists_overview(store: State<'_, Arc<Store>>, year: i32) -> ApiResult<ListsOverview> {
    with_conn(&store, move |conn, _| lists::overview(conn, year)).await
}

// ---- 需求 ----

#[tauri::command]
pub async fn needs_list(store: State<'_, Arc<Store>>, filter: NeedFilter) -> ApiResult<Vec<Need>> {
    with_conn(&store, move |conn, _| lists::list_needs(conn, &filter)).await
}

#[tauri::command]
pub async fn need_add(store: State<'_, Arc<Store>>, input: NeedInput) -> ApiResult<Need> {
    with_conn(&store, move |conn, _| lists::add_need(conn, &input)).await
}

#[tauri::command]
pub async fn need_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: NeedInput,
) -> ApiResult<Need> {
    with_conn(&store, move |conn, _| lists::update_need(conn, id, &input)).await
}

#[tauri::command]
pub async fn need_delete(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| lists::delete_need(conn, id)).await
}

/// 据此立项: a project made from a need (linked to it).
#[tauri::command]
pub async fn project_from_need(store: State<'_, Arc<Store>>, need_id: i64) -> ApiResult<Project> {
    with_conn(&store, move |conn, _| {
        lists::project_from_need(conn, need_id)
    })
    .await
}

// ---- 资源 ----

#[tauri::command]
pub async fn resources_list(
    store: State<'_, Arc<Store>>,
    filter: ResourceFilter,
) -> ApiResult<Vec<Resource>> {
    with_conn(&store, move |conn, _| lists::list_resources(conn, &filter)).await
}

#[tauri::command]
pub async fn resource_add(
    store: State<'_, Arc<Store>>,
    input: ResourceInput,
) -> ApiResult<Resource> {
    with_conn(&store, move |conn, _| lists::add_resource(conn, &input)).await
}

#[tauri::command]
pub async fn resource_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: ResourceInput,
) -> ApiResult<Resource> {
    with_conn(&store, move |conn, _| {
        lists::update_resource(conn, id, &input)
    })
    .await
}

#[tauri::command]
pub async fn resource_delete(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| lists::delete_resource(conn, id)).await
}

// ---- 项目 ----

#[tauri::command]
pub async fn projects_list(
    store: State<'_, Arc<Store>>,
    filter: ProjectFilter,
) -> ApiResult<Vec<Project>> {
    with_conn(&store, move |conn, _| lists::list_projects(conn, &filter)).await
}

#[tauri::command]
pub async fn project_get(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Project> {
    with_conn(&store, move |conn, _| lists::get_project(conn, id)).await
}

#[tauri::command]
pub async fn project_add(store: State<'_, Arc<Store>>, input: ProjectInput) -> ApiResult<Project> {
    with_conn(&store, move |conn, _| lists::add_project(conn, &input)).await
}

#[tauri::command]
pub async fn project_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: ProjectInput,
) -> ApiResult<Project> {
    with_conn(&store, move |conn, _| {
        lists::update_project(conn, id, &input)
    })
    .await
}

#[tauri::command]
pub async fn project_delete(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| lists::delete_project(conn, id)).await
}

/// 认领: the units picked in one dialog claim the project together (one transaction).
#[tauri::command]
pub async fn project_claim(
    store: State<'_, Arc<Store>>,
    id: i64,
    claims: Vec<ClaimInput>,
) -> ApiResult<Project> {
    with_conn(&store, move |conn, _| lists::claim_many(conn, id, &claims)).await
}

#[tauri::command]
pub async fn project_unclaim(
    store: State<'_, Arc<Store>>,
    id: i64,
    unit_id: i64,
) -> ApiResult<Project> {
    with_conn(&store, move |conn, _| lists::unclaim(conn, id, unit_id)).await
}

#[tauri::command]
pub async fn project_set_lead(
    store: State<'_, Arc<Store>>,
    id: i64,
    unit_id: i64,
) -> ApiResult<Project> {
    with_conn(&store, move |conn, _| lists::set_lead(conn, id, unit_id)).await
}

#[tauri::command]
pub async fn project_progress_add(
    store: State<'_, Arc<Store>>,
    id: i64,
    on: String,
    text: String,
) -> ApiResult<Project> {
    with_conn(&store, move |conn, _| {
        let on = lianxi::date::parse_day(&on)?;
        lists::add_progress(conn, id, on, &text)
    })
    .await
}

#[tauri::command]
pub async fn project_progress_delete(
    store: State<'_, Arc<Store>>,
    note_id: i64,
) -> ApiResult<Project> {
    with_conn(&store, move |conn, _| lists::delete_progress(conn, note_id)).await
}

/// 完成情况: the date, the text and files picked in the dialog (copied into the data folder).
#[tauri::command]
pub async fn project_result(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: ResultInput,
) -> ApiResult<Project> {
    for a in &input.attachments {
        checked_path(a, &lists::ATTACHMENT_EXTENSIONS)?;
    }
    with_conn(&store, move |conn, db_path| {
        lists::record_result(conn, DataDir::of_db(db_path).root(), id, &input)
    })
    .await
}

/// 撤销完成登记: the result and its files are removed; the project is open again.
#[tauri::command]
pub async fn project_result_clear(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Project> {
    with_conn(&store, move |conn, db_path| {
        lists::clear_result(conn, DataDir::of_db(db_path).root(), id)
    })
    .await
}

/// Removes one file of a result (and its copy in the data folder).
#[tauri::command]
pub async fn project_attachment_remove(
    store: State<'_, Arc<Store>>,
    attachment_id: i64,
) -> ApiResult<Project> {
    with_conn(&store, move |conn, db_path| {
        lists::remove_attachment(conn, DataDir::of_db(db_path).root(), attachment_id)
    })
    .await
}

/// Opens a file kept with a project's result with the system viewer.
#[tauri::command]
pub async fn project_open_attachment(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    id: i64,
    attachment_id: i64,
) -> ApiResult<Written> {
    let path = with_conn(&store, move |conn, db_path| {
        lists::attachment_path(conn, &DataDir::of_db(db_path), id, attachment_id)
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}

// ---- 项目类别 ----

#[tauri::command]
pub async fn project_categories(store: State<'_, Arc<Store>>) -> ApiResult<Vec<String>> {
    with_conn(&store, |conn, _| lists::categories(conn)).await
}

#[tauri::command]
pub async fn project_categories_set(
    store: State<'_, Arc<Store>>,
    categories: Vec<String>,
) -> ApiResult<Vec<String>> {
    with_conn(&store, move |conn, _| {
        lists::set_categories(conn, &categories)
    })
    .await
}

// ---- 导入 ----

/// The fields a column of `kind`'s sheet can be imported as, with their labels.
#[tauri::command]
pub fn list_import_fields(kind: ListKind) -> Vec<ListFieldLabel> {
    limport::field_labels(kind)
}

/// Reads a list and returns the preview; nothing is written. 取消 (`import_cancel`) stops it.
#[tauri::command]
pub async fn list_import_preview(
    store: State<'_, Arc<Store>>,
    kind: ListKind,
    path: String,
    options: ListImportOptions,
    on_progress: Channel<Progress>,
) -> ApiResult<ListImportPlan> {
    super::import::preview(
        &store,
        &path,
        on_progress,
        move |conn, worker, path, progress| {
            limport::plan_file(conn, worker, kind, path, &options, progress)
        },
    )
    .await
}

/// Writes a previewed plan (every row is checked again) with the user's choice for each
/// claimant not on the roster (a unit, a new unit in the batch, or left out): a backup, then
/// one undoable batch.
#[tauri::command]
pub async fn list_import_commit(
    store: State<'_, Arc<Store>>,
    plan: ListImportPlan,
    claimants: Vec<ClaimantMapping>,
) -> ApiResult<ListImportResult> {
    with_conn(&store, move |conn, path| {
        limport::commit(conn, path, &plan, &claimants)
    })
    .await
}

/// 撤销本次导入: removes what the batch added, the member units it added included.
#[tauri::command]
pub async fn list_import_undo(
    store: State<'_, Arc<Store>>,
    kind: ListKind,
    batch_id: i64,
) -> ApiResult<limport::ListUndoSummary> {
    with_conn(&store, move |conn, _| limport::undo(conn, kind, batch_id)).await
}

// ---- 打印 ----

/// The papers of the lists, in order (三张清单, 项目认领表, 完成情况通报).
#[tauri::command]
pub fn lists_documents() -> Vec<lianxi::lists::print::ListsDocumentInfo> {
    lianxi::lists::print::documents()
}

/// Writes one paper of `year` to `path` (a .pdf) and opens it.
#[tauri::command]
pub async fn lists_print(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    what: ListsDocument,
    year: i32,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["pdf"])?;
    let target = path.clone();
    with_conn(&store, move |conn, _| {
        let fonts = lianxi::print::saved_fonts(conn)?;
        lists::print::write_paper(conn, what, year, &fonts, &target)
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}

/// Writes one paper of `year` to `path` as a .docx (the same content as its PDF) and opens it.
#[tauri::command]
pub async fn lists_export_word(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    what: ListsDocument,
    year: i32,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["docx"])?;
    let target = path.clone();
    with_conn(&store, move |conn, _| {
        lianxi::docx::write_lists_docx(conn, what, year, &target)
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}
