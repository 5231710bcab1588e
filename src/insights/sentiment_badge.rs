//! `SentimentBadge`: the customer's recent mood — Positive, Negative, Mixed or Neutral — as an icon,
//! a word and a colour, with the per-participant breakdown and the recent trend one click away.
//! The rule lives in [`super::mood`]; this file only renders it.

use std::sync::atomic::{AtomicUsize, Ordering};

use c360_wire::{Insights, Interaction, Sentiment};
use leptos::prelude::*;

use super::gate::{NO_LICENCE_TEXT, needs_more_text};
use super::mood::{BadgeState, Breakdown, Mood, Tone, badge_state, sentiment_label};

/// Numbers the breakdown panels so every badge's `aria-controls` points at its own panel.
static NEXT_PANEL: AtomicUsize = AtomicUsize::new(0);

/// The customer's recent sentiment as a toggle button that reveals the customer / agent / overall
/// breakdown and a trend strip of the recent analysed interactions (oldest first); or, when there
/// is nothing to show, a sentence saying why.
#[component]
pub fn SentimentBadge(
    /// Insights of the response (`None` = tenant without Speech Analytics).
    #[prop(into)]
    insights: Signal<Option<Insights>>,
    /// The interactions of the response, newest first.
    #[prop(into)]
    interactions: Signal<Vec<Interaction>>,
) -> impl IntoView {
    let state = Memo::new(move |_| insights.with(|i| interactions.with(|list| badge_state(i.as_ref(), list))));
    let open = RwSignal::new(false);
    let panel_id = format!("c360-sentiment-details-{}", NEXT_PANEL.fetch_add(1, Ordering::Relaxed));

    view! {
        <div class="sentiment" data-testid="sentiment-badge">
            {move || match state.get() {
                BadgeState::NoLicence => empty_state(NO_LICENCE_TEXT.to_owned()).into_any(),
                BadgeState::NeedsMore { has } => empty_state(needs_more_text(has)).into_any(),
                BadgeState::Ready { mood, breakdown, trend, why } => {
                    ready(mood, breakdown, trend, why, open, panel_id.clone()).into_any()
                }
            }}
        </div>
    }
}

/// Why there is no badge (and no topics: this is the one line that says so for both).
fn empty_state(text: String) -> impl IntoView {
    view! { <p class="empty-state insights-empty" data-testid="sentiment-empty">{text}</p> }
}

/// The badge button and its (initially hidden) details panel.
fn ready(
    mood: Mood,
    breakdown: Breakdown,
    trend: Vec<Sentiment>,
    why: String,
    open: RwSignal<bool>,
    panel_id: String,
) -> impl IntoView {
    let tone = mood.tone();
    let why_id = format!("{panel_id}-why");
    let caption_id = format!("{panel_id}-trend");
    let parts = breakdown
        .parts()
        .map(|(who, sentiment)| {
            let tone = Tone::of(sentiment);
            view! {
                <li class=format!("sentiment-part sentiment--{}", tone.as_str()) data-testid="sentiment-part">
                    <span class="sentiment-part-who">{who}": "</span>
                    <SentimentIcon tone size=16/>
                    <span class="sentiment-part-word">{sentiment_label(sentiment)}</span>
                </li>
            }
        })
        .collect_view();
    let strip = (!trend.is_empty()).then(|| {
        // The caption names the list; each face's word follows it (visually hidden, and on hover).
        let caption = match trend.len() {
            1 => "Last analysed interaction".to_owned(),
            n => format!("Last {n} analysed, oldest → newest"),
        };
        let marks = trend
            .iter()
            .map(|sentiment| {
                let tone = Tone::of(sentiment);
                let class = format!("trend-mark sentiment--{}", tone.as_str());
                // Each face names itself on hover as well as to screen readers.
                let word = sentiment_label(sentiment);
                let title = word.clone();
                view! {
                    <li class=class data-sentiment=sentiment.as_str().to_owned() title=title>
                        <SentimentIcon tone size=16/>
                        <span class="visually-hidden">{word}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="sentiment-trend-block">
                <p class="sentiment-trend-caption" id=caption_id.clone()>{caption}</p>
                <ol class="sentiment-trend" role="list" data-testid="sentiment-trend" aria-labelledby=caption_id>{marks}</ol>
            </div>
        }
    });

    view! {
        <button
            type="button"
            class=format!("sentiment-badge sentiment--{}", tone.as_str())
            data-testid="sentiment-toggle"
            aria-expanded=move || open.get().to_string()
            aria-controls=panel_id.clone()
            aria-describedby=why_id.clone()
            on:click=move |_| open.update(|o| *o = !*o)
            on:keydown=move |ev| {
                if ev.key() == "Escape" {
                    open.set(false);
                }
            }
        >
            <SentimentIcon tone size=20/>
            <span class="visually-hidden">"Recent sentiment: "</span>
            <span class="sentiment-label" data-testid="sentiment-label">{mood.label()}</span>
            <svg class="sentiment-chevron" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"
                focusable="false" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"
                stroke-linejoin="round">
                <path d="m6 9 6 6 6-6"/>
            </svg>
        </button>
        <p class="sentiment-why" id=why_id data-testid="sentiment-why">{why}</p>
        <div id=panel_id class="sentiment-details" data-testid="sentiment-breakdown" hidden=move || !open.get()>
            <ul class="sentiment-parts" role="list" aria-label="Sentiment by participant">{parts}</ul>
            {strip}
        </div>
    }
}

/// A face per tone (smiling, frowning, flat, wavy). Decorative: the word is always next to it.
#[component]
fn SentimentIcon(
    /// Which face.
    tone: Tone,
    /// Width and height in CSS pixels.
    size: u32,
) -> impl IntoView {
    let mouth = match tone {
        Tone::Positive => "M8 14s1.5 2 4 2 4-2 4-2",
        Tone::Negative => "M16 16s-1.5-2-4-2-4 2-4 2",
        Tone::Neutral => "M8 15h8",
        Tone::Mixed => "M7.5 15c1.5-1.5 3-1.5 4.5 0s3 1.5 4.5 0",
    };
    view! {
        <svg class="sentiment-icon" viewBox="0 0 24 24" width=size height=size aria-hidden="true" focusable="false"
            fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">
            <circle cx="12" cy="12" r="10"/>
            <path d="M9 9h.01M15 9h.01"/>
            <path d=mouth/>
        </svg>
    }
}
