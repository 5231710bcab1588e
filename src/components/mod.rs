//! The panel's components, one public component per file.

mod channel_icon;
mod customer_history;
mod error_notice;
pub mod timeline;

pub use channel_icon::ChannelIcon;
pub use customer_history::CustomerHistory;
pub use error_notice::ErrorNotice;
pub use timeline::{Timeline, TimelineRow, TimelineSkeleton};
