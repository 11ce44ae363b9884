//! One component per file; each reads the model's results and computes none of its own.

pub mod comparison_panel;
pub mod details;
pub mod downloads;
pub mod error_summary;
pub mod headline;
pub mod lever_control;
pub mod lever_panel;
pub mod notices;
pub mod organisations;
pub mod payback_chart;
pub mod proposal_file;
pub mod proposal_picker;
pub mod range_end;
pub mod reconciliation_view;
pub mod sensitivity_panel;
pub mod share_link;
pub mod skip_link;
pub mod tables;
pub mod uncertainty_panel;
pub mod unpublished_warning;
