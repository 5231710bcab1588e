//! The interaction timeline: the list under day headings, one row, a row's summary, the filter bar
//! and the loading skeleton.

mod filters;
mod list;
mod row;
mod skeleton;
mod summary;

pub use filters::TimelineFilters;
pub use list::Timeline;
pub use row::{ExpandedRows, ListedIds, TimelineRow};
pub use skeleton::TimelineSkeleton;
pub use summary::TimelineSummary;
