//! Communities and branches.

use std::sync::Arc;

use lianxi::org::{self, Branch, Community, CommunityInput};
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

#[tauri::command]
pub async fn community_create(
    store: State<'_, Arc<Store>>,
    input: CommunityInput,
) -> ApiResult<Community> {
    with_conn(&store, move |conn, _| org::create_community(conn, &input)).await
}

#[tauri::command]
pub async fn community_update(
    store: State<'_, Arc<Store>>,
    id: i64,
    input: CommunityInput,
) -> ApiResult<Community> {
    with_conn(&store, move |conn, _| {
        org::update_community(conn, id, &input)
    })
    .await
}

/// Merges community `from` into `into`; returns `into` as it now is.
#[tauri::command]
pub async fn community_merge(
    store: State<'_, Arc<Store>>,
    from: i64,
    into: i64,
) -> ApiResult<Community> {
    with_conn(&store, move |conn, _| {
        org::merge_communities(conn, from, into)
    })
    .await
}

#[tauri::command]
pub async fn community_delete(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| org::delete_community(conn, id)).await
}

#[tauri::command]
pub async fn branch_create(store: State<'_, Arc<Store>>, name: String) -> ApiResult<Branch> {
    with_conn(&store, move |conn, _| org::create_branch(conn, &name)).await
}

#[tauri::command]
pub async fn branch_rename(
    store: State<'_, Arc<Store>>,
    id: i64,
    name: String,
) -> ApiResult<Branch> {
    with_conn(&store, move |conn, _| org::rename_branch(conn, id, &name)).await
}

#[tauri::command]
pub async fn branch_merge(store: State<'_, Arc<Store>>, from: i64, into: i64) -> ApiResult<Branch> {
    with_conn(&store, move |conn, _| org::merge_branches(conn, from, into)).await
}

#[tauri::command]
pub async fn branch_delete(store: State<'_, Arc<Store>>, id: i64) -> ApiResult<()> {
    with_conn(&store, move |conn, _| org::delete_branch(conn, id)).await
}
