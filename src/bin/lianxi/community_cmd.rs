//! `lianxi community list|add|set|merge`: communities (社区) and their details.

use clap::{Args, Subcommand};
use lianxi::org::{self, Community, CommunityInput};
use lianxi::{lookup, phone, Error};
use rusqlite::Connection;

#[derive(Subcommand)]
pub enum CommunityAction {
    /// 列出社区：党组织、书记、联系人、电话、成员单位数，以及签协议还缺的信息
    List {
        /// 以 JSON 输出
        #[arg(long)]
        json: bool,
    },
    /// 新增社区
    Add {
        /// 社区名称，如 太平角社区
        name: String,
        #[command(flatten)]
        details: DetailArgs,
    },
    /// 修改社区信息：只改给出的项，给出空字符串（""）则清空该项
    Set {
        /// 社区名称（全称、社区党委名称或名称中唯一的一段）
        name: String,
        #[command(flatten)]
        details: DetailArgs,
        /// 改名为
        #[arg(long, value_name = "NEW")]
        rename: Option<String>,
    },
    /// 把社区 FROM 合并到 INTO：成员单位、协议等转到 INTO，INTO 缺的信息从 FROM 补上，然后删除 FROM
    Merge {
        /// 要并入另一个社区的社区
        from: String,
        /// 保留的社区
        into: String,
    },
}

/// A community's details; each is left alone unless given.
#[derive(Args)]
pub struct DetailArgs {
    /// 社区党组织名称，如 太平角社区党委（不填时协议中写作“社区名称 + 党委”）
    #[arg(long)]
    party_org: Option<String>,
    /// 书记
    #[arg(long)]
    leader: Option<String>,
    /// 联系人
    #[arg(long)]
    contact: Option<String>,
    /// 电话；几个号码用“、”或“,”隔开，替换原有的全部号码
    #[arg(long)]
    phone: Option<String>,
    /// 地址
    #[arg(long)]
    address: Option<String>,
}

impl DetailArgs {
    fn is_empty(&self) -> bool {
        self.party_org.is_none()
            && self.leader.is_none()
            && self.contact.is_none()
            && self.phone.is_none()
            && self.address.is_none()
    }

    fn apply(self, input: &mut CommunityInput) {
        if let Some(v) = self.party_org {
            input.party_org = v;
        }
        if let Some(v) = self.leader {
            input.party_secretary = v;
        }
        if let Some(v) = self.contact {
            input.contact = v;
        }
        if let Some(v) = self.phone {
            input.phones = phone::split_typed(&v);
        }
        if let Some(v) = self.address {
            input.address = v;
        }
    }
}

pub fn run(conn: &mut Connection, action: CommunityAction) -> Result<(), Error> {
    match action {
        CommunityAction::List { json } => {
            let list = org::communities(conn)?;
            if json {
                crate::print_json(&list)?;
            } else if list.is_empty() {
                println!(
                    "还没有社区（导入名册时按“所属社区”列自动添加，或用 lianxi community add）。"
                );
            } else {
                for c in &list {
                    println!("{}", line(c));
                }
            }
        }
        CommunityAction::Add { name, details } => {
            let mut input = CommunityInput {
                name,
                ..CommunityInput::default()
            };
            details.apply(&mut input);
            let c = org::create_community(conn, &input)?;
            println!("已新增社区：{}", line(&c));
        }
        CommunityAction::Set {
            name,
            details,
            rename,
        } => {
            if details.is_empty() && rename.is_none() {
                return Err(Error::Invalid {
                    field: "community",
                    message: "请给出要修改的项，如 --leader 张三（lianxi community set --help 列出全部）。"
                        .into(),
                });
            }
            let c = lookup::community(conn, &name)?;
            let mut input = CommunityInput::from(&c);
            details.apply(&mut input);
            if let Some(new_name) = rename {
                input.name = new_name;
            }
            let c = org::update_community(conn, c.id, &input)?;
            println!("已保存：{}", line(&c));
        }
        CommunityAction::Merge { from, into } => {
            let (from, into) = (
                lookup::community(conn, &from)?,
                lookup::community(conn, &into)?,
            );
            let c = org::merge_communities(conn, from.id, into.id)?;
            println!("已把“{}”合并到“{}”：{}", from.name, c.name, line(&c));
        }
    }
    Ok(())
}

/// One community on one line, with what it lacks for agreements.
fn line(c: &Community) -> String {
    let or_blank = |s: &str| {
        if s.trim().is_empty() {
            "未填".to_string()
        } else {
            s.to_string()
        }
    };
    let missing = if c.missing.is_empty() {
        String::new()
    } else {
        format!("\t尚缺：{}", c.missing.join("、"))
    };
    format!(
        "{}\t党组织：{}\t书记：{}\t联系人：{}\t电话：{}\t成员单位 {} 家{missing}",
        c.name,
        or_blank(&c.party_org),
        or_blank(&c.party_secretary),
        or_blank(&c.contact),
        or_blank(&c.phones.join("、")),
        c.unit_count
    )
}
