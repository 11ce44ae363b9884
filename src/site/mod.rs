//! The published site: the council's site file, the page data the build embeds, and the page
//! built in advance from the model, so readers see figures before (or without) any script.

pub mod build;
pub mod colour;
pub mod compact;
pub mod config;
pub mod fingerprint;
pub mod page_data;
pub mod prerender;
pub mod provenance;
