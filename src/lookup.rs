//! Finding records by the names users type (`lianxi meeting reply --unit 海棠小学`, scripts).
//!
//! A name is matched in three steps, the first that finds anything wins:
//! 1. the exact stored name;
//! 2. the normalised name ([`name_key`]: full-width and half-width brackets and letters, spaces),
//!    or the record's other name (a unit's short name, a community's party committee);
//! 3. a part of a name (normalised the same way), when exactly one record has it.
//!
//! No match, or more than one, is refused with [`Error::NoMatch`] / [`Error::Ambiguous`],
//! whose messages list the closest names so the user can retype. Agreement templates are few,
//! so a template name that matches nothing is refused with all of them.

use rusqlite::Connection;

use crate::agreements::{templates, AgreementTemplate};
use crate::error::{Error, Result};
use crate::meetings::{self, Meeting};
use crate::org::{self, Branch, Community};
use crate::text::name_key;
use crate::units::{self, Unit};

pub use crate::lookup_target::Target;

/// How many names a refusal lists at most.
pub const MAX_CANDIDATES: usize = 8;

/// One record as matching sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// The stored name, shown in messages.
    pub name: String,
    /// [`name_key`] of the name.
    pub key: String,
    /// [`name_key`] of the record's other name, or empty.
    pub alias_key: String,
}

impl Candidate {
    pub(crate) fn new(name: &str, alias: &str) -> Self {
        Candidate {
            name: name.to_owned(),
            key: name_key(name),
            alias_key: name_key(alias),
        }
    }
}

/// How close `key` is to the query `q` (both normalised): shared two-character runs, then
/// shared characters. Larger is closer.
fn closeness(q: &[char], key: &str) -> (usize, usize) {
    let bigrams = q
        .windows(2)
        .enumerate()
        .filter(|(i, w)| {
            // Count each distinct run once.
            !q.windows(2).take(*i).any(|earlier| earlier == *w)
                && key.contains(&w.iter().collect::<String>())
        })
        .count();
    let mut rest: Vec<char> = key.chars().collect();
    let mut chars = 0;
    for c in q {
        if let Some(pos) = rest.iter().position(|k| k == c) {
            rest.swap_remove(pos);
            chars += 1;
        }
    }
    (bigrams, chars)
}

/// The names of `indices`, closest to `q` first (then the shorter, then in list order), at most
/// [`MAX_CANDIDATES`].
fn ranked(q: &str, all: &[Candidate], mut indices: Vec<usize>) -> Vec<String> {
    let qc: Vec<char> = q.chars().collect();
    let qlen = qc.len();
    indices.sort_by_cached_key(|&i| {
        let c = &all[i];
        let (bigrams, chars) = closeness(&qc, &c.key);
        let len_diff = c.key.chars().count().abs_diff(qlen);
        (
            std::cmp::Reverse(bigrams),
            std::cmp::Reverse(chars),
            len_diff,
            i,
        )
    });
    indices
        .into_iter()
        .take(MAX_CANDIDATES)
        .map(|i| all[i].name.clone())
        .collect()
}

/// Resolves `query` among `all` to the index of the one record it names.
pub(crate) fn pick(what: Target, query: &str, all: &[Candidate]) -> Result<usize> {
    let raw = query.trim();
    let q = name_key(raw);
    if q.is_empty() {
        return Err(Error::Invalid {
            field: "name",
            message: format!("请填写{}名称。", what.label()),
        });
    }
    let tiers: [&dyn Fn(&Candidate) -> bool; 3] = [
        &|c| c.name == raw,
        &|c| c.key == q || (!c.alias_key.is_empty() && c.alias_key == q),
        &|c| c.key.contains(&q) || c.alias_key.contains(&q),
    ];
    for matches in tiers {
        let found: Vec<usize> = (0..all.len()).filter(|&i| matches(&all[i])).collect();
        match found.len() {
            0 => continue,
            1 => return Ok(found[0]),
            total => {
                return Err(Error::Ambiguous {
                    what,
                    name: raw.to_owned(),
                    candidates: ranked(&q, all, found),
                    total,
                })
            }
        }
    }
    let qc: Vec<char> = q.chars().collect();
    let near: Vec<usize> = (0..all.len())
        .filter(|&i| {
            let (bigrams, chars) = closeness(&qc, &all[i].key);
            // Close enough to suggest: a shared two-character run, or half the characters.
            bigrams > 0 || chars * 2 >= qc.len().max(2)
        })
        .collect();
    Err(Error::NoMatch {
        what,
        name: raw.to_owned(),
        candidates: ranked(&q, all, near),
    })
}

/// The member unit (在册 or 已退出) named `name`; its short name (简称) is accepted too.
pub fn unit(conn: &Connection, name: &str) -> Result<Unit> {
    let mut stmt = conn.prepare("SELECT id, name, short_name FROM units ORDER BY id")?;
    let rows: Vec<(i64, String, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
        .collect::<rusqlite::Result<_>>()?;
    let all: Vec<Candidate> = rows.iter().map(|(_, n, s)| Candidate::new(n, s)).collect();
    let i = pick(Target::Unit, name, &all)?;
    units::get(conn, rows[i].0)
}

/// The community named `name`; its party committee's name (e.g. 海棠社区党委) is accepted too.
pub fn community(conn: &Connection, name: &str) -> Result<Community> {
    let mut list = org::communities(conn)?;
    let all: Vec<Candidate> = list
        .iter()
        .map(|c| Candidate::new(&c.name, &c.party_org))
        .collect();
    let i = pick(Target::Community, name, &all)?;
    Ok(list.swap_remove(i))
}

/// The branch (分会) named `name`.
pub fn branch(conn: &Connection, name: &str) -> Result<Branch> {
    let mut list = org::branches(conn)?;
    let all: Vec<Candidate> = list.iter().map(|b| Candidate::new(&b.name, "")).collect();
    let i = pick(Target::Branch, name, &all)?;
    Ok(list.swap_remove(i))
}

/// The meeting with the number `id_or_title`, or else with that title.
pub fn meeting(conn: &Connection, id_or_title: &str) -> Result<Meeting> {
    if let Ok(id) = id_or_title.trim().parse::<i64>() {
        return meetings::get(conn, id);
    }
    let mut list = meetings::list(conn)?;
    let all: Vec<Candidate> = list.iter().map(|m| Candidate::new(&m.title, "")).collect();
    let i = pick(Target::Meeting, id_or_title, &all)?;
    Ok(list.swap_remove(i))
}

/// The agreement template named `name` (exactly, normalised, or by a part of its name that
/// only one template has). No match is refused with the names of all templates.
pub fn template(conn: &Connection, name: &str) -> Result<AgreementTemplate> {
    let mut list = templates::list(conn)?;
    let all: Vec<Candidate> = list.iter().map(|t| Candidate::new(&t.name, "")).collect();
    match pick(Target::Template, name, &all) {
        Ok(i) => Ok(list.swap_remove(i)),
        Err(Error::NoMatch { what, name, .. }) => Err(Error::NoMatch {
            what,
            name,
            candidates: list.into_iter().map(|t| t.name).collect(),
        }),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::db::open_in_memory;
    use crate::units::{Source, UnitCategory, UnitDetails, UnitInput};

    const ROSTER: &[(&str, &str)] = &[
        ("海棠市第十九中学", "十九中"),
        ("海棠路小学", ""),
        ("青岛啤酒（集团）有限公司", "青啤"),
        ("海棠社区卫生服务中心", ""),
        ("驻区某部队", ""),
        ("ABC Bank青岛分行", ""),
    ];

    fn roster() -> Vec<Candidate> {
        ROSTER.iter().map(|(n, s)| Candidate::new(n, s)).collect()
    }

    enum Want {
        Found(&'static str),
        NoMatch(&'static [&'static str]),
        Ambiguous(&'static [&'static str], usize),
        Invalid,
    }

    #[test]
    fn names_resolve_or_are_refused_with_candidates() {
        use Want::*;
        let cases: &[(&str, Want)] = &[
            ("海棠路小学", Found("海棠路小学")),
            ("  海棠路小学 ", Found("海棠路小学")),
            ("青岛啤酒(集团)有限公司", Found("青岛啤酒（集团）有限公司")),
            (
                "青岛啤酒 （集团） 有限公司",
                Found("青岛啤酒（集团）有限公司"),
            ),
            ("ＡＢＣ bank 青岛分行", Found("ABC Bank青岛分行")),
            ("青啤", Found("青岛啤酒（集团）有限公司")),
            ("十九中", Found("海棠市第十九中学")),
            ("部队", Found("驻区某部队")),
            ("卫生服务", Found("海棠社区卫生服务中心")),
            (
                "海棠中学",
                NoMatch(&["海棠市第十九中学", "海棠路小学", "海棠社区卫生服务中心"]),
            ),
            (
                "海棠职业学校",
                NoMatch(&["海棠路小学", "海棠市第十九中学", "海棠社区卫生服务中心"]),
            ),
            (
                "青岛银行",
                NoMatch(&["ABC Bank青岛分行", "青岛啤酒（集团）有限公司"]),
            ),
            ("完全不相干", NoMatch(&[])),
            (
                "海棠",
                Ambiguous(
                    &["海棠路小学", "海棠市第十九中学", "海棠社区卫生服务中心"],
                    3,
                ),
            ),
            (
                "中",
                Ambiguous(&["海棠市第十九中学", "海棠社区卫生服务中心"], 2),
            ),
            ("   ", Invalid),
        ];
        let all = roster();
        for (query, want) in cases {
            let got = pick(Target::Unit, query, &all);
            match (want, got) {
                (Found(name), Ok(i)) => assert_eq!(all[i].name, *name, "{query:?}"),
                (NoMatch(want), Err(Error::NoMatch { candidates, .. })) => {
                    assert_eq!(candidates, *want, "{query:?}")
                }
                (
                    Ambiguous(want, n),
                    Err(Error::Ambiguous {
                        candidates, total, ..
                    }),
                ) => {
                    assert_eq!(candidates, *want, "{query:?}");
                    assert_eq!(total, *n, "{query:?}");
                }
                (Invalid, Err(e)) if e.kind() == "invalid" => {
                    assert_eq!(e.to_string(), "请填写成员单位名称。")
                }
                (_, got) => panic!("{query:?}: unexpected {got:?}"),
            }
        }
    }

    #[test]
    fn exact_name_wins_over_a_longer_name_containing_it() {
        let all = vec![
            Candidate::new("海棠小学分校", ""),
            Candidate::new("海棠小学", ""),
        ];
        assert_eq!(pick(Target::Unit, "海棠小学", &all).unwrap(), 1);
    }

    #[test]
    fn messages_and_kinds() {
        let cases: &[(Error, &str, &str)] = &[
            (
                Error::NoMatch {
                    what: Target::Unit,
                    name: "海棠中学".into(),
                    candidates: vec!["海棠市第十九中学".into(), "海棠路小学".into()],
                },
                "no_match",
                "找不到名为“海棠中学”的成员单位。相近的有：海棠市第十九中学、海棠路小学。",
            ),
            (
                Error::NoMatch {
                    what: Target::Branch,
                    name: "工会".into(),
                    candidates: vec![],
                },
                "no_match",
                "找不到名为“工会”的分会。",
            ),
            (
                Error::Ambiguous {
                    what: Target::Unit,
                    name: "海棠".into(),
                    candidates: vec!["海棠路小学".into(), "海棠市第十九中学".into()],
                    total: 2,
                },
                "ambiguous",
                "“海棠”对应多家成员单位：海棠路小学、海棠市第十九中学。请写出完整名称。",
            ),
            (
                Error::Ambiguous {
                    what: Target::Community,
                    name: "社区".into(),
                    candidates: vec!["海棠社区".into(), "青山社区".into()],
                    total: 12,
                },
                "ambiguous",
                "“社区”对应多个社区：海棠社区、青山社区等 12 个。请写出完整名称。",
            ),
        ];
        for (e, kind, message) in cases {
            assert_eq!(e.kind(), *kind);
            assert_eq!(e.to_string(), *message);
        }
    }

    #[test]
    fn refusals_list_at_most_eight_names() {
        let all: Vec<Candidate> = (1..=12)
            .map(|n| Candidate::new(&format!("海棠第{n}小学"), ""))
            .collect();
        match pick(Target::Unit, "海棠", &all) {
            Err(Error::Ambiguous {
                candidates, total, ..
            }) => {
                assert_eq!(candidates.len(), MAX_CANDIDATES);
                assert_eq!(total, 12);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn records_from_the_database() {
        let conn = open_in_memory().unwrap();
        let community_id = org::ensure_community(&conn, "海棠社区", "海棠社区党委").unwrap();
        org::ensure_community(&conn, "青山社区", "").unwrap();
        let branch_id = org::ensure_branch(&conn, "学校分会").unwrap();
        org::ensure_branch(&conn, "企业分会").unwrap();
        for (name, short) in ROSTER {
            units::create(
                &conn,
                &UnitInput {
                    details: UnitDetails {
                        name: (*name).into(),
                        short_name: (*short).into(),
                        category: UnitCategory::School,
                        ..Default::default()
                    },
                    community_id: Some(community_id),
                    branch_id: Some(branch_id),
                },
                Source::Edit,
            )
            .unwrap();
        }
        assert_eq!(
            unit(&conn, "青啤").unwrap().name,
            "青岛啤酒（集团）有限公司"
        );
        assert_eq!(unit(&conn, "海棠中学").unwrap_err().kind(), "no_match");
        assert_eq!(community(&conn, "海棠社区党委").unwrap().id, community_id);
        assert_eq!(community(&conn, "社区").unwrap_err().kind(), "ambiguous");
        assert_eq!(branch(&conn, "学校").unwrap().id, branch_id);
        assert_eq!(
            branch(&conn, "部队分会").unwrap_err().to_string(),
            "找不到名为“部队分会”的分会。相近的有：学校分会、企业分会。"
        );

        let m = meetings::create(
            &conn,
            &meetings::MeetingInput {
                title: "2026年联席会年会".into(),
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(meeting(&conn, &m.id.to_string()).unwrap(), m);
        assert_eq!(meeting(&conn, "2026年").unwrap(), m);
        assert_eq!(meeting(&conn, "99").unwrap_err().kind(), "not_found");
    }

    #[test]
    fn templates_by_name_or_refused_with_all_of_them() {
        let conn = open_in_memory().unwrap();
        let names: Vec<String> = templates::list(&conn)
            .unwrap()
            .into_iter()
            .map(|t| t.name)
            .collect();
        assert!(names.len() >= 2, "{names:?}");
        let duty = names
            .iter()
            .find(|n| n.contains("责任书"))
            .expect("a built-in 责任书");
        assert_eq!(&template(&conn, duty).unwrap().name, duty);
        assert_eq!(&template(&conn, "责任书").unwrap().name, duty);
        let err = template(&conn, "捐赠协议").unwrap_err();
        assert_eq!(err.kind(), "no_match");
        assert_eq!(
            err.to_string(),
            format!(
                "找不到名为“捐赠协议”的协议模板。现有的模板：{}。",
                names.join("、")
            )
        );
    }
}
