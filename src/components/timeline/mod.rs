//! The interaction timeline: the list, one row, and its loading skeleton.

mod list;
mod row;
mod skeleton;

pub use list::Timeline;
pub use row::TimelineRow;
pub use skeleton::TimelineSkeleton;
