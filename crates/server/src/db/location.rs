//! Where the database is: `--db` / `C360_DATABASE_URL` as given on the command line.

use std::path::PathBuf;

use super::{Engine, OpenError};

/// A database location: a SQLite file (a path, or a `sqlite:` URL) or a PostgreSQL URL.
#[derive(Clone, PartialEq, Eq)]
pub enum Location {
    /// A SQLite file given by its path.
    SqliteFile(PathBuf),
    /// A `sqlite:` URL, used as given (with `mode=rwc` added unless it names a mode).
    SqliteUrl(String),
    /// A `postgres://` or `postgresql://` URL.
    Postgres(String),
}

impl Location {
    /// Reads a location; anything that is not a `sqlite:` or `postgres(ql)://` URL is a file path.
    pub fn parse(s: &str) -> Result<Self, OpenError> {
        let s = s.trim();
        if s.is_empty() {
            return Err(OpenError::Location("--db is empty: give a SQLite file or a postgres:// URL".into()));
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(Self::Postgres(s.to_owned()));
        }
        if s.starts_with("sqlite:") {
            return Ok(Self::SqliteUrl(s.to_owned()));
        }
        if let Some((scheme, _)) = s.split_once("://") {
            return Err(OpenError::Location(format!(
                "--db {scheme}://…: use a SQLite file path, sqlite:… or postgres://user@host:port/database"
            )));
        }
        Ok(Self::SqliteFile(PathBuf::from(s)))
    }

    /// The engine this location names.
    pub fn engine(&self) -> Engine {
        match self {
            Self::SqliteFile(_) | Self::SqliteUrl(_) => Engine::Sqlite,
            Self::Postgres(_) => Engine::Postgres,
        }
    }

    /// The URL sqlx connects to. A file path is percent-encoded where a URL would misread it, and
    /// SQLite files are created when missing.
    pub fn url(&self) -> String {
        match self {
            Self::SqliteFile(path) => {
                let path = path.to_string_lossy();
                let mut encoded = String::with_capacity(path.len());
                for c in path.chars() {
                    match c {
                        '%' | '?' | '#' | ' ' => encoded.push_str(&format!("%{:02X}", c as u32)),
                        c => encoded.push(c),
                    }
                }
                format!("sqlite:{encoded}?mode=rwc")
            }
            Self::SqliteUrl(url) if url.contains("mode=") => url.clone(),
            Self::SqliteUrl(url) => format!("{url}{}mode=rwc", if url.contains('?') { '&' } else { '?' }),
            Self::Postgres(url) => url.clone(),
        }
    }

    /// The location as logs may show it: a PostgreSQL password is never printed.
    pub fn redacted(&self) -> String {
        match self {
            Self::SqliteFile(path) => path.display().to_string(),
            Self::SqliteUrl(url) => url.clone(),
            Self::Postgres(url) => match url.split_once("://").and_then(|(s, rest)| Some((s, rest.split_once('@')?))) {
                Some((scheme, (user, host))) => {
                    let user = user.split_once(':').map_or(user, |(name, _)| name);
                    format!("{scheme}://{user}@{host}")
                }
                None => url.clone(),
            },
        }
    }
}

/// Debug output (the CLI's, logs) shows [`Location::redacted`], never a password.
impl std::fmt::Debug for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Location({})", self.redacted())
    }
}

impl std::str::FromStr for Location {
    type Err = OpenError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_engine_follows_the_url_and_paths_are_sqlite_files() {
        assert_eq!(Location::parse("c360.sqlite").unwrap().engine(), Engine::Sqlite);
        assert_eq!(Location::parse("sqlite://x.db").unwrap().engine(), Engine::Sqlite);
        assert_eq!(Location::parse("postgres://c360@127.0.0.1:5432/c360").unwrap().engine(), Engine::Postgres);
        assert_eq!(Location::parse("postgresql://h/db").unwrap().engine(), Engine::Postgres);
        assert!(Location::parse("mysql://h/db").is_err());
        assert!(Location::parse(" ").is_err());
    }

    #[test]
    fn file_paths_become_urls_that_create_the_file() {
        assert_eq!(Location::parse("target/a b#1.sqlite").unwrap().url(), "sqlite:target/a%20b%231.sqlite?mode=rwc");
        assert_eq!(Location::parse("sqlite:x.db").unwrap().url(), "sqlite:x.db?mode=rwc");
        assert_eq!(Location::parse("sqlite:x.db?mode=ro").unwrap().url(), "sqlite:x.db?mode=ro");
    }

    #[test]
    fn passwords_are_not_shown() {
        let url = Location::parse("postgres://c360:s3cret@db.internal:5432/c360").unwrap();
        assert_eq!(url.redacted(), "postgres://c360@db.internal:5432/c360");
        assert!(!format!("{url:?}").contains("s3cret"));
    }
}
