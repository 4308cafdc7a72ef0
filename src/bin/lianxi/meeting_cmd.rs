//! `lianxi meeting list|show|create|set|copy|status|invite|reply|signin|agenda|speech`.

use clap::{Args, Subcommand};
use lianxi::meetings::agenda::AgendaInput;
use lianxi::meetings::attendance::{InviteScope, Invitee, Reply};
use lianxi::meetings::speeches::SpeechInput;
use lianxi::meetings::{self, agenda, attendance, codes, speeches, MeetingInput, StatusAction};
use lianxi::{lookup, Error};
use rusqlite::Connection;
use serde::Serialize;

#[derive(Subcommand)]
pub enum MeetingAction {
    /// 列出会议
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 显示一次会议的全部筹备信息
    Show {
        /// 会议编号（见 meeting list）
        id: i64,
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 新建会议（状态为筹备中），输出会议编号
    Create {
        /// 会议名称，如 2026年联席会年会
        #[arg(long)]
        title: String,
        /// 会议类型，如 年会、季度会（写错时会列出全部可选类型）
        #[arg(long)]
        kind: String,
        /// 日期：年-月-日，如 2026-09-21
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        /// 开始时间：时:分，如 14:30
        #[arg(long, value_name = "HH:MM")]
        time: Option<String>,
        /// 地点
        #[arg(long, default_value = "")]
        venue: String,
        /// 主题
        #[arg(long, default_value = "")]
        theme: String,
        /// 主持人，如 街道党工委副书记 周立新
        #[arg(long, value_name = "PERSON", default_value = "")]
        chair: String,
        /// 记录人
        #[arg(long, value_name = "PERSON", default_value = "")]
        recorder: String,
        /// 以 JSON 输出新建的会议
        #[arg(long)]
        json: bool,
    },
    /// 修改会议信息：只改给出的项，给出空字符串（""）则清空该项（名称、类型不能清空）
    Set {
        /// 会议编号或会议名称
        meeting: String,
        #[command(flatten)]
        fields: Box<SetArgs>,
        /// 以 JSON 输出修改后的会议
        #[arg(long)]
        json: bool,
    },
    /// 以上一次会议为蓝本新建会议（沿用主题、邀请、议程、发言；回复与签到清空），输出会议编号
    Copy {
        /// 作为蓝本的会议（编号或名称）
        #[arg(long, value_name = "ID")]
        from: String,
        /// 新会议的名称
        #[arg(long)]
        title: String,
        /// 新会议的日期：年-月-日（不填时日期未定）
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
    },
    /// 会议状态：不带选项时显示状态、说明和可做的操作；按日期和签到判断，不能判断时由秘书标记
    Status {
        /// 会议编号或会议名称
        #[arg(long, value_name = "ID")]
        meeting: String,
        #[command(flatten)]
        action: StatusArgs,
        /// 以 JSON 输出会议
        #[arg(long)]
        json: bool,
    },
    /// 邀请成员单位（只邀请在册单位；已邀请的不重复添加）
    Invite {
        /// 会议编号或会议名称
        #[arg(long, value_name = "ID")]
        meeting: String,
        #[command(flatten)]
        scope: ScopeArgs,
    },
    /// 记录成员单位的回复
    Reply {
        /// 会议编号或会议名称
        #[arg(long, value_name = "ID")]
        meeting: String,
        /// 成员单位名称（全称、简称或名称中唯一的一段）
        #[arg(long, value_name = "NAME")]
        unit: String,
        #[command(flatten)]
        reply: ReplyArgs,
    },
    /// 为成员单位签到（重复签到保留首次签到时间）
    Signin {
        /// 会议编号或会议名称
        #[arg(long, value_name = "ID")]
        meeting: String,
        /// 成员单位名称（全称、简称或名称中唯一的一段）
        #[arg(long, value_name = "NAME", required_unless_present = "code")]
        unit: Option<String>,
        /// 邀请函上的签到码（扫码枪读出的一串数字），代替 --unit
        #[arg(long, value_name = "TEXT", conflicts_with = "unit")]
        code: Option<String>,
        /// 签到时间：时:分（会议当天，如 09:05），或 年-月-日 时:分；不填为现在
        #[arg(long, value_name = "HH:MM")]
        at: Option<String>,
    },
    /// 议程：add | list | usual
    Agenda {
        #[command(subcommand)]
        action: AgendaAction,
    },
    /// 交流发言：add | list | remove
    Speech {
        #[command(subcommand)]
        action: SpeechAction,
    },
}

/// The details `meeting set` may change; each is left alone unless given.
#[derive(Args)]
pub struct SetArgs {
    /// 会议名称
    #[arg(long)]
    title: Option<String>,
    /// 会议类型，如 年会、季度会
    #[arg(long)]
    kind: Option<String>,
    /// 日期：年-月-日，如 2026-09-21（"" 改为未定）
    #[arg(long, value_name = "YYYY-MM-DD")]
    date: Option<String>,
    /// 开始时间：时:分，如 14:30（"" 清空）
    #[arg(long, value_name = "HH:MM")]
    time: Option<String>,
    /// 地点
    #[arg(long)]
    venue: Option<String>,
    /// 主题
    #[arg(long)]
    theme: Option<String>,
    /// 主持人
    #[arg(long, value_name = "PERSON")]
    chair: Option<String>,
    /// 记录人
    #[arg(long, value_name = "PERSON")]
    recorder: Option<String>,
}

impl SetArgs {
    /// Applies the given fields to `input`; false when none was given.
    fn apply(self, input: &mut MeetingInput) -> Result<bool, Error> {
        let mut any = false;
        let mut text = |to: &mut String, v: Option<String>| {
            if let Some(v) = v {
                *to = v;
                any = true;
            }
        };
        text(&mut input.title, self.title);
        text(&mut input.venue, self.venue);
        text(&mut input.theme, self.theme);
        text(&mut input.chair, self.chair);
        text(&mut input.recorder, self.recorder);
        if let Some(k) = self.kind {
            input.kind = meetings::parse_kind(&k)?;
            any = true;
        }
        if let Some(d) = self.date {
            input.date = blank_or(&d, meetings::parse_date)?;
            any = true;
        }
        if let Some(t) = self.time {
            input.start_time = blank_or(&t, meetings::parse_start_time)?;
            any = true;
        }
        Ok(any)
    }
}

/// None for "" (clears the field), else the value read by `parse`.
fn blank_or<T>(s: &str, parse: impl Fn(&str) -> Result<T, Error>) -> Result<Option<T>, Error> {
    if s.trim().is_empty() {
        Ok(None)
    } else {
        parse(s).map(Some)
    }
}

/// `meeting speech add|list|remove`.
#[derive(Subcommand)]
pub enum SpeechAction {
    /// 在发言顺序末尾添加一个交流发言，输出发言编号（有“交流发言”议程时计入其时长）
    Add {
        /// 会议编号或会议名称
        #[arg(long, value_name = "ID")]
        meeting: String,
        /// 发言单位（名册中的名称、简称或名称中唯一的一段）；不是成员单位的，只写发言人
        #[arg(long, value_name = "NAME")]
        unit: Option<String>,
        /// 发言人姓名
        #[arg(long, value_name = "PERSON", default_value = "")]
        speaker: String,
        /// 发言人职务，如 校长
        #[arg(long, default_value = "")]
        post: String,
        /// 发言题目（可以以后补上）
        #[arg(long, default_value = "")]
        topic: String,
        /// 时长（分钟）
        #[arg(long, value_name = "N", default_value_t = 5)]
        minutes: i64,
        /// 代表几家成员单位发言
        #[arg(long, value_name = "N", conflicts_with = "on_behalf_unit")]
        on_behalf: Option<i64>,
        /// 代表哪家成员单位发言（可重复，逐家列出）
        #[arg(long, value_name = "NAME")]
        on_behalf_unit: Vec<String>,
        /// 备注
        #[arg(long, default_value = "")]
        notes: String,
        /// 以 JSON 输出新添加的发言
        #[arg(long)]
        json: bool,
    },
    /// 按发言顺序列出会议的交流发言（含发言编号）
    List(OfMeeting),
    /// 删除一个发言（其后的发言顺序前移）
    Remove {
        /// 发言编号（见 meeting speech list）
        id: i64,
    },
}

/// `meeting agenda add|list`.
#[derive(Subcommand)]
pub enum AgendaAction {
    /// 在议程末尾添加一项，输出议程编号
    Add {
        /// 会议编号或会议名称
        #[arg(long, value_name = "ID")]
        meeting: String,
        /// 议程内容，如 街道党工委书记作工作报告（不填时用议程类型名称）
        #[arg(long, default_value = "")]
        title: String,
        /// 议程类型，如 主持开场、工作报告、交流发言、领导讲话（写错时会列出全部可选类型）
        #[arg(long)]
        kind: String,
        /// 时长（分钟）；交流发言一项有发言时，时长为各发言时长合计
        #[arg(long, value_name = "N")]
        minutes: i64,
        /// 主持/发言人，如 街道党工委副书记 周立新
        #[arg(long, value_name = "PERSON", default_value = "")]
        speaker: String,
        /// 以 JSON 输出新添加的议程
        #[arg(long)]
        json: bool,
    },
    /// 为还没有议程的会议填入该类会议的常用议程（之后可逐项修改）
    Usual {
        /// 会议编号或会议名称
        #[arg(long, value_name = "ID")]
        meeting: String,
        /// 以 JSON 输出议程
        #[arg(long)]
        json: bool,
    },
    /// 列出会议的议程（有开始时间时列出各项起止时间）
    List(OfMeeting),
}

// What a `list` of one meeting's agenda or speeches takes.
#[derive(Args)]
pub struct OfMeeting {
    /// 会议编号或会议名称
    #[arg(long, value_name = "ID")]
    meeting: String,
    /// 以 JSON 输出
    #[arg(long)]
    json: bool,
}

/// Whom `meeting invite` invites: exactly one of the three.
#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct ScopeArgs {
    /// 全部在册成员单位
    #[arg(long)]
    all: bool,
    /// 某个分会的成员单位
    #[arg(long, value_name = "NAME")]
    branch: Option<String>,
    /// 某个社区的成员单位
    #[arg(long, value_name = "NAME")]
    community: Option<String>,
}

/// The reply `meeting reply` records: exactly one of the three.
#[derive(Args)]
#[group(required = true, multiple = false)]
pub struct ReplyArgs {
    /// 确认参会
    #[arg(long)]
    confirm: bool,
    /// 请假
    #[arg(long)]
    leave: bool,
    /// 委派他人参会（被委派人姓名）
    #[arg(long, value_name = "PERSON")]
    delegate: Option<String>,
}

/// What `meeting status` does: at most one of the four (none: only show).
#[derive(Args)]
#[group(required = false, multiple = false)]
pub struct StatusArgs {
    /// 标记已召开（会议日期已到、但没有登记签到时）
    #[arg(long)]
    held: bool,
    /// 取消会议
    #[arg(long)]
    cancel: bool,
    /// 标记已归档（已召开的会议）
    #[arg(long)]
    archive: bool,
    /// 撤销标记：撤销已召开标记、恢复已取消的会议或撤销归档
    #[arg(long)]
    undo: bool,
}

/// Everything about one meeting, for `meeting show --json`.
#[derive(Serialize)]
struct MeetingDetail {
    meeting: meetings::Meeting,
    counts: attendance::AttendanceCounts,
    invitees: Vec<attendance::Invitee>,
    agenda: Vec<agenda::AgendaItem>,
    speeches: Vec<speeches::Speech>,
    readiness: meetings::Readiness,
}

pub fn run(conn: &mut Connection, action: MeetingAction) -> Result<(), Error> {
    match action {
        MeetingAction::List { json } => {
            let list = meetings::list(conn)?;
            if json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                println!("还没有会议。");
            } else {
                for m in list {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        m.id,
                        m.kind.label(),
                        m.date
                            .map(|d| d.to_string())
                            .unwrap_or_else(|| "未定".into()),
                        m.status.label(),
                        m.title
                    );
                }
            }
        }
        MeetingAction::Show { id, json } => {
            let detail = MeetingDetail {
                meeting: meetings::get(conn, id)?,
                counts: attendance::counts(conn, id)?,
                invitees: attendance::list(conn, id)?,
                agenda: agenda::list(conn, id)?,
                speeches: speeches::list(conn, id)?,
                readiness: meetings::readiness(conn, id)?,
            };
            if json {
                crate::print_json(&detail)?;
            } else {
                let m = &detail.meeting;
                println!("{}（{}，{}）", m.title, m.kind.label(), m.status.label());
                print_people(m);
                let c = detail.counts;
                println!(
                    "应到 {} 家，实到 {} 家，请假 {} 家，待回复 {} 家",
                    c.expected, c.present, c.leave, c.pending
                );
                for i in &detail.agenda {
                    println!("  {}\t{}\t{}", slot(i), i.title, i.presenter);
                }
                for r in &detail.readiness.items {
                    println!(
                        "[{}] {}：{}",
                        if r.ready { "✓" } else { " " },
                        r.area,
                        r.message
                    );
                }
            }
        }
        MeetingAction::Create {
            title,
            kind,
            date,
            time,
            venue,
            theme,
            chair,
            recorder,
            json,
        } => {
            let input = MeetingInput {
                kind: meetings::parse_kind(&kind)?,
                title,
                date: date.as_deref().map(meetings::parse_date).transpose()?,
                start_time: time
                    .as_deref()
                    .map(meetings::parse_start_time)
                    .transpose()?,
                venue,
                theme,
                chair,
                recorder,
                ..MeetingInput::default()
            };
            let m = meetings::create(conn, &input)?;
            crate::print_new(&m, m.id, json)?;
        }
        MeetingAction::Set {
            meeting,
            fields,
            json,
        } => {
            let m = lookup::meeting(conn, &meeting)?;
            let mut input = MeetingInput::from(&m);
            if !fields.apply(&mut input)? {
                return Err(Error::Invalid {
                    field: "meeting",
                    message: "请给出要修改的项，如 --chair 周立新（lianxi meeting set --help 列出全部）。"
                        .into(),
                });
            }
            let m = meetings::update(conn, m.id, &input)?;
            if json {
                crate::print_json(&m)?;
            } else {
                println!("已保存会议“{}”（编号 {}）。", m.title, m.id);
                print_people(&m);
            }
        }
        MeetingAction::Copy { from, title, date } => {
            let earlier = lookup::meeting(conn, &from)?;
            let date = date.as_deref().map(meetings::parse_date).transpose()?;
            let m = meetings::copy_from(conn, earlier.id, &title, date)?;
            println!("{}", m.id);
        }
        MeetingAction::Status {
            meeting,
            action,
            json,
        } => {
            let mut m = lookup::meeting(conn, &meeting)?;
            let undo = [
                StatusAction::UnmarkHeld,
                StatusAction::Restore,
                StatusAction::Unarchive,
            ];
            let wanted = if action.held {
                Some(StatusAction::MarkHeld)
            } else if action.cancel {
                Some(StatusAction::Cancel)
            } else if action.archive {
                Some(StatusAction::Archive)
            } else if action.undo {
                Some(
                    undo.into_iter()
                        .find(|a| m.status_actions.contains(a))
                        .ok_or_else(|| {
                            Error::Conflict(format!(
                                "会议“{}”现为“{}”，没有可以撤销的标记。",
                                m.title,
                                m.status.label()
                            ))
                        })?,
                )
            } else {
                None
            };
            if let Some(a) = wanted {
                m = meetings::act(conn, m.id, a)?;
            }
            if json {
                crate::print_json(&m)?;
            } else {
                println!("{}：{}。{}", m.title, m.status.label(), m.status_note);
                let can: Vec<&str> = m.status_actions.iter().map(|a| a.label()).collect();
                if !can.is_empty() {
                    println!("可以：{}", can.join("、"));
                }
            }
        }
        MeetingAction::Invite { meeting, scope } => {
            let m = lookup::meeting(conn, &meeting)?;
            let (scope, whom) = if let Some(name) = scope.branch {
                let b = lookup::branch(conn, &name)?;
                (InviteScope::Branch(b.id), format!("分会“{}”", b.name))
            } else if let Some(name) = scope.community {
                let c = lookup::community(conn, &name)?;
                (InviteScope::Community(c.id), format!("社区“{}”", c.name))
            } else {
                (InviteScope::AllActive, "全部在册单位".to_owned())
            };
            let n = attendance::invite(conn, m.id, &scope)?;
            println!("已邀请{whom}中的 {n} 家成员单位（已在邀请名单中的不重复添加）。");
        }
        MeetingAction::Reply {
            meeting,
            unit,
            reply,
        } => {
            let invitee = invitee(conn, &meeting, &unit)?;
            let (reply, substitute) = match reply.delegate {
                Some(person) => (Reply::Delegated, person),
                None if reply.leave => (Reply::Leave, String::new()),
                None => (Reply::Confirmed, String::new()),
            };
            let i = attendance::set_reply(conn, invitee.id, reply, &substitute)?;
            if i.reply == Reply::Delegated {
                println!(
                    "已记录：{} {}（{}）。",
                    i.name,
                    i.reply.label(),
                    i.substitute_name
                );
            } else {
                println!("已记录：{} {}。", i.name, i.reply.label());
            }
        }
        MeetingAction::Signin {
            meeting,
            unit,
            code,
            at,
        } => {
            let m = lookup::meeting(conn, &meeting)?;
            let at = match at {
                Some(t) => attendance::sign_in_time(&m, &t)?,
                None => chrono::Local::now().naive_local(),
            };
            let done = match (code, unit) {
                (Some(code), _) => codes::sign_in(conn, m.id, &code, at)?,
                (None, Some(unit)) => {
                    let u = lookup::unit(conn, &unit)?;
                    let invitee = attendance::invitee_of_unit(conn, m.id, u.id)?;
                    let (i, first) = attendance::sign_in_once(conn, invitee.id, at)?;
                    codes::confirmation(i, first)
                }
                // clap requires one of the two.
                (None, None) => {
                    return Err(Error::Invalid {
                        field: "unit",
                        message: "请用 --unit 写出单位名称，或用 --code 给出签到码。".into(),
                    })
                }
            };
            println!("{}。", done.message);
        }
        MeetingAction::Agenda { action } => agenda_run(conn, action)?,
        MeetingAction::Speech { action } => speech_run(conn, action)?,
    }
    Ok(())
}

/// 主持人 and 记录人, when the meeting names them.
fn print_people(m: &meetings::Meeting) {
    let people: Vec<String> = [("主持人", &m.chair), ("记录人", &m.recorder)]
        .into_iter()
        .filter(|(_, p)| !p.is_empty())
        .map(|(label, p)| format!("{label}：{p}"))
        .collect();
    if !people.is_empty() {
        println!("{}", people.join("　"));
    }
}

fn speech_run(conn: &Connection, action: SpeechAction) -> Result<(), Error> {
    match action {
        SpeechAction::Add {
            meeting,
            unit,
            speaker,
            post,
            topic,
            minutes,
            on_behalf,
            on_behalf_unit,
            notes,
            json,
        } => {
            let m = lookup::meeting(conn, &meeting)?;
            let unit_id = unit
                .map(|u| lookup::unit(conn, &u))
                .transpose()?
                .map(|u| u.id);
            let on_behalf_unit_ids = on_behalf_unit
                .iter()
                .map(|u| lookup::unit(conn, u).map(|u| u.id))
                .collect::<Result<Vec<i64>, Error>>()?;
            let input = SpeechInput {
                unit_id,
                speaker_name: speaker,
                speaker_title: post,
                topic,
                minutes,
                on_behalf_count: on_behalf,
                on_behalf_unit_ids,
                notes,
            };
            let s = speeches::add(conn, m.id, &input)?;
            crate::print_new(&s, s.id, json)?;
        }
        SpeechAction::List(OfMeeting { meeting, json }) => {
            let m = lookup::meeting(conn, &meeting)?;
            let list = speeches::list(conn, m.id)?;
            if json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                println!("会议“{}”还没有安排交流发言。", m.title);
            } else {
                for s in &list {
                    println!("{}", speech_line(s));
                }
                let total: i64 = list.iter().map(|s| s.minutes).sum();
                println!("共 {} 个发言，合计 {total} 分钟。", list.len());
            }
        }
        SpeechAction::Remove { id } => {
            let s = speeches::get(conn, id)?;
            speeches::remove(conn, id)?;
            println!("已删除发言：{}", speech_line(&s));
        }
    }
    Ok(())
}

/// One speech on one line: its order, id, unit, speaker, topic, minutes and for whom.
fn speech_line(s: &speeches::Speech) -> String {
    let speaker = [s.speaker_name.as_str(), s.speaker_title.as_str()]
        .iter()
        .filter(|p| !p.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    let mut line = format!(
        "{}\t（编号 {}）\t{}\t{}\t{}\t{}分钟",
        s.position,
        s.id,
        s.unit_name.as_deref().unwrap_or(""),
        speaker,
        s.topic,
        s.minutes
    );
    let behalf = s.on_behalf_text();
    if !behalf.is_empty() {
        line.push('\t');
        line.push_str(&behalf);
    }
    line
}

fn agenda_run(conn: &Connection, action: AgendaAction) -> Result<(), Error> {
    match action {
        AgendaAction::Add {
            meeting,
            title,
            kind,
            minutes,
            speaker,
            json,
        } => {
            let m = lookup::meeting(conn, &meeting)?;
            let input = AgendaInput {
                kind: agenda::parse_kind(&kind)?,
                title,
                presenter_unit_id: None,
                presenter: speaker,
                duration_min: minutes,
                notes: String::new(),
            };
            let item = agenda::add(conn, m.id, &input)?;
            crate::print_new(&item, item.id, json)?;
        }
        AgendaAction::Usual { meeting, json } => {
            let m = lookup::meeting(conn, &meeting)?;
            let items = agenda::add_usual(conn, m.id)?;
            if json {
                crate::print_json(&items)?;
            } else {
                println!("已为会议“{}”填入 {} 项常用议程。", m.title, items.len());
            }
        }
        AgendaAction::List(OfMeeting { meeting, json }) => {
            let m = lookup::meeting(conn, &meeting)?;
            let items = agenda::list(conn, m.id)?;
            if json {
                crate::print_json(&items)?;
            } else if items.is_empty() {
                println!("会议“{}”还没有议程。", m.title);
            } else {
                for i in &items {
                    println!(
                        "{}\t{}\t{}\t{}\t{}",
                        i.position,
                        slot(i),
                        i.kind.label(),
                        i.title,
                        i.presenter
                    );
                }
            }
        }
    }
    Ok(())
}

/// An item's times (14:30—14:35), or its length when the meeting has no start time.
fn slot(i: &agenda::AgendaItem) -> String {
    match (i.start, i.end) {
        (Some(s), Some(e)) => format!("{}—{}", s.format("%H:%M"), e.format("%H:%M")),
        _ => format!("{}分钟", i.duration_min),
    }
}

/// The invitation of the unit named `unit` to the meeting `meeting` (a number or a title).
fn invitee(conn: &Connection, meeting: &str, unit: &str) -> Result<Invitee, Error> {
    let m = lookup::meeting(conn, meeting)?;
    let u = lookup::unit(conn, unit)?;
    attendance::invitee_of_unit(conn, m.id, u.id)
}
