//! 会议纪要 and 信息稿: glue over `lianxi::minutes` (draft on first use, save, rebuild the
//! lists from the sign-in data, 定稿 / 重新打开, the page preview, PDFs, the plain text).

use std::sync::Arc;

use lianxi::minutes::{self, Minutes, MinutesEdit, NewsDraft, NewsEdit, PreviewBlock};
use tauri::{AppHandle, State};

use super::files::{checked_path, Written};
use crate::error::ApiResult;
use crate::state::{with_conn, Store};

/// The meeting's 纪要: the stored one, else a draft from its data that is not saved (viewing
/// writes nothing).
#[tauri::command]
pub async fn minutes_get(store: State<'_, Arc<Store>>, meeting_id: i64) -> ApiResult<Minutes> {
    with_conn(&store, move |conn, _| minutes::current(conn, meeting_id)).await
}

/// Saves the editable parts (refused when finalised).
#[tauri::command]
pub async fn minutes_save(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    edit: MinutesEdit,
) -> ApiResult<Minutes> {
    with_conn(&store, move |conn, _| {
        minutes::save(conn, meeting_id, &edit)
    })
    .await
}

/// 从签到数据重新生成出席名单.
#[tauri::command]
pub async fn minutes_rebuild(store: State<'_, Arc<Store>>, meeting_id: i64) -> ApiResult<Minutes> {
    with_conn(&store, move |conn, _| {
        minutes::rebuild_lists(conn, meeting_id)
    })
    .await
}

/// 定稿.
#[tauri::command]
pub async fn minutes_finalise(store: State<'_, Arc<Store>>, meeting_id: i64) -> ApiResult<Minutes> {
    with_conn(&store, move |conn, _| minutes::finalise(conn, meeting_id)).await
}

/// 重新打开.
#[tauri::command]
pub async fn minutes_reopen(store: State<'_, Arc<Store>>, meeting_id: i64) -> ApiResult<Minutes> {
    with_conn(&store, move |conn, _| minutes::reopen(conn, meeting_id)).await
}

/// The page preview of the 纪要 as edited (nothing saved).
#[tauri::command]
pub async fn minutes_preview(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    edit: MinutesEdit,
) -> ApiResult<Vec<PreviewBlock>> {
    with_conn(&store, move |conn, _| {
        minutes::minutes_preview(conn, meeting_id, &edit)
    })
    .await
}

/// Writes the 纪要 PDF to `path` and opens it.
#[tauri::command]
pub async fn minutes_print(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["pdf"])?;
    let target = path.clone();
    with_conn(&store, move |conn, _| {
        let fonts = lianxi::print::saved_fonts(conn)?;
        let bytes = minutes::minutes_pdf(conn, meeting_id, &fonts)?;
        lianxi::print::write_file(&target, &bytes)
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}

/// The meeting's 信息稿: the stored one, else a draft from its data that is not saved
/// (`updated_at` empty; viewing writes nothing).
#[tauri::command]
pub async fn news_get(store: State<'_, Arc<Store>>, meeting_id: i64) -> ApiResult<NewsDraft> {
    with_conn(&store, move |conn, _| minutes::current_news(conn, meeting_id)).await
}

/// Saves an edited 信息稿.
#[tauri::command]
pub async fn news_save(
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    edit: NewsEdit,
) -> ApiResult<NewsDraft> {
    with_conn(&store, move |conn, _| {
        minutes::save_news(conn, meeting_id, &edit)
    })
    .await
}

/// Drafts the 信息稿 again from the meeting's data.
#[tauri::command]
pub async fn news_reset(store: State<'_, Arc<Store>>, meeting_id: i64) -> ApiResult<NewsDraft> {
    with_conn(&store, move |conn, _| minutes::reset_news(conn, meeting_id)).await
}

/// The 信息稿 as plain text for WeChat (the stored one, else a draft that is not saved).
#[tauri::command]
pub async fn news_text(store: State<'_, Arc<Store>>, meeting_id: i64) -> ApiResult<String> {
    with_conn(&store, move |conn, _| {
        minutes::current_news(conn, meeting_id).map(|n| minutes::news_text(&n))
    })
    .await
}

/// Writes the 信息稿 PDF to `path` and opens it.
#[tauri::command]
pub async fn news_print(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["pdf"])?;
    let target = path.clone();
    with_conn(&store, move |conn, _| {
        let fonts = lianxi::print::saved_fonts(conn)?;
        let bytes = minutes::news_pdf(conn, meeting_id, &fonts)?;
        lianxi::print::write_file(&target, &bytes)
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}

/// Writes the 纪要 or (with `news`) the 信息稿 to `path` as a .docx and opens it.
#[tauri::command]
pub async fn minutes_export_word(
    app: AppHandle,
    store: State<'_, Arc<Store>>,
    meeting_id: i64,
    news: bool,
    path: String,
) -> ApiResult<Written> {
    let path = checked_path(&path, &["docx"])?;
    let target = path.clone();
    with_conn(&store, move |conn, _| {
        if news {
            lianxi::docx::write_news_docx(conn, meeting_id, &target)
        } else {
            lianxi::docx::write_minutes_docx(conn, meeting_id, &target)
        }
    })
    .await?;
    Ok(Written::opened(&app, &path, 1))
}
