//! 成员单位: the roster.

use std::sync::Arc;

use lianxi::units::{self, HistoryEntry, PhonesCheck, Source, Unit, UnitInput, UnitLabels};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{with_conn, Store};

#[tauri::command]
pub async fn units_list(store: State<'_, Arc<Store>>) -> ApiResult<Vec<Unit>> {
    with_conn(&store, |conn, _| units::list(conn)).await
}

#[tauri::command]
pub async fn unit_create(store: State<'_, Arc<Store>>, input: UnitInput) -> ApiResult<Unit> {
    with_conn(&store, move |conn, _| {
        units::create(conn, &input, Source::Edit)
    })
    .await
}

#[tauri::command]
pub async fn unit_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: UnitInput,
) -> ApiResult<Unit> {
    with_conn(&store, move |conn, _| {
        units::update(conn, id, &input, Source::Edit)
    })
    .await
}

#[tauri::command]
pub async fn unit_leave(
    store: State<'_, Arc<Store>>,
    id: i64,
    on: Option<String>,
) -> ApiResult<Unit> {
    with_conn(&store, move |conn, _| units::leave(conn, id, on.as_deref())).await
}

#[tauri::command]
pub async fn unit_rejoin(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Unit> {
    with_conn(&store, move |conn, _| units::rejoin(conn, id)).await
}

#[tauri::command]
pub async fn unit_delete(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| units::delete(conn, id)).await
}

#[tauri::command]
pub async fn unit_history(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<Vec<HistoryEntry>> {
    with_conn(&store, move |conn, _| units::history(conn, id)).await
}

/// The labels the unit screens offer (categories, statuses).
#[tauri::command]
pub fn unit_labels() -> UnitLabels {
    units::labels()
}

/// The unit form's phone field as the core reads it (the numbers and the first problem).
#[tauri::command]
pub fn unit_check_phones(text: String) -> PhonesCheck {
    units::check_phones(&text)
}

/// The unit form's 入会时间 as typed: the problem, if any.
#[tauri::command]
pub fn unit_check_joined_on(text: String) -> Option<String> {
    units::check_joined_on(&text)
}
