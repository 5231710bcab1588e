//! The panel's read helper in headless Chromium: a superseded request is aborted at once (so it
//! does not hold up its successor, and its answer is never shown), a reader that goes away aborts
//! what it has running, "Try again" asks again, and a read asks before the views of the same
//! change are redrawn.

use std::cell::RefCell;
use std::rc::Rc;

use c360_panel::api::{ApiError, Lookup};
use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::AbortSignal;

use crate::support::{container, texts};

/// Settles after `ms`, or as soon as `abort` fires.
async fn sleep(ms: i32, abort: Option<&AbortSignal>) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
        if let Some(abort) = abort {
            abort.set_onabort(Some(&resolve));
        }
    });
    JsFuture::from(promise).await.unwrap();
}

/// What a request does: answers after `ms`, unless aborted first.
async fn request(ms: i32, abort: Option<AbortSignal>, answer: Result<String, ApiError>) -> Result<String, ApiError> {
    let abort = abort.expect("every read gets an abort signal");
    sleep(ms, Some(&abort)).await;
    if abort.aborted() { Err(ApiError::Aborted) } else { answer }
}

/// The requests a reader started: its source and its abort signal.
type Started = Rc<RefCell<Vec<(u32, AbortSignal)>>>;

/// Waits (up to 3 s) until the answer shown is `expected`.
async fn shown(root: &web_sys::HtmlElement, expected: &str) {
    for _ in 0..150 {
        if texts(root, "[data-testid=answer]") == [expected] {
            return;
        }
        sleep(20, None).await;
    }
    assert_eq!(texts(root, "[data-testid=answer]"), [expected]);
}

/// A reader of `query` rendered as the panel's views render a read (a closure over its answer):
/// each request for `n` answers "answer n" after `ms(n)`. Every answer rendered is logged in
/// `rendered`.
fn reader(
    query: RwSignal<u32>,
    started: Started,
    ms: fn(u32) -> i32,
    rendered: RwSignal<Vec<String>>,
) -> impl IntoView {
    let read = Lookup::new(
        move || query.get(),
        move |n, abort: Option<AbortSignal>| {
            started.borrow_mut().push((n, abort.clone().unwrap()));
            request(ms(n), abort, Ok(format!("answer {n}")))
        },
    );
    move || match read.with(|answer| answer.cloned()) {
        None => view! { <p data-testid="answer">"loading"</p> }.into_any(),
        Some(answer) => {
            let text = answer.unwrap_or_else(|e| e.to_string());
            rendered.update(|r| r.push(text.clone()));
            view! { <p data-testid="answer">{text}</p> }.into_any()
        }
    }
}

#[wasm_bindgen_test]
async fn a_superseded_read_is_aborted_at_once_and_only_the_latest_answer_is_shown() {
    let root = container();
    let query = RwSignal::new(1);
    let started = Started::default();
    let log = Rc::clone(&started);
    // The first request would take 10 s: the second answer can only appear sooner if it is aborted.
    let rendered = RwSignal::new(Vec::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        reader(query, log, |n| if n == 1 { 10_000 } else { 30 }, rendered)
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=answer]"), ["loading"]);
    assert_eq!(started.borrow().len(), 1);

    query.set(2);
    tick().await;
    assert!(started.borrow()[0].1.aborted(), "aborted as soon as the source moved on, not when it answers");
    shown(&root, "answer 2").await;
    assert_eq!(rendered.get_untracked(), ["answer 2"], "the superseded answer was never rendered");
    let started = started.borrow();
    assert_eq!(started.iter().map(|(n, _)| *n).collect::<Vec<_>>(), [1, 2], "one request each, no repeat");
    assert!(!started[1].1.aborted());
}

#[wasm_bindgen_test]
async fn a_reader_that_goes_away_aborts_what_it_has_running() {
    let root = container();
    let started = Started::default();
    let log = Rc::clone(&started);
    let rendered = RwSignal::new(Vec::new());
    let handle = leptos::mount::mount_to(root.clone(), move || reader(RwSignal::new(7), log, |_| 10_000, rendered));
    tick().await;
    assert!(!started.borrow()[0].1.aborted());
    drop(handle);
    assert!(started.borrow()[0].1.aborted(), "unmounting aborts the request in flight");
}

#[wasm_bindgen_test]
async fn try_again_asks_again_and_the_answer_is_none_until_one_arrives() {
    let root = container();
    let calls = Rc::new(RefCell::new(0));
    let read = RwSignal::new_local(None::<Lookup<String>>);
    let counted = Rc::clone(&calls);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let reader = Lookup::new(
            || (),
            move |(), abort| {
                *counted.borrow_mut() += 1;
                let first = *counted.borrow() == 1;
                let answer = if first {
                    Err(ApiError::Server { status: 502, detail: "down".into() })
                } else {
                    Ok("back".to_owned())
                };
                request(10, abort, answer)
            },
        );
        read.set(Some(reader));
        let seen = move || {
            reader.with(|a| match a {
                None => "nothing yet".to_owned(),
                Some(Ok(text)) => text.clone(),
                Some(Err(e)) => e.to_string(),
            })
        };
        view! { <p data-testid="answer">{seen}</p> }
    });
    tick().await;
    assert_eq!(texts(&root, "[data-testid=answer]"), ["nothing yet"]);
    shown(&root, "The service failed (502): down").await;
    read.get_untracked().unwrap().retry();
    shown(&root, "back").await;
    assert_eq!(*calls.borrow(), 2);
}

#[wasm_bindgen_test]
async fn a_read_asks_before_the_views_the_same_change_redraws() {
    // A new call changes who is looked up and redraws the header and skeletons in one go; the
    // identity match must already be on its way by then, not wait for them (issue 14).
    let root = container();
    let query = RwSignal::new(1);
    let log = RwSignal::new(Vec::<String>::new());
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let read = Lookup::new(
            move || query.get(),
            move |n, abort| async move {
                // Where a client calls the browser's `fetch`: on the task's first poll.
                log.update_untracked(|l| l.push(format!("asked {n}")));
                request(10, abort, Ok(format!("answer {n}"))).await
            },
        );
        let header = move || {
            let n = query.get();
            log.update_untracked(|l| l.push(format!("drew {n}")));
            view! { <h2>{n}</h2> }
        };
        let answer = move || read.with(|a| a.and_then(|a| a.clone().ok())).unwrap_or_else(|| "loading".into());
        view! { {header} <p data-testid="answer">{answer}</p> }
    });
    shown(&root, "answer 1").await;
    query.set(2);
    shown(&root, "answer 2").await;
    assert_eq!(log.get_untracked(), ["asked 1", "drew 1", "asked 2", "drew 2"]);
}
