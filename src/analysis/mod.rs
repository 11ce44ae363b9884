//! Analyses of a scenario: how far each assumption can move before the answer changes, what
//! the cashflow is worth discounted, and what it is without the correction for optimism bias. They
//! take the levers and the model and nothing else, so every front (the page, `calc`, the JSON)
//! shows the same figures, computed by the model itself in exact decimals.

pub mod comparison;
pub mod discounting;
pub mod optimism;
pub mod random;
pub mod sensitivity;
pub mod switching;
pub mod uncertainty;
pub mod words;

pub use discounting::{discounted, Discounted};
pub use optimism::{optimism_bias, OptimismBiasEffect};
pub use sensitivity::{sensitivity, Sensitivity, SensitivityRow};
pub use switching::{switching_values, Answer, LeverSwitching, Question, Switch, SwitchingValues};
pub use uncertainty::{
    uncertain_levers, uncertainty, Chance, Draws, Percentiles, RangeEnd, UncertainLever,
    Uncertainty,
};
