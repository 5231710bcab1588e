//! Search as you type: the [`SearchBox`] combobox and its [`SearchResult`] options. Rules in
//! [`model`].

pub mod model;
mod search_box;
mod search_result;

pub use search_box::SearchBox;
pub use search_result::SearchResult;
