//! One component per file; props are `XxxProps`, callbacks `on_*`.

mod answer;
mod browse;
mod card;
mod card_status;
mod category_picker;
mod chart;
mod code_list;
mod code_practice;
mod custom_study;
mod grade_bar;
mod home;
mod import_panel;
mod last_grade;
mod mock;
mod mock_history;
mod mock_run;
mod mock_summary;
mod nav;
mod notices;
mod output_card;
mod practice;
mod question_screen;
mod run_panel;
mod settings;
mod shortcuts_dialog;
mod stats;
mod title;

pub use browse::Browse;
pub use code_list::CodeList;
pub use code_practice::CodePractice;
pub use custom_study::{CustomPractice, StudyScreen, extra_new_today};
pub use home::Home;
pub use mock::MockScreen;
pub use nav::Nav;
pub use notices::Notices;
pub use practice::Practice;
pub use question_screen::QuestionScreen;
pub use run_panel::RunPanels;
pub use settings::SettingsScreen;
pub use shortcuts_dialog::ShortcutsDialog;
pub use stats::StatsScreen;

use crate::ui::hooks::use_app_state as use_app;
