//! The web page's entry point (built for wasm32 by Trunk).

#[cfg(target_arch = "wasm32")]
fn main() {
    invest_to_save::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is the web page's entry point: build it with `trunk build`, or run the model with `cargo run --bin calc`.");
}
