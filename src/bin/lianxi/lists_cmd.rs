//! `lianxi needs|resources|projects …`: the three lists (list, add, import, undo-import) and
//! projects' claims, progress and results.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use lianxi::lists::import::{
    self as limport, ClaimantChoice, ClaimantMapping, ListImportOptions, ListImportPlan,
};
use lianxi::lists::{
    self, ClaimInput, ListKind, NeedFilter, NeedInput, Project, ProjectFilter, ProjectInput,
    ProjectStatus, ResourceFilter, ResourceInput, ResourceKind, ResultInput,
};
use lianxi::paths::DataDir;
use lianxi::text::name_key;
use lianxi::{date, lookup, Error};
use rusqlite::Connection;

/// Options shared by the three imports.
#[derive(Args)]
pub struct ImportArgs {
    /// 清单文件（.xlsx / .xls / .ods / .csv）
    file: PathBuf,
    /// 指定工作表（默认自动选择表头最匹配的可见工作表）
    #[arg(long, value_name = "NAME")]
    sheet: Option<String>,
    /// 清单所属年度（默认今年）
    #[arg(long, value_name = "Y")]
    year: Option<i32>,
    /// 清单所属会议（会议编号）
    #[arg(long, value_name = "ID")]
    meeting: Option<i64>,
    /// 只预览，不写入
    #[arg(long)]
    dry_run: bool,
    /// 以 JSON 输出预览（与 roster import 同样的结构）
    #[arg(long)]
    json: bool,
}

/// Options shared by the three lists' `list`.
#[derive(Args)]
pub struct ListArgs {
    /// 只列某一年度
    #[arg(long, value_name = "Y")]
    year: Option<i32>,
    /// 以 JSON 输出
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum NeedsAction {
    /// 列出需求
    List(ListArgs),
    /// 登记一项需求
    Add {
        /// 需求名称
        #[arg(long)]
        name: String,
        /// 年度（默认今年）
        #[arg(long, value_name = "Y")]
        year: Option<i32>,
        /// 提出方：社区或成员单位的名称（与记录一致时自动关联），或如“居民”
        #[arg(long)]
        by: Option<String>,
        /// 类别
        #[arg(long, default_value = "")]
        category: String,
        /// 需求内容
        #[arg(long, default_value = "")]
        content: String,
        /// 期望完成时间，如 2026-12-31、2026.12.31
        #[arg(long, value_name = "DATE")]
        wanted_by: Option<String>,
    },
    /// 从 Excel 导入需求清单：先预览，再写入（可撤销）
    Import(ImportArgs),
    /// 撤销一次需求清单导入（默认：最近一次未撤销的）
    UndoImport {
        /// 导入批次编号
        batch: Option<i64>,
    },
}

#[derive(Subcommand)]
pub enum ResourcesAction {
    /// 列出资源
    List(ListArgs),
    /// 登记一项资源
    Add {
        /// 资源名称
        #[arg(long)]
        name: String,
        /// 提供单位：成员单位名称（与名册一致时自动关联），或其他单位的名称
        #[arg(long)]
        unit: String,
        /// 资源类型：场地、志愿者、资金、物资、专业服务、教育基地、其他
        #[arg(long, default_value = "其他")]
        kind: String,
        /// 年度（默认今年）
        #[arg(long, value_name = "Y")]
        year: Option<i32>,
        /// 资源内容
        #[arg(long, default_value = "")]
        content: String,
    },
    /// 从 Excel 导入资源清单：先预览，再写入（可撤销）
    Import(ImportArgs),
    /// 撤销一次资源清单导入（默认：最近一次未撤销的）
    UndoImport {
        /// 导入批次编号
        batch: Option<i64>,
    },
}

#[derive(Subcommand)]
pub enum ProjectsAction {
    /// 列出共建项目
    List {
        #[command(flatten)]
        list: ListArgs,
        /// 只列某一状态：未认领、已认领、实施中、已完成
        #[arg(long)]
        status: Option<String>,
    },
    /// 登记一个共建项目
    Add {
        /// 项目名称
        #[arg(long)]
        name: String,
        /// 年度（默认会议的年度或今年）
        #[arg(long, value_name = "Y")]
        year: Option<i32>,
        /// 类别（默认：宣传宣讲、关心关爱、服务指导、区域发展，可在设置中修改）
        #[arg(long, default_value = "")]
        category: String,
        /// 项目内容
        #[arg(long, default_value = "")]
        content: String,
        /// 完成时限，如 2026-12-31
        #[arg(long, value_name = "DATE")]
        deadline: Option<String>,
        /// 认领所在的会议（会议编号）
        #[arg(long, value_name = "ID")]
        meeting: Option<i64>,
        /// 对应的需求（需求编号，可重复）
        #[arg(long = "need", value_name = "ID")]
        needs: Vec<i64>,
    },
    /// 由一项需求创建项目
    FromNeed {
        /// 需求编号
        need: i64,
        /// 项目所属的会议（会议编号或会议名称；默认为需求所属的会议）
        #[arg(long, value_name = "ID")]
        meeting: Option<String>,
    },
    /// 单位认领项目（第一个认领的单位默认牵头）
    Claim {
        /// 项目编号（如 3 或 项2026-003）
        project: String,
        /// 认领单位（名册中的名称或简称）
        #[arg(long)]
        unit: String,
        /// 设为牵头单位
        #[arg(long)]
        lead: bool,
        /// 认领承诺
        #[arg(long, default_value = "")]
        commitment: String,
        /// 认领日期（默认会议日期或今天）
        #[arg(long, value_name = "DATE")]
        on: Option<String>,
    },
    /// 取消某单位的认领
    Unclaim {
        /// 项目编号
        project: String,
        /// 认领单位
        #[arg(long)]
        unit: String,
    },
    /// 登记项目进展
    Progress {
        /// 项目编号
        project: String,
        /// 日期
        #[arg(long, value_name = "DATE")]
        on: String,
        /// 进展情况
        #[arg(long)]
        text: String,
    },
    /// 登记完成情况（附件复制到数据文件夹）
    Done {
        /// 项目编号
        project: String,
        /// 完成日期
        #[arg(long, value_name = "DATE")]
        on: String,
        /// 完成情况
        #[arg(long)]
        result: String,
        /// 附件（照片、PDF 等，可重复）
        #[arg(long = "attach", value_name = "FILE")]
        attachments: Vec<PathBuf>,
    },
    /// 从 Excel 导入项目清单（含认领单位）：先预览，再写入（可撤销）
    Import {
        #[command(flatten)]
        import: ImportArgs,
        /// 名册中没有的认领单位对应哪个成员单位：--map 文件中的名称=名册中的单位（可重复）
        #[arg(long = "map", value_name = "名称=单位")]
        map: Vec<String>,
        /// 把名册中没有的认领单位新增为成员单位（写文件中的名称，可重复）；撤销导入时一并删除
        #[arg(long = "add-unit", value_name = "名称")]
        add_units: Vec<String>,
    },
    /// 撤销一次项目清单导入（默认：最近一次未撤销的）
    UndoImport {
        /// 导入批次编号
        batch: Option<i64>,
    },
}

fn day(s: Option<&str>) -> Result<Option<chrono::NaiveDate>, Error> {
    s.map(date::parse_day).transpose()
}

/// A name typed for who raised a need: a community or a unit when it is exactly one, else text.
fn raised_by(conn: &Connection, by: &str) -> Result<NeedInput, Error> {
    let key = name_key(by);
    if let Some(c) = lianxi::org::communities(conn)?
        .into_iter()
        .find(|c| name_key(&c.name) == key)
    {
        return Ok(NeedInput {
            community_id: Some(c.id),
            ..NeedInput::default()
        });
    }
    if let Some(u) = lianxi::units::find_by_name(conn, by)? {
        return Ok(NeedInput {
            unit_id: Some(u.id),
            ..NeedInput::default()
        });
    }
    Ok(NeedInput {
        raised_by: by.to_string(),
        ..NeedInput::default()
    })
}

pub fn run_needs(conn: &mut Connection, db_path: &Path, action: NeedsAction) -> Result<(), Error> {
    match action {
        NeedsAction::List(a) => {
            let list = lists::list_needs(
                conn,
                &NeedFilter {
                    year: a.year,
                    ..NeedFilter::default()
                },
            )?;
            if a.json {
                return crate::print_json(&list);
            }
            for n in &list {
                println!(
                    "{}  {}  提出方：{}  {}  {}",
                    n.code,
                    n.name,
                    if n.raised_by.is_empty() {
                        "—"
                    } else {
                        &n.raised_by
                    },
                    n.category,
                    n.status.label()
                );
            }
            println!("共 {} 项需求。", list.len());
        }
        NeedsAction::Add {
            name,
            year,
            by,
            category,
            content,
            wanted_by,
        } => {
            let base = match by {
                Some(b) => raised_by(conn, &b)?,
                None => NeedInput::default(),
            };
            let n = lists::add_need(
                conn,
                &NeedInput {
                    name,
                    year,
                    category,
                    content,
                    wanted_by: day(wanted_by.as_deref())?,
                    ..base
                },
            )?;
            println!("已登记需求 {}（编号 {}）：{}", n.code, n.id, n.name);
        }
        NeedsAction::Import(a) => import(conn, db_path, ListKind::Needs, a, &[])?,
        NeedsAction::UndoImport { batch } => undo(conn, ListKind::Needs, batch)?,
    }
    Ok(())
}

pub fn run_resources(
    conn: &mut Connection,
    db_path: &Path,
    action: ResourcesAction,
) -> Result<(), Error> {
    match action {
        ResourcesAction::List(a) => {
            let list = lists::list_resources(
                conn,
                &ResourceFilter {
                    year: a.year,
                    ..ResourceFilter::default()
                },
            )?;
            if a.json {
                return crate::print_json(&list);
            }
            for r in &list {
                println!(
                    "{}  {}  {}  {}",
                    r.code,
                    r.name,
                    r.unit_name,
                    r.kind.label()
                );
            }
            println!("共 {} 项资源。", list.len());
        }
        ResourcesAction::Add {
            name,
            unit,
            kind,
            year,
            content,
        } => {
            let kind = ResourceKind::from_label(kind.trim()).ok_or_else(|| {
                Error::Invalid {
                    field: "kind",
                    message: format!(
                        "资源类型“{kind}”无法识别（应为 场地、志愿者、资金、物资、专业服务、教育基地 或 其他）。"
                    ),
                }
            })?;
            let member = lianxi::units::find_by_name(conn, &unit)?;
            let r = lists::add_resource(
                conn,
                &ResourceInput {
                    year,
                    unit_id: member.as_ref().map(|u| u.id),
                    unit_name: if member.is_some() {
                        String::new()
                    } else {
                        unit
                    },
                    kind,
                    name,
                    content,
                    ..ResourceInput::default()
                },
            )?;
            println!("已登记资源 {}（编号 {}）：{}", r.code, r.id, r.name);
        }
        ResourcesAction::Import(a) => import(conn, db_path, ListKind::Resources, a, &[])?,
        ResourcesAction::UndoImport { batch } => undo(conn, ListKind::Resources, batch)?,
    }
    Ok(())
}

fn show_project(p: &Project) {
    let mut line = format!("{}（编号 {}）{}", p.code, p.id, p.name);
    if !p.category.is_empty() {
        line.push_str(&format!("  [{}]", p.category));
    }
    line.push_str(&format!("  {}", p.status.label()));
    if p.overdue {
        line.push_str(&format!("  {}", lianxi::lists::OVERDUE));
    }
    if !p.claimants.is_empty() {
        line.push_str(&format!("  认领：{}", p.claimants));
    }
    if let Some(d) = p.deadline {
        line.push_str(&format!("  完成时限：{}", date::cn_date(d)));
    }
    println!("{line}");
}

pub fn run_projects(
    conn: &mut Connection,
    db_path: &Path,
    action: ProjectsAction,
) -> Result<(), Error> {
    match action {
        ProjectsAction::List { list, status } => {
            let status = match status.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(s) => Some(ProjectStatus::from_label(s).ok_or_else(|| Error::Invalid {
                    field: "status",
                    message: format!(
                        "项目状态“{s}”无法识别（应为 未认领、已认领、实施中 或 已完成）。"
                    ),
                })?),
            };
            let all = lists::list_projects(
                conn,
                &ProjectFilter {
                    year: list.year,
                    status,
                    ..ProjectFilter::default()
                },
            )?;
            if list.json {
                return crate::print_json(&all);
            }
            for p in &all {
                show_project(p);
            }
            println!("共 {} 个项目。", all.len());
        }
        ProjectsAction::Add {
            name,
            year,
            category,
            content,
            deadline,
            meeting,
            needs,
        } => {
            let p = lists::add_project(
                conn,
                &ProjectInput {
                    year,
                    name,
                    category,
                    content,
                    deadline: day(deadline.as_deref())?,
                    meeting_id: meeting,
                    need_ids: needs,
                    ..ProjectInput::default()
                },
            )?;
            print!("已登记项目：");
            show_project(&p);
        }
        ProjectsAction::FromNeed { need, meeting } => {
            let meeting = meeting
                .map(|m| lookup::meeting(conn, &m).map(|m| m.id))
                .transpose()?;
            let p = lists::project_from_need_at(conn, need, meeting)?;
            print!("已由需求创建项目：");
            show_project(&p);
        }
        ProjectsAction::Claim {
            project,
            unit,
            lead,
            commitment,
            on,
        } => {
            let p = lists::project_by_ref(conn, &project)?;
            let u = lookup::unit(conn, &unit)?;
            let p = lists::claim(
                conn,
                p.id,
                &ClaimInput {
                    unit_id: u.id,
                    lead,
                    claimed_on: day(on.as_deref())?,
                    commitment,
                    ..ClaimInput::default()
                },
            )?;
            print!("已认领：");
            show_project(&p);
        }
        ProjectsAction::Unclaim { project, unit } => {
            let p = lists::project_by_ref(conn, &project)?;
            let u = lookup::unit(conn, &unit)?;
            let p = lists::unclaim(conn, p.id, u.id)?;
            print!("已取消认领：");
            show_project(&p);
        }
        ProjectsAction::Progress { project, on, text } => {
            let p = lists::project_by_ref(conn, &project)?;
            let p = lists::add_progress(conn, p.id, date::parse_day(&on)?, &text)?;
            print!("已登记进展：");
            show_project(&p);
        }
        ProjectsAction::Done {
            project,
            on,
            result,
            attachments,
        } => {
            let p = lists::project_by_ref(conn, &project)?;
            let data = DataDir::of_db(db_path);
            let p = lists::record_result(
                conn,
                data.root(),
                p.id,
                &ResultInput {
                    done_on: Some(date::parse_day(&on)?),
                    result,
                    attachments: attachments
                        .iter()
                        .map(|a| a.display().to_string())
                        .collect(),
                },
            )?;
            print!("已登记完成情况：");
            show_project(&p);
            for a in &p.attachments {
                println!("  附件：{}（原文件 {}）", a.file, a.original_name);
            }
        }
        ProjectsAction::Import {
            import: a,
            map,
            add_units,
        } => {
            let mut mapping = Vec::new();
            for m in &map {
                let Some((name, unit)) = m.split_once('=') else {
                    return Err(Error::Invalid {
                        field: "map",
                        message: format!("“{m}”应写作 文件中的名称=名册中的单位。"),
                    });
                };
                let u = lookup::unit(conn, unit.trim())?;
                mapping.push(ClaimantMapping {
                    name: name.trim().to_string(),
                    choice: ClaimantChoice::Unit { unit_id: u.id },
                });
            }
            for name in &add_units {
                mapping.push(ClaimantMapping {
                    name: name.trim().to_string(),
                    choice: ClaimantChoice::New,
                });
            }
            import(conn, db_path, ListKind::Projects, a, &mapping)?;
        }
        ProjectsAction::UndoImport { batch } => undo(conn, ListKind::Projects, batch)?,
    }
    Ok(())
}

fn import(
    conn: &mut Connection,
    db_path: &Path,
    kind: ListKind,
    a: ImportArgs,
    mapping: &[ClaimantMapping],
) -> Result<(), Error> {
    let options = ListImportOptions {
        sheet: a.sheet,
        year: a.year,
        meeting_id: a.meeting,
        mappings: Vec::new(),
    };
    let worker = lianxi::import::bounded::Worker::current_exe()?;
    let plan = limport::plan_file(
        conn,
        &worker,
        kind,
        &a.file,
        &options,
        &mut lianxi::import::no_progress,
    )?;
    let empty = plan.counts.new == 0;
    let result = if a.dry_run || empty {
        None
    } else {
        Some(limport::commit(conn, db_path, &plan, mapping)?)
    };
    if a.json {
        let mut value = serde_json::to_value(&plan).map_err(|e| Error::Conflict(e.to_string()))?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert(
                "batch".into(),
                serde_json::to_value(&result).map_err(|e| Error::Conflict(e.to_string()))?,
            );
        }
        return crate::print_json(&value);
    }
    summary(&plan);
    let cmd = match kind {
        ListKind::Needs => "needs",
        ListKind::Resources => "resources",
        ListKind::Projects => "projects",
    };
    match result {
        None if a.dry_run => println!("（预览，未写入。去掉 --dry-run 即可导入。）"),
        None => println!("没有可以导入的记录。"),
        Some(r) => {
            println!(
                "已导入 {} 条（认领 {} 项；批次 {}，导入前已自动备份 {}）。如需撤销：lianxi {cmd} undo-import {}",
                r.imported, r.claims, r.batch_id, r.backup_id, r.batch_id
            );
            if !r.added_units.is_empty() {
                println!(
                    "新增成员单位 {} 家：{}（属于本批导入，撤销导入时一并删除）。",
                    r.added_units.len(),
                    r.added_units.join("、")
                );
            }
            if !r.skipped_claimants.is_empty() {
                println!(
                    "以下认领单位不在名册中且未指定对应单位，其认领未导入：{}（可用 --map 名称=单位 指定，或 --add-unit 名称 新增）",
                    r.skipped_claimants.join("、")
                );
            }
        }
    }
    Ok(())
}

fn summary(plan: &ListImportPlan) {
    let c = plan.counts;
    println!(
        "工作表：{}（{}年{}）；可导入 {} 条，已有 {}，错误行 {}，跳过 {}",
        plan.sheet,
        plan.year,
        plan.kind.label(),
        c.new,
        c.existing,
        c.error_rows,
        c.ignored_rows
    );
    if plan.kind == ListKind::Projects {
        println!(
            "认领单位 {} 个：名册中 {}，名册外 {}",
            c.claims, c.matched_claims, c.unmatched_claims
        );
    }
    crate::print_problems(
        plan.problems
            .iter()
            .map(|p| (p.severity, p.message.as_str())),
    );
}

fn undo(conn: &mut Connection, kind: ListKind, batch: Option<i64>) -> Result<(), Error> {
    let id = match batch {
        Some(id) => id,
        None => limport::latest_batch(conn, kind)?.ok_or_else(|| Error::UndoRefused {
            reason: format!("没有可以撤销的{}导入。", kind.label()),
        })?,
    };
    let r = limport::undo(conn, kind, id)?;
    print!(
        "已撤销第 {id} 批{}导入：删除 {} 条",
        kind.label(),
        r.removed
    );
    if r.removed_units.is_empty() {
        println!("。");
    } else {
        println!(
            "，并删除本批新增的成员单位 {} 家：{}。",
            r.removed_units.len(),
            r.removed_units.join("、")
        );
    }
    Ok(())
}
