//! Invest-to-save calculator: a pure model of invest-to-save proposals in children's social care
//! (`model`), proposals read from TOML files (`proposal`), scenarios in links (`codec`), and
//! printed reports (`report`). The web page (`app`) and the `calc` command are thin fronts.

pub mod analysis;
pub mod app;
pub mod codec;
pub mod levers;
pub mod model;
pub mod proposal;
pub mod reconcile;
pub mod report;
pub mod site;
pub mod wording;
