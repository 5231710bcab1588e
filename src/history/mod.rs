//! The customer's history: one insights request per customer ([`CustomerHistory`]), the timeline
//! under day headings with its rows, filters, summaries and loading skeleton, the summary store
//! and the cache of recent customers. Rules in [`model`] and [`days`].

mod customer_history;
pub mod days;
pub mod insights_cache;
pub mod model;
pub mod summary_store;
mod timeline;
mod timeline_filters;
mod timeline_row;
mod timeline_skeleton;
mod timeline_summary;

pub use customer_history::CustomerHistory;
pub use insights_cache::InsightsCache;
pub use summary_store::SummaryStore;
pub use timeline::Timeline;
pub use timeline_filters::TimelineFilters;
pub use timeline_row::{ExpandedRows, ListedIds, TimelineRow};
pub use timeline_skeleton::TimelineSkeleton;
pub use timeline_summary::TimelineSummary;
