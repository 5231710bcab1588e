//! What demo interactions are about: topics with their categories, and for each topic the titles,
//! email subjects and summaries an agent would plausibly see.

/// One topic and the text it gives rise to.
pub struct TopicText {
    /// Topic name as speech analytics reports it.
    pub topic: &'static str,
    /// Catalogue category.
    pub category: &'static str,
    /// Queue such a contact usually lands in.
    pub queue: &'static str,
    /// AI titles.
    pub titles: &'static [&'static str],
    /// Email subjects.
    pub subjects: &'static [&'static str],
    /// Transcript summaries.
    pub summaries: &'static [&'static str],
}

/// The demo tenant's topic catalogue.
pub const TOPICS: &[TopicText] = &[
    TopicText {
        topic: "billing",
        category: "Finance",
        queue: "Billing Support",
        titles: &[
            "Disputed charge on monthly invoice",
            "Question about a late payment fee",
            "Duplicate charge on card",
        ],
        subjects: &["Invoice doesn't match my plan", "Charged twice this month", "Billing question"],
        summaries: &[
            "Customer questioned a charge on the latest invoice. Agent explained the pro-rated amount after the plan change and the customer accepted the explanation.",
            "Customer reported being charged twice. Agent confirmed the duplicate payment and raised a refund, expected within five business days.",
        ],
    },
    TopicText {
        topic: "refund",
        category: "Finance",
        queue: "Billing Support",
        titles: &["Refund status follow-up", "Refund request for returned device"],
        subjects: &["Where is my refund?", "Refund for order #48213"],
        summaries: &[
            "Customer followed up on a refund promised last week. Agent found it was still pending approval, escalated it and promised a call back within 48 hours.",
            "Customer asked for a refund on a returned router. Agent verified the return was received and processed the refund to the original card.",
        ],
    },
    TopicText {
        topic: "payment plan",
        category: "Finance",
        queue: "Retention",
        titles: &["Payment plan for overdue balance"],
        subjects: &["Can I pay in instalments?"],
        summaries: &[
            "Customer could not pay the overdue balance at once. Agent set up a three-month payment plan and waived the late fee as a one-off.",
        ],
    },
    TopicText {
        topic: "outage",
        category: "Technical",
        queue: "Technical Support",
        titles: &["Service outage in customer's area", "No service since this morning"],
        subjects: &["Internet down again", "Outage - any update?"],
        summaries: &[
            "Customer reported no service. Agent confirmed a known outage in the area, shared the estimated restoration time and added the customer to the SMS updates.",
            "Customer was frustrated by a second outage this month. Agent apologised, applied a service credit and opened a ticket with the network team.",
        ],
    },
    TopicText {
        topic: "slow internet",
        category: "Technical",
        queue: "Technical Support",
        titles: &["Slow speeds in the evening", "Wi-Fi drops in upstairs rooms"],
        subjects: &["Speeds much lower than advertised"],
        summaries: &[
            "Customer reported slow evening speeds. Agent ran a line test, found no fault and recommended moving the router; customer will call back if it persists.",
        ],
    },
    TopicText {
        topic: "router reset",
        category: "Technical",
        queue: "Technical Support",
        titles: &["Router reset walkthrough", "Router not booting after update"],
        subjects: &["Router lights blinking orange"],
        summaries: &[
            "Agent walked the customer through a factory reset of the router; service was restored during the call.",
        ],
    },
    TopicText {
        topic: "app login",
        category: "Technical",
        queue: "General Enquiries",
        titles: &["Cannot log in to the mobile app", "Two-factor code not arriving"],
        subjects: &["Locked out of my account"],
        summaries: &[
            "Customer was locked out of the app after too many attempts. Agent verified identity, unlocked the account and re-sent the two-factor code.",
        ],
    },
    TopicText {
        topic: "upgrade",
        category: "Sales",
        queue: "Sales",
        titles: &["Account upgrade request", "Interested in the fibre plan"],
        subjects: &["Upgrade to a faster plan", "Question about fibre availability"],
        summaries: &[
            "Customer asked about faster plans. Agent confirmed fibre is available at the address and booked an installation for next week.",
        ],
    },
    TopicText {
        topic: "cancellation",
        category: "Account",
        queue: "Retention",
        titles: &["Wants to cancel the contract", "Cancellation fee question"],
        subjects: &["Please cancel my service", "Early termination fee?"],
        summaries: &[
            "Customer wanted to cancel over price. Agent offered a loyalty discount for twelve months, which the customer accepted; cancellation withdrawn.",
        ],
    },
    TopicText {
        topic: "address change",
        category: "Account",
        queue: "General Enquiries",
        titles: &["Moving house: transfer of service"],
        subjects: &["Moving on the 15th - transfer my service"],
        summaries: &[
            "Customer is moving next month. Agent scheduled the service transfer for the moving date and updated the billing address.",
        ],
    },
    TopicText {
        topic: "shipping delay",
        category: "Delivery",
        queue: "Inbound Chat",
        titles: &["Replacement device not delivered", "Delivery date keeps moving"],
        subjects: &["Still waiting for my replacement router"],
        summaries: &[
            "Customer's replacement device was delayed at the depot. Agent re-shipped it with express delivery at no cost.",
        ],
    },
];

/// Queues for contacts that are not about one topic.
pub const CHAT_QUEUES: &[&str] = &["Inbound Chat", "WhatsApp Care", "SMS Care"];

/// Wrap-up codes agents pick.
pub const WRAP_UPS: &[&str] =
    &["resolved", "follow-up-required", "escalated", "callback-requested", "billing-adjustment", "info-provided"];

/// Extra labels.
pub const LABELS: &[&str] = &["vip", "repeat-caller", "survey-sent", "priority"];

/// First names for generated customers.
pub const FIRST_NAMES: &[&str] = &[
    "Maria", "James", "Aisha", "Chen", "Olivia", "Mateo", "Priya", "Liam", "Sofia", "Noah", "Yuki", "Emma", "Kwame",
    "Isabella", "Lucas", "Fatima", "Ethan", "Hana", "Diego", "Chloe",
];

/// Last names for generated customers.
pub const LAST_NAMES: &[&str] = &[
    "Gonzalez", "O'Brien", "Khan", "Wei", "Martin", "Rossi", "Patel", "Murphy", "Silva", "Johnson", "Tanaka", "Dubois",
    "Mensah", "Garcia", "Schmidt", "Haddad", "Nguyen", "Kim", "Lopez", "Novak",
];
