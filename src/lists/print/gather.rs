//! The papers gathered from the store: `lists_paper`, `claims_paper` and `progress_paper`
//! (`&Connection, year`).

use rusqlite::Connection;

use super::progress::no_projects_to_report;
use super::rows::{
    ClaimRow, ClaimsPaper, ListsPaper, NeedRow, ProgressPaper, ProjectRow, ResourceRow,
};
use crate::error::{Error, Result};
use crate::lists::{self, Need, NeedFilter, Project, ProjectFilter, ProjectStatus, ResourceFilter};
use crate::street::{self, StreetField, StreetProfile};

/// A project of the store as the papers print it (`codes`: need id → code).
fn project_row(p: &Project, codes: &[(i64, String)]) -> ProjectRow {
    ProjectRow {
        code: p.code.clone(),
        name: p.name.clone(),
        category: p.category.clone(),
        content: p.content.clone(),
        needs: p
            .need_ids
            .iter()
            .filter_map(|id| codes.iter().find(|(n, _)| n == id).map(|(_, c)| c.clone()))
            .collect(),
        deadline: p.deadline,
        status: p.status.label().to_string(),
        overdue: p.overdue,
        claims: p
            .claims
            .iter()
            .map(|c| ClaimRow {
                unit: c.unit_name.clone(),
                lead: c.lead,
                contact: c.contact.clone(),
                phone: c.phone.clone(),
            })
            .collect(),
        last_progress: p.progress.last().map(|n| (n.noted_on, n.text.clone())),
        result: p
            .result_on
            .filter(|_| !p.result.trim().is_empty())
            .map(|on| (on, p.result.clone())),
    }
}

fn projects_of(conn: &Connection, year: i32) -> Result<Vec<Project>> {
    lists::list_projects(
        conn,
        &ProjectFilter {
            year: Some(year),
            ..ProjectFilter::default()
        },
    )
}

fn needs_of(conn: &Connection, year: i32) -> Result<Vec<Need>> {
    lists::list_needs(
        conn,
        &NeedFilter {
            year: Some(year),
            ..NeedFilter::default()
        },
    )
}

/// The projects of `year` as printed, the need codes they answer looked up (a need of
/// another year by its id).
fn project_rows(
    conn: &Connection,
    projects: &[Project],
    needs: &[Need],
) -> Result<Vec<ProjectRow>> {
    let mut codes: Vec<(i64, String)> = needs.iter().map(|n| (n.id, n.code.clone())).collect();
    for id in projects.iter().flat_map(|p| p.need_ids.iter()) {
        if !codes.iter().any(|(n, _)| n == id) {
            codes.push((*id, lists::get_need(conn, *id)?.code));
        }
    }
    Ok(projects.iter().map(|p| project_row(p, &codes)).collect())
}

/// The joint meeting's name from the street's profile (empty when it has no name yet).
fn meeting_name(conn: &Connection) -> Result<String> {
    Ok(street::get(conn)?.meeting_name())
}

/// 三张清单 of `year`, from the store.
pub fn lists_paper(conn: &Connection, year: i32) -> Result<ListsPaper> {
    let needs = needs_of(conn, year)?;
    let resources = lists::list_resources(
        conn,
        &ResourceFilter {
            year: Some(year),
            ..ResourceFilter::default()
        },
    )?;
    Ok(ListsPaper {
        year,
        meeting_name: meeting_name(conn)?,
        projects: project_rows(conn, &projects_of(conn, year)?, &needs)?,
        needs: needs
            .into_iter()
            .map(|n| NeedRow {
                code: n.code,
                name: n.name,
                raised_by: n.raised_by,
                category: n.category,
                content: n.content,
                scale: n.scale,
                wanted_by: n.wanted_by,
                contact: n.contact,
                phone: n.phone,
                status: n.status.label().to_string(),
            })
            .collect(),
        resources: resources
            .into_iter()
            .map(|r| {
                let (contact, phone) = resource_contact(conn, &r)?;
                Ok(ResourceRow {
                    code: r.code,
                    unit: r.unit_name,
                    kind: r.kind.label().to_string(),
                    name: r.name,
                    content: r.content,
                    availability: r.availability,
                    capacity: r.capacity,
                    contact,
                    phone,
                })
            })
            .collect::<Result<_>>()?,
    })
}

/// Who to call about a resource: its own contact and phone; when it has neither and a member
/// unit offers it, the unit's 联系人 and 联系电话 from the roster (the same person the unit
/// named for the joint meeting).
fn resource_contact(conn: &Connection, r: &lists::Resource) -> Result<(String, String)> {
    if !r.contact.trim().is_empty() || !r.phone.trim().is_empty() {
        return Ok((r.contact.clone(), r.phone.clone()));
    }
    let unit = match r.unit_id.map(|id| crate::units::get(conn, id)) {
        Some(Ok(u)) => u,
        Some(Err(Error::NotFound { .. })) | None => return Ok((String::new(), String::new())),
        Some(Err(e)) => return Err(e),
    };
    Ok((unit.details.contact.clone(), unit.details.phones.join("、")))
}

/// 项目认领表 of `year`, from the store.
pub fn claims_paper(conn: &Connection, year: i32) -> Result<ClaimsPaper> {
    Ok(ClaimsPaper {
        year,
        meeting_name: meeting_name(conn)?,
        projects: project_rows(conn, &projects_of(conn, year)?, &needs_of(conn, year)?)?,
    })
}

/// 完成情况通报 of `year`, from the store: the counts by status in the core's order, and the
/// date the facts stand at (the latest claim, progress note or result recorded), so that
/// the same data gives the same paper on any day. Needs the street's issuer (印发机关, else
/// its party organisation).
pub fn progress_paper(conn: &Connection, year: i32) -> Result<ProgressPaper> {
    let projects = projects_of(conn, year)?;
    if projects.is_empty() {
        return Err(no_projects_to_report(year));
    }
    let profile = street::get(conn)?;
    let issuer = profile.issuer();
    if issuer.is_empty() {
        return Err(StreetProfile::missing_error(
            StreetField::PartyOrg,
            "打印完成情况通报",
        ));
    }
    let as_of = projects
        .iter()
        .flat_map(|p| {
            p.claims
                .iter()
                .filter_map(|c| c.claimed_on)
                .chain(p.progress.iter().map(|n| n.noted_on))
                .chain(p.result_on)
        })
        .max();
    let by_status = ProjectStatus::ALL
        .iter()
        .map(|s| {
            let n = projects.iter().filter(|p| p.status == *s).count();
            (s.label().to_string(), n)
        })
        .collect();
    // Overdue as of the 截至 day, by the store's one rule: the paper's date and its count of
    // overdue projects never disagree (the store's own flag is judged by today's clock). With
    // nothing recorded there is no 截至 day, and nothing is called overdue.
    let mut rows = project_rows(conn, &projects, &needs_of(conn, year)?)?;
    for (row, p) in rows.iter_mut().zip(&projects) {
        row.overdue = as_of.is_some_and(|d| lists::overdue_on(p.status, p.deadline, d));
    }
    Ok(ProgressPaper {
        year,
        meeting_name: profile.meeting_name(),
        issuer,
        as_of,
        by_status,
        projects: rows,
    })
}
