//! `GET /v1/public/tenants/{tenantId}/transcript-summaries`: the response body.

use serde::{Deserialize, Serialize};

/// The text and status of one summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryContent {
    /// Summary content id.
    pub id: String,
    /// The summary text.
    pub result: String,
    /// Processing status (`success`).
    pub status: String,
    /// Content type (`summary`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The interaction's length in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<f64>,
}

/// When the summary was made and how large it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SummaryMetadata {
    /// ISO-8601 local date-time without offset, as upstream sends it.
    pub created_at: String,
    /// Size of the content in bytes.
    pub size_bytes: i64,
}

/// One interaction's summary.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TranscriptSummary {
    /// Interaction id.
    pub interaction_id: String,
    /// Summary object id.
    pub summary_object_id: String,
    /// The summary.
    pub content: SummaryContent,
    /// Its metadata.
    pub metadata: SummaryMetadata,
}

/// An id whose summary could not be returned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PartialFailure {
    /// Interaction id.
    pub interaction_id: String,
    /// `Summary not found` or `Summary not available`.
    pub reason: String,
}

impl PartialFailure {
    /// No summary exists for the interaction.
    pub const NOT_FOUND: &'static str = "Summary not found";
    /// The summary exists but cannot be had right now: worth retrying.
    pub const NOT_AVAILABLE: &'static str = "Summary not available";

    /// Whether asking again later may succeed.
    pub fn is_retryable(&self) -> bool {
        self.reason == Self::NOT_AVAILABLE
    }
}

/// The transcript-summaries response: always 200, failures listed per id.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TranscriptSummariesResponse {
    /// Found summaries.
    #[serde(default)]
    pub summaries: Vec<TranscriptSummary>,
    /// Ids that could not be resolved.
    #[serde(default)]
    pub partial_failures: Vec<PartialFailure>,
}
