//! A small validator of JSON answers against an OpenAPI 3.0 document's schemas: types, `format:
//! int32`, `enum`, `nullable`, `maxItems`/`minItems`, `minLength`, and no property the schema
//! does not name. It covers what the contract's documents use, nothing more.
//!
//! Two documents are checked with it: the published upstream one (the conformance reference,
//! tests/fixtures/upstream-openapi.json), which marks neither `insights` nor `aggregatedSentiment`
//! nullable although the contract's text says they are `null` in documented cases, and the one we
//! serve (`GET /openapi.json`), which must describe every answer as it is, with no exceptions.

use serde_json::Value;

/// Fields the contract text allows beyond the published document: the `errors` list of a problem
/// ("a server may add fields … a list of errors").
const EXTENSIONS: &[&str] = &["errors"];
/// Properties the contract text says are `null` in documented cases although the published
/// document does not say so: `insights` without Speech Analytics, `aggregatedSentiment` with fewer
/// than two analysed interactions.
const NULL_BY_CONTRACT_TEXT: &[&str] = &["insights", "aggregatedSentiment"];

/// An OpenAPI document to validate answers against.
pub struct Contract {
    pub doc: Value,
    /// Properties that may be `null` whatever the document says.
    null_allowed: &'static [&'static str],
    /// Properties that may appear although the document does not name them.
    extensions: &'static [&'static str],
}

impl Contract {
    /// The published upstream document, with the exceptions its own text makes.
    pub fn upstream() -> Self {
        let doc = serde_json::from_str(include_str!("../fixtures/upstream-openapi.json")).unwrap();
        Self { doc, null_allowed: NULL_BY_CONTRACT_TEXT, extensions: EXTENSIONS }
    }

    /// A document we serve: taken at its word, no exceptions.
    pub fn served(doc: Value) -> Self {
        Self { doc, null_allowed: &[], extensions: &[] }
    }

    /// The schema the document gives for `status` of `GET path` (401 has none upstream: the
    /// contract says to use the same problem shape).
    pub fn response_schema(&self, path: &str, status: u16) -> Value {
        let schema =
            &self.doc["paths"][path]["get"]["responses"][status.to_string()]["content"]["application/json"]["schema"];
        if schema.is_null() {
            serde_json::json!({"$ref": "#/components/schemas/ProblemDetail"})
        } else {
            schema.clone()
        }
    }

    /// Fails the test, listing every violation, unless `body` matches the schema of `status` of
    /// `GET path`.
    pub fn check(&self, path: &str, status: u16, body: &Value) {
        let mut errors = Vec::new();
        self.validate(&self.response_schema(path, status), body, "$", &mut errors);
        assert!(errors.is_empty(), "{path} {status} does not match the schema:\n{}\n{body:#}", errors.join("\n"));
    }

    /// The violations of `schema` by `value` at `at`, added to `errors`.
    pub fn validate(&self, schema: &Value, value: &Value, at: &str, errors: &mut Vec<String>) {
        if let Some(reference) = schema["$ref"].as_str() {
            let name = reference.trim_start_matches("#/components/schemas/");
            return self.validate(&self.doc["components"]["schemas"][name], value, at, errors);
        }
        if value.is_null() {
            let field = at.rsplit('.').next().unwrap_or_default();
            if schema["nullable"] != Value::Bool(true) && !self.null_allowed.contains(&field) {
                errors.push(format!("{at}: null is not allowed"));
            }
            return;
        }
        let ok = match schema["type"].as_str() {
            Some("object") => value.is_object(),
            Some("array") => value.is_array(),
            Some("string") => value.is_string(),
            Some("integer") => value.is_i64() || value.is_u64(),
            Some("number") => value.is_number(),
            Some("boolean") => value.is_boolean(),
            _ => true,
        };
        if !ok {
            errors.push(format!("{at}: expected {}, got {value}", schema["type"]));
            return;
        }
        if schema["format"] == "int32" && value.as_i64().is_some_and(|n| i32::try_from(n).is_err()) {
            errors.push(format!("{at}: {value} does not fit int32"));
        }
        if let Some(allowed) = schema["enum"].as_array()
            && !allowed.contains(value)
        {
            errors.push(format!("{at}: {value} is not one of {allowed:?}"));
        }
        if let (Some(text), Some(min)) = (value.as_str(), schema["minLength"].as_u64())
            && (text.chars().count() as u64) < min
        {
            errors.push(format!("{at}: shorter than minLength {min}"));
        }
        if let Some(items) = value.as_array() {
            let n = items.len() as u64;
            if schema["maxItems"].as_u64().is_some_and(|max| n > max)
                || schema["minItems"].as_u64().is_some_and(|min| n < min)
            {
                errors.push(format!(
                    "{at}: {n} items, outside minItems {} / maxItems {}",
                    schema["minItems"], schema["maxItems"]
                ));
            }
        }
        if let (Some(object), Some(properties)) = (value.as_object(), schema["properties"].as_object()) {
            for (name, v) in object {
                match properties.get(name) {
                    Some(s) => self.validate(s, v, &format!("{at}.{name}"), errors),
                    None if self.extensions.contains(&name.as_str()) => {}
                    None => errors.push(format!("{at}.{name}: not in the schema")),
                }
            }
        }
        if let (Some(items), Some(schema)) = (value.as_array(), schema.get("items")) {
            for (i, v) in items.iter().enumerate() {
                self.validate(schema, v, &format!("{at}[{i}]"), errors);
            }
        }
    }
}
