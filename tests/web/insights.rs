//! SentimentBadge and TopicsCloud in headless Chromium.
