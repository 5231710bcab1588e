//! Transcript summaries for demo interactions: calls, chats and voicemails get one; a few are marked
//! temporarily unavailable so clients can exercise their retry path; emails have none.

use c360_wire::{Interaction, MediaType};

use super::catalogue::TOPICS;
use crate::summaries::NewSummary;

/// The summary of `i`, if it gets one.
pub fn summary_for(i: &Interaction) -> Option<NewSummary> {
    if i.media_type == MediaType::Email {
        return None;
    }
    let seed = i.interaction_id.bytes().fold(0u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
    let result = match i.topics.first().and_then(|t| TOPICS.iter().find(|c| c.topic == t.topic)) {
        Some(topic) => topic.summaries[(seed % topic.summaries.len() as u64) as usize].to_owned(),
        None if i.media_type == MediaType::Voicemail => {
            "Customer left a voicemail asking for a call back about their account.".to_owned()
        }
        None => "Customer contacted support with a general question, which the agent answered.".to_owned(),
    };
    let ended = i.ended_at.unwrap_or(i.started_at);
    let created = chrono::DateTime::from_timestamp_millis(ended + 90_000)
        .map(|t| t.naive_utc().format("%Y-%m-%dT%H:%M:%S").to_string())
        .unwrap_or_default();
    Some(NewSummary {
        interaction_id: i.interaction_id.clone(),
        summary_object_id: format!("obj-{}", &i.interaction_id[4..]),
        content_id: format!("summary-{}", &i.interaction_id[4..]),
        result,
        duration: i.duration_secs().map(|d| d as f64),
        created_at: created,
        available: seed % 17 != 3,
    })
}
