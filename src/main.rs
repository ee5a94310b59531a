//! Mounts the app; nothing else.

/// The heap allocator: talc instead of the default dlmalloc (smaller code; README "Performance").
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `console.error`.
    #[wasm_bindgen(js_namespace = console, js_name = error)]
    fn console_error(message: &str);
}

fn main() {
    // A panic shows its message and place in the browser console. (console_error_panic_hook adds the
    // JavaScript stack, which in a release build names only wasm function numbers: 1 KB for little.)
    std::panic::set_hook(Box::new(|info| console_error(&info.to_string())));
    iec62443_assess::ui::start();
}
