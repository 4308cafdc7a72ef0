//! Communities and branches.

use crate::org::{self, Branch, Community, CommunityInput};

crate::app_commands! {
    pub fn communities_list(ctx) -> Vec<Community> {
        ctx.with_conn(|conn, _| org::communities(conn))
    }

    pub fn branches_list(ctx) -> Vec<Branch> {
        ctx.with_conn(|conn, _| org::branches(conn))
    }

    pub fn community_create(ctx, input: CommunityInput) -> Community {
        ctx.with_conn(move |conn, _| org::create_community(conn, &input))
    }

    pub fn community_update(ctx, id: i64, input: CommunityInput) -> Community {
        ctx.with_conn(move |conn, _| org::update_community(conn, id, &input))
    }

    /// Merges community `from` into `into`; returns `into` as it now is.
    pub fn community_merge(ctx, from: i64, into: i64) -> Community {
        ctx.with_conn(move |conn, _| org::merge_communities(conn, from, into))
    }

    pub fn community_delete(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| org::delete_community(conn, id))
    }

    pub fn branch_create(ctx, name: String) -> Branch {
        ctx.with_conn(move |conn, _| org::create_branch(conn, &name))
    }

    pub fn branch_rename(ctx, id: i64, name: String) -> Branch {
        ctx.with_conn(move |conn, _| org::rename_branch(conn, id, &name))
    }

    pub fn branch_merge(ctx, from: i64, into: i64) -> Branch {
        ctx.with_conn(move |conn, _| org::merge_branches(conn, from, into))
    }

    pub fn branch_delete(ctx, id: i64) -> () {
        ctx.with_conn(move |conn, _| org::delete_branch(conn, id))
    }
}
