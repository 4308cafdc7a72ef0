//! The year at a glance (年度概览) and the choices the screens offer.

use rusqlite::Connection;

use super::categories::categories;
use super::{
    list_needs, list_projects, list_resources, ListKind, ListsOverview, NeedFilter, NeedStatus,
    Project, ProjectFilter, ProjectStatus, ResourceFilter, ResourceKind, StatusCount,
};
use crate::error::Result;

/// The choices the screens offer (statuses, resource types, categories, import columns).
pub fn labels(conn: &Connection) -> Result<super::ListLabels> {
    let names = |v: &[&'static str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Ok(super::ListLabels {
        need_statuses: names(
            &NeedStatus::ALL
                .iter()
                .map(|s| s.label())
                .collect::<Vec<_>>(),
        ),
        project_statuses: names(
            &ProjectStatus::ALL
                .iter()
                .map(|s| s.label())
                .collect::<Vec<_>>(),
        ),
        resource_kinds: names(
            &ResourceKind::ALL
                .iter()
                .map(|s| s.label())
                .collect::<Vec<_>>(),
        ),
        categories: categories(conn)?,
        need_fields: super::import::field_labels(ListKind::Needs),
        resource_fields: super::import::field_labels(ListKind::Resources),
        project_fields: super::import::field_labels(ListKind::Projects),
        overdue: super::OVERDUE.into(),
        attachment_extensions: super::ATTACHMENT_EXTENSIONS.map(String::from).to_vec(),
        tabs: super::tab_labels(),
    })
}

/// The year at a glance: counts by status, every project (unclaimed first, then overdue),
/// and the overdue ones.
pub fn overview(conn: &Connection, year: i32) -> Result<ListsOverview> {
    let needs = list_needs(
        conn,
        &NeedFilter {
            year: Some(year),
            ..NeedFilter::default()
        },
    )?;
    let resources = list_resources(
        conn,
        &ResourceFilter {
            year: Some(year),
            ..ResourceFilter::default()
        },
    )?;
    let mut projects = list_projects(
        conn,
        &ProjectFilter {
            year: Some(year),
            ..ProjectFilter::default()
        },
    )?;
    let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
    let needs_by_status = NeedStatus::ALL
        .iter()
        .map(|s| StatusCount {
            status: s.label().to_string(),
            count: count(needs.iter().filter(|n| n.status == *s).count()),
        })
        .collect();
    let projects_by_status = ProjectStatus::ALL
        .iter()
        .map(|s| StatusCount {
            status: s.label().to_string(),
            count: count(projects.iter().filter(|p| p.status == *s).count()),
        })
        .collect();
    let mut units: Vec<i64> = projects
        .iter()
        .flat_map(|p| p.claims.iter().map(|c| c.unit_id))
        .collect();
    units.sort_unstable();
    units.dedup();
    projects.sort_by_key(|p| (p.status != ProjectStatus::Unclaimed, !p.overdue, p.number));
    let mut overdue: Vec<Project> = projects.iter().filter(|p| p.overdue).cloned().collect();
    overdue.sort_by_key(|p| (p.deadline, p.number));
    Ok(ListsOverview {
        year,
        needs: count(needs.len()),
        resources: count(resources.len()),
        projects: count(projects.len()),
        needs_by_status,
        projects_by_status,
        overdue_count: count(overdue.len()),
        claiming_units: count(units.len()),
        projects_list: projects,
        overdue,
    })
}
