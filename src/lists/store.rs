//! The names the lists' import writes through, where it has always found them: each kind's
//! validate and insert, a claim's insert, a project read back, a title cleaned. Everything
//! else is reached through `lists` itself.

pub(crate) use super::claims::insert_claim;
pub(crate) use super::fields::clean_title;
pub(crate) use super::kinds::need::{insert_need, validate_need};
pub(crate) use super::kinds::project::{get_project, insert_project, validate_project};
pub(crate) use super::kinds::resource::{insert_resource, validate_resource};
