//! The customer's recent mood and recurring topics: [`SentimentBadge`] and [`TopicsCloud`], and
//! the rules they render — [`mood`] (the Mixed rule), [`gate`] (whether insights can be shown at
//! all) and [`topic_steps`] (topic sizes and tints).

pub mod gate;
pub mod mood;
mod sentiment_badge;
pub mod topic_steps;
mod topics_cloud;

pub use sentiment_badge::SentimentBadge;
pub use topics_cloud::TopicsCloud;
