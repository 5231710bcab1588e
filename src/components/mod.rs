//! The panel's components, one public component per file.

mod channel_icon;
mod customer_history;
mod error_notice;
mod sentiment_badge;
pub mod timeline;
mod topics_cloud;

pub use channel_icon::ChannelIcon;
pub use customer_history::CustomerHistory;
pub use error_notice::ErrorNotice;
pub use sentiment_badge::SentimentBadge;
pub use timeline::{Timeline, TimelineRow, TimelineSkeleton};
pub use topics_cloud::TopicsCloud;
