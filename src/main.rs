//! Mounts the app; nothing else.

fn main() {
    console_error_panic_hook::set_once();
    iec62443_assess::ui::mount();
}
