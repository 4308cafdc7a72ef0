//! The papers of the three lists: 三张清单, 项目认领表 and 完成情况通报.
