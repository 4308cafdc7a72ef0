//! Communities and branches.

use std::sync::Arc;

use lianxi::org::{self, Branch, Community};
use tauri::State;

use crate::error::ApiResult;
use crate::state::{with_conn, Store};

#[tauri::command]
pub async fn communities_list(store: State<'_, Arc<Store>>) -> ApiResult<Vec<Community>> {
    with_conn(&store, |conn, _| org::communities(conn)).await
}

#[tauri::command]
pub async fn branches_list(store: State<'_, Arc<Store>>) -> ApiResult<Vec<Branch>> {
    with_conn(&store, |conn, _| org::branches(conn)).await
}
