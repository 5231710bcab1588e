//! Panel entry point: panic hook, then mount [`c360_panel::App`].

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(c360_panel::App);
}
