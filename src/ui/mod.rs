//! Shared atoms: the calm [`Notice`], the [`ErrorNotice`] with its retry, and the [`ChannelIcon`]
//! with the [`channel`] rules it draws.

pub mod channel;
mod channel_icon;
mod error_notice;
mod notice;

pub use channel_icon::ChannelIcon;
pub use error_notice::ErrorNotice;
pub use notice::Notice;
