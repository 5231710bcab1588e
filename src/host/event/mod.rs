//! The host's messages, parsed strictly: the envelope `{ "type": "event", "name", "payload" }`,
//! the Agent Workspace partner events (`../shared/spec/upstream/partner-sdk/`) and our own
//! `c360-*` events. Each payload's `schemaVersion` must be the one this build speaks; a field of
//! the wrong type, an unknown enum value or an oversized string rejects the whole message.
//! Unknown extra fields are ignored (as the SDK's schemas strip them).
//!
//! The events are defined here; [`parse`] reads them.

mod parse;

pub use parse::{ACCENTS, parse};

/// A message the panel acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HostEvent {
    /// `aw-interaction-started-v1`.
    Started(Started),
    /// `aw-interaction-focus-v3`: show this interaction.
    Focus { interaction_id: String },
    /// `aw-interaction-ended-v1`.
    Ended { interaction_id: String },
    /// `aw-interaction-wrap-up-codes-received-v1`: the agent wrapped up with these codes (ids).
    WrapUpCodes { interaction_id: String, codes: Vec<String> },
    /// `global-user-details-v1`: who the agent is and their language.
    UserDetails { name: String, language: Option<String> },
    /// `c360-context-v1`: how the host wants the panel to look and read.
    Context(HostContext),
    /// `c360-auth-v1`: a panel token handed over by the host.
    Auth { token: String },
}

/// The channel of a started interaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InteractionType {
    /// Voice call.
    Phone,
    /// Chat (web chat, messaging).
    Chat,
    /// Email.
    Email,
    /// SMS.
    Sms,
}

/// `aw-interaction-started-v1`, with our optional `customerEmail`, `routed` and `internal`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Started {
    /// The host's id of the interaction.
    pub interaction_id: String,
    /// Its channel.
    pub interaction_type: InteractionType,
    /// Whether the customer called in (else the agent reached out).
    pub inbound: bool,
    /// Queue it came through, if any.
    pub queue_name: Option<String>,
    /// The customer's phone number as the host has it.
    pub customer_phone: Option<String>,
    /// The customer's email (digital channels).
    pub customer_email: Option<String>,
    /// Routed through a queue (absent = routed).
    pub routed: bool,
    /// Agent-to-agent or directory call (absent = external).
    pub internal: bool,
}

/// `c360-context-v1`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct HostContext {
    /// `light` or `dark`; `None` follows the system.
    pub theme: Option<Theme>,
    /// An accent preset (`tokens.accent`): one of [`ACCENTS`].
    pub accent: Option<String>,
    /// A BCP 47 language tag.
    pub locale: Option<String>,
    /// An IANA time zone name.
    pub time_zone: Option<String>,
}

/// A colour scheme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// Why a message was ignored (logged once per reason, counted always).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    /// The sender's origin is not an allowed host origin.
    Origin,
    /// Not `{ type: "event", name: <string>, payload: <object> }`.
    Envelope,
    /// An event name this panel does not handle.
    UnknownEvent,
    /// `schemaVersion` missing or not the one this build speaks.
    SchemaVersion,
    /// A field is missing, of the wrong type, out of its allowed values or too long.
    Payload,
}

impl Rejected {
    /// What the console says.
    pub fn describe(self) -> &'static str {
        match self {
            Rejected::Origin => "a message from an origin that is not an allowed host origin",
            Rejected::Envelope => "a message that is not a { type: \"event\", name, payload } envelope",
            Rejected::UnknownEvent => "an event this panel does not handle",
            Rejected::SchemaVersion => "an event with a missing or unsupported schemaVersion",
            Rejected::Payload => "an event whose payload does not match its schema",
        }
    }
}
