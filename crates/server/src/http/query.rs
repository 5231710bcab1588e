//! Query-string parsing that answers every malformed input with a 400 problem (axum's own `Query`
//! rejection is plain text, and it cannot read repeated parameters).

use c360_wire::problem::codes;

use super::ApiError;

/// The decoded `name=value` pairs of a query string, in order.
#[derive(Debug, Default)]
pub struct QueryPairs(Vec<(String, String)>);

impl QueryPairs {
    /// Decodes a raw query string (percent-decoding, `+` as space). A value with a NUL character
    /// is refused naming its parameter: no identifier has one, and PostgreSQL cannot even compare
    /// text with it.
    pub fn parse(raw: Option<&str>) -> Result<Self, ApiError> {
        let pairs = c360_wire::urlencoding::parse_pairs(raw.unwrap_or_default()).ok_or_else(|| {
            ApiError::field(
                "query",
                codes::INVALID_FORMAT,
                "The query string has a malformed %-escape or is not UTF-8.",
            )
        })?;
        if let Some((name, _)) = pairs.iter().find(|(_, value)| value.contains('\0')) {
            return Err(ApiError::field(
                name,
                codes::INVALID_FORMAT,
                format!("{name} contains a NUL character (%00)."),
            ));
        }
        Ok(Self(pairs))
    }

    /// The one value of `name`, if given; given twice is a 400.
    pub fn single(&self, name: &str) -> Result<Option<String>, ApiError> {
        let mut values = self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone());
        let first = values.next();
        if values.next().is_some() {
            return Err(ApiError::field(name, codes::CONFLICT, format!("{name} must be given at most once.")));
        }
        Ok(first)
    }

    /// Every value of a repeated parameter, in order.
    pub fn all(&self, name: &str) -> Vec<String> {
        self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.clone()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_plus_and_percent_escapes() {
        let q = QueryPairs::parse(Some("phoneNumber=%2B14155550100&email=a+b%40c.co&x")).unwrap();
        assert_eq!(q.single("phoneNumber").unwrap().as_deref(), Some("+14155550100"));
        assert_eq!(q.single("email").unwrap().as_deref(), Some("a b@c.co"));
        assert_eq!(q.single("x").unwrap().as_deref(), Some(""));
    }

    #[test]
    fn malformed_input_is_a_400_not_a_panic() {
        for raw in ["a=%", "a=%zz", "a=%ff%fe", "a=x%00"] {
            assert!(matches!(QueryPairs::parse(Some(raw)), Err(ApiError::BadRequest { .. })), "{raw}");
        }
        let q = QueryPairs::parse(Some("email=a@b.co&email=c@d.co")).unwrap();
        assert!(matches!(q.single("email"), Err(ApiError::BadRequest { .. })));
        assert_eq!(q.all("email").len(), 2);
    }

    mod properties {
        //! Any query string is decoded or refused with a 400, never a panic; what is decoded, once
        //! encoded again the way the panel encodes it, decodes to the same pairs.

        use proptest::prelude::*;

        use super::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(3000))]

            #[test]
            fn any_query_is_decoded_or_a_400(raw in "[ -~%&=+\u{0}\u{80}-\u{10ffff}]{0,40}|(%[0-9a-fA-F]{2}|[a-z=&+]){0,20}") {
                match QueryPairs::parse(Some(&raw)) {
                    Ok(pairs) => {
                        let again: Vec<String> = pairs
                            .0
                            .iter()
                            .map(|(k, v)| format!("{}={}", c360_wire::urlencoding::encode(k), c360_wire::urlencoding::encode(v)))
                            .collect();
                        prop_assert_eq!(QueryPairs::parse(Some(&again.join("&"))).unwrap().0, pairs.0);
                    }
                    Err(e) => prop_assert!(matches!(e, ApiError::BadRequest { .. }), "{raw:?}: {e:?}"),
                }
            }

            #[test]
            fn a_parameter_given_once_is_read_back(name in "[a-zA-Z]{1,12}", value in "[^\u{0}]{0,20}") {
                let raw = format!("{}={}&other=1", c360_wire::urlencoding::encode(&name), c360_wire::urlencoding::encode(&value));
                let pairs = QueryPairs::parse(Some(&raw)).unwrap();
                prop_assert_eq!(pairs.single(&name).unwrap(), Some(value));
            }
        }
    }
}
