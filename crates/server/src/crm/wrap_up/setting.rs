//! What auto log creates at wrap-up (`tenant update --auto-log-record log|task|case`), beside the
//! media it covers (`--auto-log voice,chat,email`).

use c360_wire::insight::MediaType;
use sqlx::AnyConnection;

use crate::tenants::AUTO_LOG_MEDIA;

/// The kind of record auto log creates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum AutoLogRecord {
    /// A call, chat or email log (a `call` activity) pre-filled from the interaction.
    #[default]
    Log,
    /// A follow-up task, due a day after the interaction ended.
    Task,
    /// A new support case.
    Case,
}

impl AutoLogRecord {
    /// Its name on the command line and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Log => "log",
            Self::Task => "task",
            Self::Case => "case",
        }
    }
}

/// Reads `--auto-log-record`.
pub fn parse_auto_log_record(s: &str) -> Result<AutoLogRecord, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "log" => Ok(AutoLogRecord::Log),
        "task" => Ok(AutoLogRecord::Task),
        "case" => Ok(AutoLogRecord::Case),
        _ => Err(format!("{s:?}: use log, task or case")),
    }
}

/// The auto-log media key of a media type (voice = PHONE and VOICEMAIL), `None` for one auto log
/// does not know.
pub fn auto_log_medium(media_type: &MediaType) -> Option<&'static str> {
    let key = match media_type {
        MediaType::Phone | MediaType::Voicemail => "voice",
        MediaType::Chat => "chat",
        MediaType::Email => "email",
        MediaType::Other(_) => return None,
    };
    AUTO_LOG_MEDIA.contains(&key).then_some(key)
}

/// A tenant's auto-log media and record kind (none and `log` for an unknown tenant).
pub async fn auto_log_of(conn: &mut AnyConnection, tenant_id: &str) -> sqlx::Result<(Vec<String>, AutoLogRecord)> {
    let row: Option<(Option<String>, String)> =
        sqlx::query_as("SELECT auto_log, auto_log_record FROM tenants WHERE id = $1")
            .bind(tenant_id)
            .fetch_optional(conn)
            .await?;
    let (media, record) = row.unwrap_or_default();
    let media = media.unwrap_or_default().split(',').filter(|s| !s.is_empty()).map(str::to_owned).collect();
    Ok((media, parse_auto_log_record(&record).unwrap_or_default()))
}

/// Sets what auto log creates for tenant `tenant_id`.
pub async fn set_auto_log_record(conn: &mut AnyConnection, tenant_id: &str, record: AutoLogRecord) -> sqlx::Result<()> {
    sqlx::query("UPDATE tenants SET auto_log_record = $2 WHERE id = $1")
        .bind(tenant_id)
        .bind(record.as_str())
        .execute(conn)
        .await
        .map(drop)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn record_kinds_and_media_keys() {
        assert_eq!(parse_auto_log_record(" Task ").unwrap(), AutoLogRecord::Task);
        assert!(parse_auto_log_record("ticket").is_err());
        assert_eq!(auto_log_medium(&MediaType::Voicemail), Some("voice"));
        assert_eq!(auto_log_medium(&MediaType::Other("SMS".into())), None);
    }
}
