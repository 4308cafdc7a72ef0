//! 社区与分会 from an empty database: details filled in, renamed, two spellings merged with
//! every reference moving, and refusals that keep data safe.

use lianxi::agreements::{self, AgreementOptions, PairSpec, PartyRef};
use lianxi::org::{self, CommunityInput};
use lianxi::street;
use lianxi::units::{self, Source, UnitDetails, UnitInput};
use lianxi::{db, Error};
use rusqlite::Connection;

fn unit(conn: &Connection, name: &str, community: i64, branch: i64) -> i64 {
    units::create(
        conn,
        &UnitInput {
            details: UnitDetails {
                name: name.into(),
                party_secretary: "张书记".into(),
                contact: "赵联络".into(),
                phones: vec!["13805320001".into()],
                ..Default::default()
            },
            community_id: Some(community),
            branch_id: Some(branch),
        },
        Source::Edit,
    )
    .unwrap()
    .id
}

fn community(conn: &Connection, name: &str, secretary: &str) -> i64 {
    org::create_community(
        conn,
        &CommunityInput {
            name: name.into(),
            party_secretary: secretary.into(),
            ..Default::default()
        },
    )
    .unwrap()
    .id
}

#[test]
fn two_spellings_of_a_community_are_merged_and_every_reference_moves() {
    let conn = db::open_in_memory().unwrap();
    street::save(&conn, &crate::common::street_profile()).unwrap();
    let keep = community(&conn, "湛山社区", "");
    let other = community(&conn, "湛山居委会", "陈红");
    let branch = org::ensure_branch(&conn, "企业分会").unwrap();
    let a = unit(&conn, "八大关邮政支局", keep, branch);
    let b = unit(&conn, "湛山派出所", other, branch);
    let made = agreements::create(
        &conn,
        &PairSpec {
            party_a: PartyRef::community(other),
            party_b: PartyRef::unit(b),
        },
        &AgreementOptions::default(),
    )
    .unwrap();

    // Renaming to a name that exists is refused and points at 合并.
    let mut input = CommunityInput::from(&org::community(&conn, other).unwrap());
    input.name = "湛山社区".into();
    let err = org::update_community(&conn, other, &input).unwrap_err();
    assert!(matches!(err, Error::Conflict(_)), "{err}");
    assert!(err.to_string().contains("合并"));
    // A used community cannot be deleted.
    assert_eq!(
        org::delete_community(&conn, other).unwrap_err().kind(),
        "conflict"
    );

    let merged = org::merge_communities(&conn, other, keep).unwrap();
    assert_eq!(merged.unit_count, 2);
    assert_eq!(
        merged.party_secretary, "陈红",
        "a detail the target lacked is taken over"
    );
    assert!(
        org::community(&conn, other).is_err(),
        "the merged-away spelling is gone"
    );
    assert_eq!(units::get(&conn, b).unwrap().community_id, Some(keep));
    assert_eq!(units::get(&conn, a).unwrap().community_id, Some(keep));
    let history = units::history(&conn, b).unwrap();
    let change = &history[0].changes[0]; // newest first
    assert_eq!(
        (
            change.field.as_str(),
            change.old.as_str(),
            change.new.as_str()
        ),
        ("所属社区", "湛山居委会", "湛山社区")
    );
    assert_eq!(
        agreements::get(&conn, made.id)
            .unwrap()
            .party_a
            .community_id,
        Some(keep)
    );
    // Merging into itself is refused; an unused community can be deleted.
    assert_eq!(
        org::merge_communities(&conn, keep, keep)
            .unwrap_err()
            .kind(),
        "invalid"
    );
    let empty = community(&conn, "空社区", "");
    org::delete_community(&conn, empty).unwrap();
}

#[test]
fn branches_are_renamed_merged_and_only_deleted_when_empty() {
    let conn = db::open_in_memory().unwrap();
    let c = community(&conn, "太平角社区", "张丽");
    let schools = org::ensure_branch(&conn, "学校分会").unwrap();
    let edu = org::ensure_branch(&conn, "教育分会").unwrap();
    let u = unit(&conn, "八大关小学", c, edu);
    unit(&conn, "太平角幼儿园", c, schools);
    assert_eq!(
        org::create_branch(&conn, "学校分会").unwrap_err().kind(),
        "conflict"
    );
    assert_eq!(
        org::rename_branch(&conn, edu, "学校分会")
            .unwrap_err()
            .kind(),
        "conflict"
    );
    assert_eq!(
        org::delete_branch(&conn, edu).unwrap_err().kind(),
        "conflict"
    );
    let b = org::merge_branches(&conn, edu, schools).unwrap();
    assert_eq!(b.unit_count, 2);
    assert_eq!(
        units::get(&conn, u).unwrap().branch.as_deref(),
        Some("学校分会")
    );
    let renamed = org::rename_branch(&conn, schools, " 学校 分会 ").unwrap();
    assert_eq!(renamed.name, "学校分会", "names are cleaned");
    let spare = org::ensure_branch(&conn, "其他区域单位分会").unwrap();
    org::delete_branch(&conn, spare).unwrap();
    assert_eq!(org::branches(&conn).unwrap().len(), 1);
}

#[test]
fn community_details_are_validated() {
    let conn = db::open_in_memory().unwrap();
    let bad = org::create_community(
        &conn,
        &CommunityInput {
            name: "太平角社区".into(),
            phones: vec!["82860".into()],
            ..Default::default()
        },
    )
    .unwrap_err();
    assert_eq!(bad.kind(), "invalid");
    assert!(
        bad.to_string().contains("电话") || bad.to_string().contains("号码"),
        "{bad}"
    );
    assert_eq!(
        org::create_community(&conn, &CommunityInput::default())
            .unwrap_err()
            .kind(),
        "invalid"
    );
    let c = org::create_community(
        &conn,
        &CommunityInput {
            name: "太平角社区".into(),
            phones: vec!["0532-82860011".into(), " ".into()],
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(c.phones, vec!["0532-82860011"]);
    // What a form sends: the numbers typed in one field, split by the core.
    let mut typed = CommunityInput::from(&c);
    typed.phones = vec!["0532-82860011、13805320011".into()];
    let c = org::update_community(&conn, c.id, &typed).unwrap();
    assert_eq!(c.phones, vec!["0532-82860011", "13805320011"]);
    assert_eq!(c.missing, vec!["书记", "联系人"]);
}
