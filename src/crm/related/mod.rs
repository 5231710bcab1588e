//! Related records of the open contact: its activities and cases relative to the live
//! interaction (New, Linked, Suggested), linked and unlinked with the chain buttons, open tasks
//! and cases moved on in place, each expandable into its fields in the chosen layout. Rules in [`model`].

mod activity_icon;
pub mod model;
mod record_view;
mod related_records;
mod related_row;

pub use activity_icon::ActivityIcon;
pub use record_view::RecordView;
pub use related_records::{RelatedRecords, RelatedReload};
pub use related_row::RelatedRow;
