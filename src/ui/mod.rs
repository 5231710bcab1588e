//! Shared atoms: the calm [`Notice`], the [`ErrorNotice`] with its retry, the [`ChannelIcon`]
//! with the [`channel`] rules it draws, [`Marked`] text (search highlights),
//! a [`Debounce`] for typing, [`ids`] for ARIA references and [`measure`] for sticky layout.

pub mod channel;
mod channel_icon;
pub mod debounce;
mod error_notice;
pub mod ids;
mod marked;
pub mod measure;
mod notice;

pub use channel_icon::ChannelIcon;
pub use debounce::Debounce;
pub use error_notice::{ErrorNotice, explain};
pub use marked::{Marked, segments};
pub use notice::Notice;
