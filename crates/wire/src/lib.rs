//! Wire types of the Customer 360 public API and of our native CRM API (`crm`), the one problem
//! body every error uses, and the validation rules of both — defined once here so the server
//! enforces and the panel pre-checks the very same code. No web framework in here: it compiles
//! for wasm32 and native alike.

pub mod crm;
pub mod identity;
pub mod insight;
pub mod open_enum;
pub mod order;
pub mod panel;
pub mod problem;
pub mod query;
mod rfc3339;
pub mod routes;
pub mod summaries;
pub mod urlencoding;

pub use identity::{Identity, normalize_email, normalize_phone};
pub use insight::{
    AggregatedSentiment, AggregatedSentiments, AggregatedTopics, Direction, Insights, Interaction, InteractionsInsight,
    MediaType, ProductType, Sentiment, Topic, TopicFrequency,
};
pub use panel::{HostOrigins, PanelConfig};
pub use problem::{FieldError, Problem};
pub use query::{InsightQuery, TimeRange, ValidatedInsightQuery};
pub use summaries::{PartialFailure, SummaryContent, SummaryMetadata, TranscriptSummariesResponse, TranscriptSummary};

/// Most interactions one interactions-insight response carries (most recent first).
pub const MAX_INTERACTIONS: usize = 50;
/// Most interaction ids one transcript-summaries request may name.
pub const MAX_SUMMARY_IDS: usize = 50;
/// The only CRM the contract knows.
pub const NATIVE_CRM: &str = "native";
