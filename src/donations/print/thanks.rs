//! 感谢信: one letter per donor, on a 公文 page without page numbers.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::donors::{donors_of, gifts, is_organisation, occasion, purposes};
use crate::date::cn_date;
use crate::donations::DonationFilter;
use crate::error::Result;
use crate::print::{render_batch, Block, Doc, FontSet, PageNumbers, PageStyle};

/// One 感谢信 per donor.
pub fn thanks_docs(conn: &Connection, filter: &DonationFilter, on: NaiveDate) -> Result<Vec<Doc>> {
    let (signer, donors) = donors_of(conn, filter, "打印感谢信", "致谢")?;
    let mut docs = Vec::new();
    for (donor, gifts_of) in donors {
        let mut doc = Doc::new(format!("感谢信 {donor}"), "感谢信");
        doc.page_numbers = Some(PageNumbers::None);
        doc.field("捐赠方", donor.clone());
        let you = if is_organisation(&gifts_of) {
            "贵单位"
        } else {
            "您"
        };
        let occasion = occasion(&gifts_of);
        let what = gifts(&gifts_of);
        doc.field("捐赠内容", what.clone());
        let purpose = purposes(&gifts_of);
        doc.field("用途", purpose.clone());
        let use_line = if purpose.is_empty() {
            "全部用于辖区公益事业".to_string()
        } else {
            format!("定向用于{purpose}")
        };
        doc.push(Block::Title("感谢信".into()));
        doc.push(Block::Paragraph {
            text: format!("{donor}："),
            indent: false,
        });
        doc.push(Block::para(format!(
            "{you}{occasion}慷慨{what}，{use_line}。{you}热心公益、回馈社会的善举，为辖区困难群众送去了温暖，为共建共治共享的美好家园贡献了力量。"
        )));
        doc.push(Block::para(format!(
            "我们将严格管理、规范使用每一笔捐赠，并及时向{you}反馈使用情况。在此，谨向{you}致以衷心的感谢和崇高的敬意！"
        )));
        doc.push(Block::para("此致"));
        doc.push(Block::Paragraph {
            text: "敬礼！".into(),
            indent: false,
        });
        doc.push(Block::Spacer(2.0));
        doc.push(Block::Signature {
            signer: signer.clone(),
            date: cn_date(on),
        });
        docs.push(doc);
    }
    Ok(docs)
}

/// The letters as PDF bytes (one page or more per donor).
pub fn thanks_pdf(
    conn: &Connection,
    filter: &DonationFilter,
    on: NaiveDate,
    fonts: &FontSet,
) -> Result<Vec<u8>> {
    render_batch(
        &thanks_docs(conn, filter, on)?,
        fonts,
        &PageStyle::default(),
    )
}
