//! Mounts the app; nothing else.

/// The heap allocator: talc instead of the default dlmalloc (smaller code; README "Performance").
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    iec62443_assess::ui::start();
}
