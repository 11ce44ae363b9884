//! The web page. `state` (which proposal, its assumptions, and how each action a reader takes
//! changes them) is pure and tested natively; the Yew components and the browser's address bar,
//! title and downloads are built for wasm32 only, so the library and `calc` build without Yew.

pub mod state;
pub mod switching;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod checker;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
mod page;
#[cfg(target_arch = "wasm32")]
pub mod slices;

#[cfg(target_arch = "wasm32")]
pub use page::{start, App, AppProps};
