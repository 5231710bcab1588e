//! Recent sentiment as an agent reads it (Positive, Negative, Mixed, Neutral). Filled in by the
//! SentimentBadge work.
