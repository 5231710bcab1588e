//! The panel's components, one public component per file.

mod channel_icon;
pub mod contact_card;
mod customer_header;
mod customer_history;
mod error_notice;
mod notice;
mod screen_pop_off;
mod sentiment_badge;
mod shown_interaction;
mod signed_in;
pub mod timeline;
mod topics_cloud;

pub use channel_icon::ChannelIcon;
pub use contact_card::LimitedProfile;
pub use customer_header::CustomerHeader;
pub use customer_history::CustomerHistory;
pub use error_notice::ErrorNotice;
pub use notice::Notice;
pub use screen_pop_off::ScreenPopOff;
pub use sentiment_badge::SentimentBadge;
pub use shown_interaction::ShownInteraction;
pub use signed_in::SignedIn;
pub use timeline::{Timeline, TimelineRow, TimelineSkeleton};
pub use topics_cloud::TopicsCloud;
