//! Loading interactions from a file: NDJSON with one interaction object per line, or a JSON
//! document in the interactions-insight response shape. Each record may add what only the server
//! keeps: `customerSentiment`, `agentSentiment`, `accountId` and a `summary`.
//!
//! NDJSON is read line by line and written as it is read, in batches, inside one transaction:
//! memory stays bounded (a batch of records, the first rejects) whatever the file's size. A
//! single reject loads nothing: the transaction is rolled back, so a kill midway leaves nothing
//! either. A JSON document (the response shape, small by nature) is read whole.

mod load;
mod record;
mod source;

use std::io::BufRead;

use sqlx::AnyConnection;

pub use load::{BATCH, Loader, Rejects};
pub use record::{ImportRecord, ImportSummary, Reject, check};
pub use source::{Entry, entries};

/// Why an import loaded nothing.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    /// Some records were refused; none was stored.
    #[error("{} rejected record(s)", .0.total)]
    Rejected(Rejects),
    /// The input could not be read.
    #[error("{0}")]
    Read(#[from] std::io::Error),
    /// The database refused.
    #[error("{0}")]
    Database(#[from] sqlx::Error),
}

/// Reads `input` and stores its records for `tenant_id` in one transaction, committed only if no
/// record was rejected. Returns how many were stored.
pub async fn import(conn: &mut AnyConnection, tenant_id: &str, input: impl BufRead) -> Result<usize, Failure> {
    let mut loader = Loader::begin(conn, tenant_id).await?;
    for entry in entries(input)? {
        loader.push(entry?).await?;
    }
    loader.finish().await
}
