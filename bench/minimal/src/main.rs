//! The bench baseline: a heading and a counter button, mounted like the app mounts itself.

use leptos::prelude::*;

#[component]
fn App() -> impl IntoView {
    let count = RwSignal::new(0);
    view! {
        <main>
            <h1>"Minimal Leptos page"</h1>
            <button type="button" on:click=move |_| *count.write() += 1>
                "Clicked " {move || count.get()} " times"
            </button>
        </main>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}
