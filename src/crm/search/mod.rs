//! Search as you type: the [`SearchBox`] combobox, its [`SearchResult`] options and the popup's
//! messages. Rules in
//! [`model`].

pub mod model;
mod search_box;
mod search_message;
mod search_result;

pub use search_box::SearchBox;
pub use search_result::SearchResult;
